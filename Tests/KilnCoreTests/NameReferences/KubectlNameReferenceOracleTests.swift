import Foundation
import KilnCore
import KilnTestSupport
import Testing

/// namePrefix, nameSuffix and the reference update against `kubectl kustomize` (Kustomize
/// v5.5): each tree is built by kubectl and by the kiln binary (`kiln kustomize DIR`), and the
/// two stdouts must be byte-identical. A tree kubectl refuses must make kiln exit 1 with
/// nothing on stdout; each tree also says whether kubectl refuses it, so a tree meant to test
/// an error cannot silently stop doing so. kubectl's results are read
/// from Tests/OracleRecords/ (see `Kubectl`).
@Suite struct KubectlNameReferenceOracleTests {
  struct Tree: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    /// The directory built, relative to the tree.
    var build = "."
    var kubectlFails = false
    var testDescription: String { name }
  }

  @Test(arguments: trees)
  func kilnMatchesKubectl(_ tree: Tree) throws {
    let directory = try TemporaryDirectory(prefix: "kiln-nameref")
    for (path, text) in tree.files { try directory.write(path, text) }
    let path = directory.path + "/" + tree.build
    let kubectl = try Kubectl.kustomize(path, tree: directory.path)
    let kiln = try KilnBinary.run(["kustomize", path])
    #expect((kubectl.status != 0) == tree.kubectlFails, "kubectl exited \(kubectl.status): \(kubectl.stderr)")
    if kubectl.status == 0 {
      #expect(kiln.status == 0, "kiln failed where kubectl succeeded:\n\(kiln.stderr)")
      #expect(kiln.stdout == kubectl.stdout, "\(firstDifferences(kiln.stdout, kubectl.stdout))")
    } else {
      #expect(kiln.status == 1, "kubectl failed but kiln exited \(kiln.status):\n\(kiln.stderr)")
      #expect(kiln.stdoutBytes.isEmpty, "kiln printed on stdout for a failing build:\n\(kiln.stdout)")
    }
  }

  // MARK: - Building blocks

  static func kustomization(_ body: String, resources: [String]) -> String {
    "resources:\n" + resources.map { "- \($0)\n" }.joined() + body + "\n"
  }

  /// A pod spec (indented by `indent` spaces) naming `cfg` and `token` in every place
  /// Kustomize looks, plus names that are not in the build.
  static func podSpec(_ indent: Int) -> String {
    let text = """
      serviceAccountName: runner
      priorityClassName: high
      imagePullSecrets:
      - name: token
      - name: registry-elsewhere
      initContainers:
      - name: init
        image: busybox
        env:
        - name: A
          valueFrom:
            configMapKeyRef: {name: cfg, key: a}
        - name: B
          valueFrom:
            secretKeyRef: {name: token, key: b}
        envFrom:
        - configMapRef: {name: cfg}
        - secretRef: {name: token}
      containers:
      - name: app
        image: nginx
        env:
        - name: C
          valueFrom:
            configMapKeyRef: {name: cfg, key: c}
        - name: D
          valueFrom:
            secretKeyRef: {name: token, key: d}
        - name: E
          valueFrom:
            configMapKeyRef: {name: not-in-the-build, key: e}
        envFrom:
        - configMapRef: {name: cfg}
        - secretRef: {name: token}
      volumes:
      - name: config
        configMap: {name: cfg}
      - name: secret
        secret: {secretName: token}
      - name: data
        persistentVolumeClaim: {claimName: data}
      - name: all
        projected:
          sources:
          - configMap: {name: cfg}
          - secret: {name: token}
      """
    let pad = String(repeating: " ", count: indent)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
  }

  /// Every kind with a pod spec (ReplicationController for the kinds that only it names).
  static let workloads = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: pod
    spec:
    \(podSpec(2))
    ---
    apiVersion: v1
    kind: PodTemplate
    metadata:
      name: template
    template:
      spec:
    \(podSpec(4))
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: deploy
    spec:
      template:
        spec:
    \(podSpec(6))
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      template:
        spec:
    \(podSpec(6))
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: ds
    spec:
      template:
        spec:
    \(podSpec(6))
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: sts
    spec:
      serviceName: svc
      template:
        spec:
    \(podSpec(6))
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: job
    spec:
      template:
        spec:
    \(podSpec(6))
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: cron
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
    \(podSpec(10))
    ---
    apiVersion: v1
    kind: ReplicationController
    metadata:
      name: rc
    spec:
      template:
        spec:
    \(podSpec(6))
    """

  /// What the workloads name.
  static let referenced = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    data:
      a: "1"
    ---
    apiVersion: v1
    kind: Secret
    metadata:
      name: token
    type: Opaque
    ---
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: runner
    ---
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      name: data
    ---
    apiVersion: scheduling.k8s.io/v1
    kind: PriorityClass
    metadata:
      name: high
    value: 1000
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
    """

  static func workloadTree(_ name: String, _ directive: String) -> Tree {
    Tree(
      name: name,
      files: [
        "kustomization.yaml": kustomization(directive, resources: ["referenced.yaml", "workloads.yaml"]),
        "referenced.yaml": referenced, "workloads.yaml": workloads,
      ])
  }

  static func single(_ name: String, _ directive: String, _ objects: String, kubectlFails: Bool = false) -> Tree {
    Tree(
      name: name,
      files: ["kustomization.yaml": kustomization(directive, resources: ["objects.yaml"]), "objects.yaml": objects],
      kubectlFails: kubectlFails)
  }

  static func configMap(_ name: String, namespace: String? = nil) -> String {
    """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: \(name)\(namespace.map { "\n  namespace: \($0)" } ?? "")
    """
  }

  static func pod(_ name: String, using configMap: String, namespace: String? = nil) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: \(name)\(namespace.map { "\n  namespace: \($0)" } ?? "")
    spec:
      containers:
      - name: c
        image: nginx
        envFrom:
        - configMapRef:
            name: \(configMap)
    """
  }

  // MARK: - The trees

  static let trees: [Tree] =
    referrerTrees + nestingTrees + candidateTrees + namespaceTrees + generatorTrees + errorTrees

  /// One tree per referring kind (or family of kinds), each under a prefix or a suffix.
  static let referrerTrees: [Tree] = [
    workloadTree("namePrefix: every pod-spec reference of every workload kind", "namePrefix: p-"),
    workloadTree("nameSuffix: every pod-spec reference of every workload kind", "nameSuffix: -s"),
    workloadTree("namePrefix and nameSuffix with namespace", "namespace: prod\nnamePrefix: p-\nnameSuffix: -s"),
    single(
      "Ingress: TLS, auth annotations, backends of both API versions, class",
      "namePrefix: p-\nnameSuffix: -s",
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: tls
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: fastcgi
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      ---
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata:
        name: nginx
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        annotations:
          ingress.kubernetes.io/auth-secret: tls
          nginx.ingress.kubernetes.io/auth-secret: tls
          nginx.ingress.kubernetes.io/auth-tls-secret: tls
          nginx.ingress.kubernetes.io/fastcgi-params-configmap: fastcgi
          unrelated: tls
      spec:
        ingressClassName: nginx
        defaultBackend:
          service: {name: api, port: {number: 80}}
        tls:
        - secretName: tls
          hosts: [a.example.com]
        - secretName: elsewhere
        rules:
        - http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service: {name: api, port: {number: 80}}
            - path: /x
              pathType: Prefix
              backend:
                service: {name: external, port: {number: 80}}
      ---
      apiVersion: networking.k8s.io/v1beta1
      kind: Ingress
      metadata:
        name: legacy
      spec:
        backend:
          serviceName: api
          servicePort: 80
        rules:
        - http:
            paths:
            - backend:
                serviceName: api
                servicePort: 80
      """),
    single(
      "Services: StatefulSet serviceName, APIService, webhooks",
      "namePrefix: p-",
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
        namespace: system
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: db
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        serviceName: db
      ---
      apiVersion: example.com/v1
      kind: StatefulSet
      metadata:
        name: custom
      spec:
        serviceName: db
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      spec:
        group: metrics.k8s.io
        service:
          name: api
          namespace: system
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata:
        name: checks
      webhooks:
      - name: a.example.com
        clientConfig:
          service: {name: api, namespace: system, path: /validate}
      - name: b.example.com
        clientConfig:
          service: {name: api}
      - name: c.example.com
        clientConfig:
          url: https://example.com/validate
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingWebhookConfiguration
      metadata:
        name: inject
      webhooks:
      - name: d.example.com
        clientConfig:
          service: {name: api, namespace: other}
      - name: e.example.com
        clientConfig:
          service: {name: db, namespace: default}
      """),
    single(
      "RBAC: roleRef by kind and apiGroup, subjects, resourceNames",
      "namePrefix: p-\nnameSuffix: -s",
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: view
      rules:
      - apiGroups: [""]
        resources: [configmaps]
        resourceNames: [cfg, elsewhere]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: view
      rules:
      - apiGroups: [""]
        resources: [persistentvolumes, secrets]
        resourceNames: [disk, token]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: token
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: disk
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: bot
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: to-role
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: view}
      subjects:
      - {kind: ServiceAccount, name: bot}
      - {kind: User, name: jane}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: to-cluster-role
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
      - {kind: ServiceAccount, name: bot, namespace: default}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: loose-role-ref
      roleRef: {kind: Role, name: view}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: empty-group
      roleRef: {apiGroup: "", kind: ClusterRole, name: view}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: cluster
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
      - {kind: ServiceAccount, name: bot}
      - {kind: Group, name: bot}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: to-missing
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      """),
    single(
      "storage and scheduling: claims, volumes, classes, priority, secrets of classes and volumes",
      "namePrefix: p-",
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      provisioner: example.com/fast
      parameters:
        secretName: token
        adminSecretName: token
        userSecretName: elsewhere
        secretRef: token
        other: token
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: token
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: disk
      spec:
        storageClassName: fast
        azureFile:
          secretName: token
          shareName: share
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        storageClassName: fast
        volumeName: disk
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      value: 100
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            priorityClassName: high
            volumes:
            - name: data
              persistentVolumeClaim: {claimName: data}
        volumeClaimTemplates:
        - metadata:
            name: www
          spec:
            storageClassName: fast
        - metadata:
            name: other
          spec:
            storageClassName: slow
      """),
    single(
      "HorizontalPodAutoscalers: every scale target kind, and one outside the build",
      "nameSuffix: -s",
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: rs
      ---
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: rc
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: db
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
      ---
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: rs
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: ReplicaSet, name: rs}
      ---
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: rc
      spec:
        scaleTargetRef: {apiVersion: v1, kind: ReplicationController, name: rc}
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: elsewhere
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: elsewhere}
      """),
    single(
      "Node config sources, admission policies, Knative Services, Gateway routes",
      "namespace: kube-system\nnamePrefix: p-",
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: kubelet
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: token
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: n1
      spec:
        configSource:
          configMap: {name: kubelet, namespace: default, kubeletConfigKey: kubelet}
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: policy
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicyBinding
      metadata:
        name: binding
      spec:
        policyName: policy
      ---
      apiVersion: serving.knative.dev/v1
      kind: Service
      metadata:
        name: fn
      spec:
        template:
          spec:
            containers:
            - image: fn
              env:
              - name: T
                valueFrom:
                  secretKeyRef: {name: token, key: t}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: route
      spec:
        rules:
        - backendRefs:
          - name: api
            port: 80
      """),
    single(
      "Rows apply in table order: resourceNames and the twice-listed Ingress TLS row",
      "namePrefix: q-",
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: q-a
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: s
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: q-s
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: reader
      rules:
      - resources: [configmaps, secrets]
        resourceNames: [a, ~]
      - resourceNames: a
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
      spec:
        tls:
        - secretName: s
      """),
    single(
      "Kinds that keep their names, and references to them",
      "namePrefix: p-\nnameSuffix: -s",
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: example.com/v1
      kind: Namespace
      metadata:
        name: custom
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
      ---
      apiVersion: example.com/v1
      kind: CustomResourceDefinition
      metadata:
        name: fake-crd
      ---
      apiVersion: example.com/v1
      kind: APIService
      metadata:
        name: fake-api-service
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: metrics
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      spec:
        service: {name: metrics}
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        configMapName: metrics
      """),
    single(
      "Fields of unexpected shapes: null fields and items are skipped, a lone name is a name",
      "namePrefix: p-",
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        volumes: [~, {name: a, configMap: {name: cfg}}]
        containers:
        - name: c
          image: i
          env: null
          envFrom:
          - ~
          - configMapRef: {name: cfg}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: r
      rules:
      - resourceNames: cfg
      - resourceNames: null
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: b
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
      - ~
      - {kind: User, name: u}
      """),
  ]

  /// Prefixes and suffixes at several levels: bases, overlays and components.
  static let nestingTrees: [Tree] = [
    Tree(
      name: "three levels of prefixes and suffixes stack, references at every level",
      files: [
        "base/kustomization.yaml": kustomization("namePrefix: b-\nnameSuffix: -x", resources: ["objects.yaml"]),
        "base/objects.yaml": configMap("cfg") + "\n---\n" + pod("base-pod", using: "cfg"),
        "mid/kustomization.yaml": kustomization("namePrefix: m-", resources: ["../base", "objects.yaml"]),
        "mid/objects.yaml": pod("mid-by-original", using: "cfg") + "\n---\n"
          + pod("mid-by-base-name", using: "b-cfg-x"),
        "top/kustomization.yaml": kustomization(
          "namePrefix: t-\nnameSuffix: -y", resources: ["../mid", "objects.yaml"]),
        "top/objects.yaml": pod("top-by-original", using: "cfg") + "\n---\n"
          + pod("top-by-mid-name", using: "m-b-cfg-x")
          + "\n---\n" + pod("top-by-final-name", using: "t-m-b-cfg-x-y"),
      ],
      build: "top"),
    Tree(
      name: "sibling bases with their own prefixes: each Pod gets its own base's ConfigMap",
      files: [
        "a/kustomization.yaml": kustomization("namePrefix: a-", resources: ["objects.yaml"]),
        "a/objects.yaml": configMap("cfg") + "\n---\n" + pod("p", using: "cfg"),
        "b/kustomization.yaml": kustomization("namePrefix: b-", resources: ["objects.yaml"]),
        "b/objects.yaml": configMap("cfg") + "\n---\n" + pod("p", using: "cfg"),
        "top/kustomization.yaml": kustomization("namePrefix: t-", resources: ["../a", "../b"]),
      ],
      build: "top"),
    Tree(
      name: "components stack their prefixes on the parent's objects",
      files: [
        "app/kustomization.yaml": """
        namePrefix: o-
        resources:
        - objects.yaml
        components:
        - ../c1
        - ../c2
        """,
        "app/objects.yaml": configMap("base-cm") + "\n---\n" + pod("app-pod", using: "base-cm"),
        "c1/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        namePrefix: c1-
        resources:
        - objects.yaml
        """,
        "c1/objects.yaml": configMap("c1-own") + "\n---\n" + pod("c1-pod", using: "base-cm"),
        "c2/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        namePrefix: c2-
        resources:
        - objects.yaml
        """,
        "c2/objects.yaml": pod("c2-pod", using: "c1-own") + "\n---\n" + pod("c2-other", using: "base-cm"),
      ],
      build: "app"),
    Tree(
      name: "overlay namespace and suffix over a prefixed base",
      files: [
        "base/kustomization.yaml": kustomization("namePrefix: b-", resources: ["objects.yaml"]),
        "base/objects.yaml": configMap("cfg") + "\n---\n" + """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: runner
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              spec:
                serviceAccountName: runner
                volumes:
                - name: c
                  configMap: {name: cfg}
          """,
        "overlay/kustomization.yaml": kustomization(
          "namespace: prod\nnameSuffix: -s", resources: ["../base", "objects.yaml"]),
        "overlay/objects.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: runner
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {kind: ServiceAccount, name: runner}
        - {kind: ServiceAccount, name: b-runner}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          serviceAccountName: b-runner
        """,
      ],
      build: "overlay"),
  ]

  /// Which object a name means when several could.
  static let candidateTrees: [Tree] = [
    Tree(
      name: "an overlay's own never-renamed ConfigMap is no candidate: the base's wins",
      files: [
        "base/kustomization.yaml": kustomization("namePrefix: b-", resources: ["cm.yaml"]),
        "base/cm.yaml": configMap("cfg"),
        "overlay/kustomization.yaml": kustomization("", resources: ["../base", "objects.yaml"]),
        "overlay/objects.yaml": configMap("cfg") + "\n---\n" + pod("p", using: "cfg"),
      ],
      build: "overlay"),
    Tree(
      name: "two candidates renamed unlike the referrer: the reference stays",
      files: [
        "a/kustomization.yaml": kustomization("namePrefix: a-", resources: ["cm.yaml"]),
        "a/cm.yaml": configMap("cfg"),
        "b/kustomization.yaml": kustomization("namePrefix: b-", resources: ["cm.yaml"]),
        "b/cm.yaml": configMap("cfg"),
        "top/kustomization.yaml": kustomization("", resources: ["../a", "../b", "pod.yaml"]),
        "top/pod.yaml": pod("p", using: "cfg"),
      ],
      build: "top"),
    Tree(
      name: "two candidates renamed like the referrer: found multiple possible referrals",
      files: [
        "a/kustomization.yaml": kustomization("namePrefix: a-", resources: ["cm.yaml"]),
        "a/cm.yaml": configMap("cfg"),
        "b/kustomization.yaml": kustomization("namePrefix: b-", resources: ["cm.yaml"]),
        "b/cm.yaml": configMap("cfg"),
        "top/kustomization.yaml": kustomization("namePrefix: t-", resources: ["../a", "../b", "pod.yaml"]),
        "top/pod.yaml": pod("p", using: "cfg"),
      ],
      build: "top", kubectlFails: true),
    single(
      "a cluster-scoped referrer sees every namespace; equal final names are not ambiguous",
      "namePrefix: x-",
      configMap("cfg", namespace: "a") + "\n---\n" + configMap("cfg", namespace: "b") + "\n---\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules:
        - resources: [configmaps]
          resourceNames: [cfg, external]
        """),
    single(
      "references to objects that are not in the build stay as written",
      "namespace: prod\nnamePrefix: p-\nnameSuffix: -s",
      configMap("cfg") + "\n---\n" + """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              serviceAccountName: operator-made
              imagePullSecrets: [{name: registry}]
              containers:
              - name: web
                image: nginx
                envFrom:
                - configMapRef: {name: cfg}
                - secretRef: {name: database}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: ops
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects:
        - {kind: ServiceAccount, name: operator-made, namespace: operators}
        """),
    single(
      "no namespace and default are one namespace; another namespace is not",
      "namePrefix: x-",
      configMap("cfg") + "\n---\n" + configMap("other") + "\n---\n"
        + pod("in-default", using: "cfg", namespace: "default")
        + "\n---\n" + pod("in-team", using: "cfg", namespace: "team") + "\n---\n"
        + configMap("other", namespace: "team") + "\n---\n" + pod("team-other", using: "other", namespace: "team")),
  ]

  /// The namespace transform and the reference update together (research §4, §13 item 13).
  static let namespaceTrees: [Tree] = [
    single(
      "namespace and prefix: RBAC subjects get final names and namespaces (§13 ns2)",
      "namespace: prod\nnamePrefix: x-",
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: deployer
        namespace: original
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: builder
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: already
        namespace: prod
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: deploy
        namespace: original
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: deployers
        namespace: original
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}
      subjects:
      - {kind: Group, name: default}
      - {kind: ServiceAccount, name: deployer, namespace: original}
      - {kind: ServiceAccount, name: builder}
      - {kind: ServiceAccount, name: deployer, namespace: other}
      - {kind: ServiceAccount, name: monitor}
      - {kind: User, name: builder, apiGroup: rbac.authorization.k8s.io}
      - {kind: ServiceAccount, name: already}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: builders
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
      - {kind: ServiceAccount, name: builder}
      - {kind: ServiceAccount, name: builder, namespace: default}
      - {kind: ServiceAccount, name: builder, namespace: ""}
      - {kind: ServiceAccount, name: deployer, namespace: prod}
      - {kind: ServiceAccount, name: default, namespace: kube-system}
      """),
    single(
      "namespace alone: subjects and webhook services of objects of the build get its namespace",
      "namespace: prod",
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: sa
        namespace: prod
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: sb
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: hook
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: crb
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
      - {kind: ServiceAccount, name: sa}
      - {kind: ServiceAccount, name: sb, namespace: default}
      - {kind: ServiceAccount, name: sb, namespace: ""}
      - {kind: User, name: sa}
      - {kind: ServiceAccount, name: stranger}
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingWebhookConfiguration
      metadata:
        name: inject
      webhooks:
      - name: a.example.com
        clientConfig:
          service: {name: hook}
      """),
    single(
      "namespace and prefix: webhook services and APIServices follow their Service",
      "namespace: prod\nnamePrefix: x-",
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: webhook-svc
        namespace: original
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata:
        name: checks
      webhooks:
      - name: a.example.com
        clientConfig:
          service: {name: webhook-svc}
      - name: b.example.com
        clientConfig:
          service: {name: webhook-svc, namespace: original}
      - name: c.example.com
        clientConfig:
          service: {name: webhook-svc, namespace: unrelated}
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1.custom.example.com
      spec:
        service: {name: webhook-svc}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions: [{name: v1, served: true, storage: true}]
        conversion:
          strategy: Webhook
          webhook:
            clientConfig:
              service: {name: webhook-svc, namespace: original}
      """),
    Tree(
      name: "a RoleBinding reaches a ServiceAccount of another namespace through the subject's namespace",
      files: [
        "tools/kustomization.yaml": kustomization("namePrefix: t-", resources: ["sa.yaml"]),
        "tools/sa.yaml": """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: ci
          namespace: tools
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ci
          namespace: tools
        """,
        "app/kustomization.yaml": kustomization("", resources: ["../tools", "bindings.yaml"]),
        "app/bindings.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: explicit
          namespace: app
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
        - {kind: ServiceAccount, name: ci, namespace: tools}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: implicit
          namespace: app
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
        - {kind: ServiceAccount, name: ci}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reads-ci-config
          namespace: app
        rules:
        - resources: [configmaps]
          resourceNames: [ci]
        """,
      ],
      build: "app"),
    Tree(
      name:
        "a subject namespace looks among original namespaces first (a ConfigMap that started there hides the account)",
      files: [
        "accounts/kustomization.yaml": kustomization("namespace: dev", resources: ["sa.yaml"]),
        "accounts/sa.yaml": """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: sa
        """,
        "config/kustomization.yaml": kustomization("", resources: ["cm.yaml"]),
        "config/cm.yaml": configMap("x", namespace: "prod"),
        "top/kustomization.yaml": kustomization(
          "namespace: prod\nnamePrefix: t-", resources: ["../accounts", "../config", "binding.yaml"]),
        "top/binding.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: b
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {kind: ServiceAccount, name: sa, namespace: prod}
        - {kind: ServiceAccount, name: sa, namespace: dev}
        """,
      ],
      build: "top"),
    Tree(
      name: "without an object that started in the subject's namespace, the current namespace is used",
      files: [
        "accounts/kustomization.yaml": kustomization("namespace: dev", resources: ["sa.yaml"]),
        "accounts/sa.yaml": """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: sa
        """,
        "top/kustomization.yaml": kustomization(
          "namespace: prod\nnamePrefix: t-", resources: ["../accounts", "binding.yaml"]),
        "top/binding.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: b
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {kind: ServiceAccount, name: sa, namespace: prod}
        """,
      ],
      build: "top"),
  ]

  /// References to generated objects, whose final names carry a content hash (research §8.4,
  /// §13 item 10).
  static let generatorTrees: [Tree] = [
    Tree(
      name: "generated names in a base, merged and replaced in an overlay with namespace and suffix (§13 gen3)",
      files: [
        "base/kustomization.yaml": """
        resources:
        - deploy.yaml
        configMapGenerator:
        - name: cfg
          literals: [a=1, b=2]
        secretGenerator:
        - name: long
          literals:
          - x=0123456789012345678901234567890123456789012345678901234567890123456789
        """,
        "base/deploy.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                image: nginx
                envFrom:
                - configMapRef: {name: cfg}
                env:
                - name: A
                  valueFrom:
                    configMapKeyRef: {name: cfg, key: a}
                - name: X
                  valueFrom:
                    secretKeyRef: {name: long, key: x}
                - name: N
                  valueFrom:
                    configMapKeyRef: {name: not-generated, key: n}
              volumes:
              - name: c
                configMap: {name: cfg}
              - name: p
                projected:
                  sources:
                  - configMap: {name: cfg}
                  - secret: {name: long}
        """,
        "overlay/kustomization.yaml": """
        resources:
        - ../base
        namespace: prod
        nameSuffix: -v2
        generatorOptions:
          immutable: true
          labels:
            gen: "yes"
        configMapGenerator:
        - name: cfg
          behavior: merge
          literals: [b=20, c=3]
        secretGenerator:
        - name: long
          behavior: replace
          literals: [z=1]
        """,
      ],
      build: "overlay"),
    Tree(
      name: "generated Secrets and ConfigMaps named from Ingresses, accounts, roles and an overlay",
      files: [
        "base/kustomization.yaml": """
        namePrefix: b-
        resources:
        - objects.yaml
        secretGenerator:
        - name: tls
          type: kubernetes.io/tls
          literals: [tls.crt=cert, tls.key=key]
        - name: pull
          literals:
          - .dockerconfigjson={}
        configMapGenerator:
        - name: plain
          literals: [k=v]
          options:
            disableNameSuffixHash: true
        """,
        "base/objects.yaml": """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations:
            nginx.ingress.kubernetes.io/auth-tls-secret: tls
        spec:
          tls:
          - secretName: tls
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: puller
        imagePullSecrets:
        - name: pull
        """,
        "overlay/kustomization.yaml": """
        namePrefix: o-
        resources:
        - ../base
        - objects.yaml
        """,
        "overlay/objects.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
        rules:
        - resources: [secrets, configmaps]
          resourceNames: [tls, b-tls, plain, pull]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          serviceAccountName: b-puller
          imagePullSecrets: [{name: pull}]
          containers:
          - name: c
            image: i
            envFrom:
            - configMapRef: {name: plain}
        """,
      ],
      build: "overlay"),
    Tree(
      name: "a generated ConfigMap is followed from its own namespace only",
      files: [
        "kustomization.yaml": """
        resources:
        - pods.yaml
        configMapGenerator:
        - name: cfg
          namespace: a
          literals: [k=v]
        """,
        "pods.yaml": pod("here", using: "cfg", namespace: "a") + "\n---\n" + pod("there", using: "cfg", namespace: "b")
          + "\n---\n" + pod("nowhere", using: "cfg"),
      ]),
  ]

  /// Trees kubectl refuses: kiln must refuse them too.
  static let errorTrees: [Tree] = [
    single(
      "a webhook service without a name",
      "",
      """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata:
        name: checks
      webhooks:
      - name: a.example.com
        clientConfig:
          service: {namespace: system, path: /validate}
      """,
      kubectlFails: true),
    single(
      "a RoleBinding ServiceAccount subject with a null namespace",
      "namePrefix: p-",
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: b
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
      subjects:
      - {kind: ServiceAccount, name: sa, namespace: null}
      """,
      kubectlFails: true),
    single(
      "a scalar where the reference path needs a list",
      "",
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        volumes: abc
      """,
      kubectlFails: true),
    single(
      "a RoleBinding subject that is not a mapping (kubectl crashes)",
      "",
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: b
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
      subjects:
      - ~
      """,
      kubectlFails: true),
    single(
      "a RoleBinding subject without a name",
      "",
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: b
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
      subjects:
      - {kind: ServiceAccount, namespace: x}
      """,
      kubectlFails: true),
  ]
}

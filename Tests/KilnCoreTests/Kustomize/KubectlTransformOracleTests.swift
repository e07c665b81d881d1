import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// kiln's labels, annotations, namespace, images and replicas transforms against
/// `kubectl kustomize` (Kustomize v5.5) on the same tree: a kustomization using one directive
/// over the 16 objects of research §13 item 12. kiln parses the same files, applies its
/// transforms in Kustomize's order, sorts like kubectl and renders at kubectl's 80 columns;
/// the two outputs must be byte-identical. kubectl's results are
/// read from Tests/OracleRecords/ (see `Kubectl`).
@Suite struct KubectlTransformOracleTests {
  /// One kustomization directive and the kiln transforms that mean the same.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var directive: String
    var transforms: [any Transform]
    var extraFiles: [(name: String, text: String)] = []
    var testDescription: String { name }
  }

  static func pairs(_ pairs: KeyValuePairs<String, String>) -> [MapEntry] {
    pairs.map { MapEntry(key: $0.key, value: .string($0.value)) }
  }

  static func count(_ name: String, _ count: Int) -> SetReplicas.Count {
    SetReplicas.Count(
      name: name, count: .int(count), at: SourceLocation(file: "kustomization.yaml", line: 1, column: 1))
  }

  static let cases: [Case] = [
    Case(
      name: "commonLabels",
      directive: """
        commonLabels:
          team: payments
          version: "1"
        """,
      transforms: [AddLabels(labels: pairs(["team": "payments", "version": "1"]), reach: .selectors)]),
    Case(
      name: "labels without selectors or templates",
      directive: """
        labels:
        - pairs:
            team: payments
        """,
      transforms: [AddLabels(labels: pairs(["team": "payments"]), reach: .metadataOnly)]),
    Case(
      name: "labels with includeSelectors",
      directive: """
        labels:
        - pairs:
            team: payments
          includeSelectors: true
        """,
      transforms: [AddLabels(labels: pairs(["team": "payments"]), reach: .selectors)]),
    Case(
      name: "labels with includeTemplates",
      directive: """
        labels:
        - pairs:
            team: payments
          includeTemplates: true
        """,
      transforms: [AddLabels(labels: pairs(["team": "payments"]), reach: .templates)]),
    Case(
      name: "labels entries in order, with user field specs, then commonLabels",
      directive: """
        labels:
        - pairs:
            team: payments
          fields:
          - path: spec/template/metadata/labels
            kind: Widget
          - path: spec/selector/matchLabels
            kind: Widget
            group: example.com
          - path: spec/extra/labels
            kind: Widget
            create: true
        - pairs:
            stage: canary
            tier: web
          includeTemplates: true
        commonLabels:
          tier: frontend
        """,
      transforms: [
        AddLabels(
          labels: pairs(["team": "payments"]), reach: .metadataOnly,
          extraFields: [
            FieldSpec(kind: "Widget", path: "spec/template/metadata/labels", create: false),
            FieldSpec(group: "example.com", kind: "Widget", path: "spec/selector/matchLabels", create: false),
            FieldSpec(kind: "Widget", path: "spec/extra/labels", create: true),
          ]),
        AddLabels(labels: pairs(["stage": "canary", "tier": "web"]), reach: .templates),
        AddLabels(labels: pairs(["tier": "frontend"]), reach: .selectors),
      ]),
    Case(
      name: "commonAnnotations",
      directive: """
        commonAnnotations:
          owner: team-a
          note: "a: b"
          build: "42"
        """,
      transforms: [AddAnnotations(annotations: pairs(["owner": "team-a", "note": "a: b", "build": "42"]))]),
    Case(
      name: "namespace",
      directive: "namespace: prod",
      transforms: [SetNamespace(namespace: .string("prod"))]),
    Case(
      name: "namespace with RBAC, a Namespace object and cluster-scoped kinds",
      directive: "namespace: prod",
      transforms: [SetNamespace(namespace: .string("prod"))],
      extraFiles: [("rbac.yaml", rbac)]),
    Case(
      name: "namespace and commonLabels over empty fields and a default subject of another namespace",
      directive: """
        namespace: prod
        commonLabels:
          team: payments
        """,
      transforms: [
        SetNamespace(namespace: .string("prod")),
        AddLabels(labels: pairs(["team": "payments"]), reach: .selectors),
      ],
      extraFiles: [("empty-fields.yaml", emptyFields)]),
    Case(
      name: "images",
      directive: """
        images:
        - name: nginx
          newTag: "1.25"
        - name: redis
          tagSuffix: -alpine
        - name: postgres
          digest: sha256:beef
        - name: busybox
          newName: registry.example.com/tools/busybox
        - name: php
          newName: registry.example.com/php
          newTag: 8.3-fpm
          digest: sha256:cafe
        - name: alpine
          newName: alpine2
        - name: alpine2
          newTag: "3"
        """,
      transforms: [
        SetImages(overrides: [
          ImageOverride(name: "nginx", newTag: "1.25"),
          ImageOverride(name: "redis", tagSuffix: "-alpine"),
          ImageOverride(name: "postgres", digest: "sha256:beef"),
          ImageOverride(name: "busybox", newName: "registry.example.com/tools/busybox"),
          ImageOverride(name: "php", newName: "registry.example.com/php", newTag: "8.3-fpm", digest: "sha256:cafe"),
          ImageOverride(name: "alpine", newName: "alpine2"),
          ImageOverride(name: "alpine2", newTag: "3"),
        ])
      ]),
    Case(
      name: "replicas",
      directive: """
        replicas:
        - name: web
          count: 3
        - name: db
          count: 0
        - name: legacy
          count: 2
        - name: frontend
          count: 5
        """,
      transforms: [SetReplicas(counts: [count("web", 3), count("db", 0), count("legacy", 2), count("frontend", 5)])]),
    Case(
      name: "every directive at once, in Kustomize's transformer order",
      directive: """
        images:
        - name: nginx
          newTag: "1.25"
        replicas:
        - name: web
          count: 4
        commonAnnotations:
          owner: team-a
        commonLabels:
          team: payments
        labels:
        - pairs:
            team: checkout
          includeTemplates: true
        namespace: prod
        """,
      transforms: [
        SetNamespace(namespace: .string("prod")),
        AddLabels(labels: pairs(["team": "checkout"]), reach: .templates),
        AddLabels(labels: pairs(["team": "payments"]), reach: .selectors),
        AddAnnotations(annotations: pairs(["owner": "team-a"])),
        SetReplicas(counts: [count("web", 4)]),
        SetImages(overrides: [ImageOverride(name: "nginx", newTag: "1.25")]),
      ]),
  ]

  @Test(arguments: cases)
  func kilnMatchesKubectl(_ test: Case) throws {
    let (kiln, kubectl) = try Self.build(Self.resourceFiles + test.extraFiles, test.directive, test.transforms)
    #expect(kiln == kubectl, "\(firstDifferences(kiln, kubectl))")
  }

  /// Kustomize's labels transformer hands one YAML node per label key to every field it
  /// creates in an object; a later transformer that overwrites the key at one of those fields
  /// rewrites that shared node, so the change shows at all of them. Here a metadata-only
  /// `labels` entry changes the selector and pod template labels that an earlier
  /// `includeSelectors` entry created on a bare DaemonSet (the Deployment, whose metadata
  /// label already existed, keeps `team: a` in its selector).
  @Test func aLaterLabelsEntryAlsoRewritesFieldsWhereAnEarlierEntryCreatedTheSameKey() throws {
    let workloads = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels:
          team: x
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
      """
    let directive = """
      labels:
      - pairs:
          team: a
        includeSelectors: true
      - pairs:
          team: b
      """
    let (kiln, kubectl) = try Self.build(
      [("workloads.yaml", workloads)], directive,
      [
        AddLabels(labels: Self.pairs(["team": "a"]), reach: .selectors),
        AddLabels(labels: Self.pairs(["team": "b"]), reach: .metadataOnly),
      ])
    #expect(
      kubectl.contains(
        """
        spec:
          selector:
            matchLabels:
              team: b
          template:
            metadata:
              labels:
                team: b
        """))
    withKnownIssue(
      "kubectl's shared label nodes: kiln keeps the DaemonSet's selector and template at team: a, kubectl prints team: b"
    ) {
      #expect(kiln == kubectl, "\(firstDifferences(kiln, kubectl))")
    }
  }

  /// kiln's and kubectl's output for `files` under a kustomization with `directive`.
  static func build(
    _ files: [(name: String, text: String)], _ directive: String, _ transforms: [any Transform]
  ) throws -> (kiln: String, kubectl: String) {
    let kustomization = "resources:\n" + files.map { "- \($0.name)\n" }.joined() + directive + "\n"
    var tree = ["kustomization.yaml": kustomization]
    for file in files { tree[file.name] = file.text }
    let result = try Kubectl.kustomize(files: tree)
    try #require(result.status == 0, "kubectl kustomize failed: \(result.stderr)")

    var resources = try files.flatMap { try TransformHarness.resources($0.text) }
    for transform in transforms + [UpdateNameReferences()] { try transform.apply(to: &resources) }
    let sorted = LegacyOrder.standard.sorted(resources)
    let kiln = ManifestRenderer.render(sorted, sources: false, options: .init(lineWidth: 80))
    return (String(decoding: kiln, as: UTF8.self), result.stdout)
  }

  // MARK: - The tree

  static let resourceFiles: [(name: String, text: String)] = [
    ("workloads.yaml", workloads), ("network.yaml", network), ("other.yaml", other),
  ]

  /// Deployment with pod affinity, StatefulSet with claim templates, bare DaemonSet, Jobs with
  /// and without selector, CronJob, Pod, ReplicationController, ReplicaSet.
  static let workloads = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels:
        app: web
    spec:
      replicas: 2
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          affinity:
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  topologyKey: kubernetes.io/hostname
                  labelSelector:
                    matchLabels:
                      app: web
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - topologyKey: topology.kubernetes.io/zone
                labelSelector:
                  matchLabels:
                    app: cache
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: kubernetes.io/hostname
            whenUnsatisfiable: DoNotSchedule
            labelSelector:
              matchLabels:
                app: web
          initContainers:
          - name: migrate
            image: busybox:1.36
          containers:
          - name: web
            image: nginx:1.19
            ports:
            - containerPort: 80
          - name: cache
            image: redis:6
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      replicas: 1
      selector:
        matchLabels:
          app: db
      template:
        metadata:
          labels:
            app: db
        spec:
          containers:
          - name: postgres
            image: postgres:14@sha256:feed
      volumeClaimTemplates:
      - metadata:
          name: data
        spec:
          accessModes:
          - ReadWriteOnce
          resources:
            requests:
              storage: 1Gi
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: migrate
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: migrate
            image: busybox:1.36
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: pinned
    spec:
      manualSelector: true
      selector:
        matchLabels:
          job: pinned
      template:
        metadata:
          labels:
            job: pinned
        spec:
          restartPolicy: Never
          containers:
          - name: pinned
            image: busybox:1.36
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: backup
                image: redis:6
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: debug
    spec:
      containers:
      - name: shell
        image: alpine
      ephemeralContainers:
      - name: debugger
        image: nginx:1.19
    ---
    apiVersion: v1
    kind: ReplicationController
    metadata:
      name: legacy
    spec:
      replicas: 1
      template:
        metadata:
          labels:
            app: legacy
        spec:
          containers:
          - name: legacy
            image: nginx:1.19
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: frontend
    spec:
      replicas: 1
      selector:
        matchLabels:
          tier: frontend
      template:
        metadata:
          labels:
            tier: frontend
        spec:
          containers:
          - name: php
            image: php:8
    """

  /// Service, ExternalName Service, PDBs with and without selector, NetworkPolicy with
  /// ingress and egress peers.
  static let network = """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
      - port: 80
        targetPort: 8080
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: external
    spec:
      type: ExternalName
      externalName: db.example.com
    ---
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata:
      name: web
    spec:
      minAvailable: 1
      selector:
        matchLabels:
          app: web
    ---
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata:
      name: all
    spec:
      maxUnavailable: 1
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: web
    spec:
      podSelector: {}
      policyTypes:
      - Ingress
      - Egress
      ingress:
      - from:
        - podSelector:
            matchLabels:
              role: frontend
        - namespaceSelector:
            matchLabels:
              team: ops
      egress:
      - to:
        - podSelector:
            matchLabels:
              app: db
        ports:
        - port: 5432
    """

  /// A ConfigMap holding an image string (never rewritten) and a custom resource with
  /// selector-shaped fields and a deep containers list.
  static let other = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      image: nginx:1.19
      greeting: hello world
    ---
    apiVersion: example.com/v1
    kind: Widget
    metadata:
      name: gadget
    spec:
      selector:
        matchLabels:
          app: gadget
      template:
        metadata:
          labels:
            app: gadget
      deep:
        containers:
        - name: helper
          image: redis:6
      image: nginx:1.19
    """

  /// Fields left empty (as templating often leaves them), and a binding to the `default`
  /// ServiceAccount of another namespace, which Kustomize moves anyway.
  static let emptyFields = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: empty
      labels:
    spec:
      selector:
      template:
        metadata:
          labels:
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: system-default
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: view
    subjects:
    - kind: ServiceAccount
      name: default
      namespace: kube-system
    """

  /// For the namespace case: a Namespace to rename, ServiceAccounts, bindings whose subjects
  /// follow or not, cluster-scoped kinds, an APIService and a CRD with a conversion webhook.
  static let rbac = """
    apiVersion: v1
    kind: Namespace
    metadata:
      name: original
    ---
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
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: deployers
      namespace: original
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: Role
      name: deploy
    subjects:
    - kind: Group
      name: default
    - kind: ServiceAccount
      name: deployer
      namespace: original
    - kind: ServiceAccount
      name: builder
    - kind: ServiceAccount
      name: deployer
      namespace: other
    - kind: ServiceAccount
      name: monitor
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata:
      name: builders
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: view
    subjects:
    - kind: ServiceAccount
      name: builder
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata:
      name: view
    ---
    apiVersion: v1
    kind: PersistentVolume
    metadata:
      name: disk
    spec:
      claimRef:
        name: data
        namespace: original
    ---
    apiVersion: example.com/v1
    kind: ClusterThing
    metadata:
      name: thing
    ---
    apiVersion: apiregistration.k8s.io/v1
    kind: APIService
    metadata:
      name: v1beta1.metrics.k8s.io
    spec:
      group: metrics.k8s.io
      service:
        name: metrics-server
    ---
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: widgets.example.com
    spec:
      conversion:
        strategy: Webhook
        webhook:
          clientConfig:
            service:
              name: converter
              namespace: original
    """
}

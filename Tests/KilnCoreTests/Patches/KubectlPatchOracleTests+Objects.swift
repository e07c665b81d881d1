extension KubectlPatchOracleTests {
  /// Maps, nulls, quoting, directives on maps, whole-object deletes, and which object a patch finds.
  static let objectTrees: [Tree] = [
    Tree(
      "smp-maps-merge-and-null-removes",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            tier: null
            team: payments
          annotations:
            note: added
        spec:
          replicas: 5
          template:
            spec:
              nodeSelector:
                disk: ssd
        """,
      ]),
    Tree(
      "smp-empty-values-vanish-nulls-stay",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - path: patch.yaml
        """,
        "cm.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm
          labels:
        data:
          written-null: null
          tilde: ~
          empty:
          removed: soon
        extra:
          list: []
          map: {}
          nothing:
        """,
        "patch.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm
        data:
          removed: null
          never-there: null
          added: "yes"
        """,
      ]),
    Tree(
      "smp-scalar-takes-quoting-style",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          replicas: "3"
          paused: 'false'
          minReadySeconds: 5
          revisionHistoryLimit: |
            2
          template:
            metadata:
              annotations:
                a: "x"
                b: 'y'
                c: "z"
                d: plain
        """,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          replicas: 5
          paused: true
          minReadySeconds: "7"
          revisionHistoryLimit: 3
          template:
            metadata:
              annotations:
                a: 1
                b: 2024-01-01
                c: 1.50
                d: 0x1F
        """,
      ]),
    Tree(
      "smp-map-directives",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {a: "1", b: "2"}
          annotations: {x: "1"}
        spec:
          template:
            spec:
              nodeSelector: {disk: hdd, zone: b}
              securityContext: {runAsUser: 1}
              containers:
              - name: app
                image: app:1
                resources:
                  limits: {cpu: "1", memory: 1Gi}
        """,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            $patch: replace
            c: "3"
          annotations:
            $patch: merge
            y: "2"
        spec:
          template:
            spec:
              nodeSelector:
                $patch: replace
                disk: ssd
              securityContext:
                $patch: delete
              dnsConfig:
                $patch: delete
                nameservers: [1.1.1.1]
              affinity:
                $patch: replace
                nodeAffinity: {}
              containers:
              - name: app
                $patch: replace
                image: ignored:9
        """,
      ]),
    Tree(
      "smp-unknown-directive-fails",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: app
                $patch: frob
                image: x
        """,
      ]),
    Tree(
      "smp-unknown-directive-in-new-element-is-kept",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: newc
                $patch: frob
                image: x
        """,
      ]),
    Tree(
      "smp-unsupported-directives-pass-through",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          finalizers: [x]
          $deleteFromPrimitiveList/finalizers: [y]
        spec:
          strategy:
            $retainKeys: [type]
            type: Recreate
          template:
            spec:
              $setElementOrder/containers:
              - name: sidecar
              - name: app
              containers:
              - name: app
                image: app:2
        """,
      ]),
    Tree(
      "smp-delete-whole-object",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        - cm.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            $patch: delete
        """,
        "deploy.yaml": PatchFixture.deployment,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "smp-no-matching-object-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: missing
            data:
              a: b
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "smp-default-namespace-and-cluster-scope",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        - role.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: default
            data:
              mode: slow
        - patch: |
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: reader
              namespace: anything
            rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [get]
        """,
        "cm.yaml": PatchFixture.configMap,
        "role.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules: []
        """,
      ]),
    Tree(
      "smp-overlay-patches-prefixed-base",
      [
        "base/kustomization.yaml": """
        namePrefix: base-
        namespace: team
        resources:
        - cm.yaml
        - deploy.yaml
        """,
        "base/cm.yaml": PatchFixture.configMap,
        "base/deploy.yaml": PatchFixture.deployment,
        "kustomization.yaml": """
        resources:
        - base
        namePrefix: prod-
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: team
            data:
              mode: by-original-name
        - patch: |
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: base-web
              namespace: team
            spec:
              replicas: 9
        """,
      ]),
    Tree(
      "smp-patches-strategic-merge-deprecated",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        - cm.yaml
        patchesStrategicMerge:
        - replicas.yaml
        - |
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: settings
          data:
            inline: "true"
        """,
        "deploy.yaml": PatchFixture.deployment,
        "cm.yaml": PatchFixture.configMap,
        "replicas.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 7
        """,
      ]),
    Tree(
      "smp-one-file-several-objects",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        - cm.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "cm.yaml": PatchFixture.configMap,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 4
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: slow
        """,
      ]),
    Tree(
      "smp-keeps-name-kind-namespace",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            apiVersion: v1
            kind: Secret
            metadata:
              name: other
              namespace: elsewhere
            data:
              mode: changed
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "smp-allow-name-change-and-references",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        - pod.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
          options:
            allowNameChange: true
        - target:
            kind: ConfigMap
          patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings-v2
          options:
            allowNameChange: true
        """,
        "cm.yaml": PatchFixture.configMap,
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: user
        spec:
          containers:
          - name: c
            image: c
            envFrom:
            - configMapRef:
                name: settings
          volumes:
          - name: v
            configMap:
              name: settings
        """,
      ]),
    Tree(
      "smp-allow-kind-change",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - target:
            name: web
          patch: |
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: ignored
            spec:
              serviceName: web
          options:
            allowKindChange: true
        """,
        "deploy.yaml": PatchFixture.deployment,
      ]),
    Tree(
      "smp-type-mismatch-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data: [a, b]
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "smp-top-level-replace",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            $patch: replace
            data:
              only: this
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "smp-patches-generated-config-map",
      [
        "kustomization.yaml": """
        configMapGenerator:
        - name: cfg
          literals:
          - a=1
          - b=two
        resources:
        - pod.yaml
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
            data:
              a: 2
              c: added
        - target:
            kind: ConfigMap
            name: cfg
          patch: |
            - op: add
              path: /data/d
              value: json
        """,
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: user
        spec:
          containers:
          - name: c
            image: c
            envFrom:
            - configMapRef:
                name: cfg
        """,
      ]),
    // Generated values are plain-styled strings, so a patched `2` keeps its type (kyaml keeps
    // the replaced value's style).
    Tree(
      "smp-over-generated-values",
      [
        "kustomization.yaml": """
        configMapGenerator:
        - name: cfg
          literals:
          - a=x
          - b=1
        patches:
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
            data:
              a: 2
              b: 3
        """
      ]),
  ]
}

extension KubectlPatchOracleTests {
  /// Targets: anchored regular expressions, label and annotation selectors, namespaces.
  static let targetTrees: [Tree] = [
    Tree(
      "target-name-regex-anchored",
      [
        "kustomization.yaml": """
        resources:
        - many.yaml
        patches:
        - target:
            name: "a.*"
          patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ignored
            data:
              hit: "yes"
        - target:
            kind: Config.*
            name: web|api
            version: v1
            group: ""
          patch: |
            - op: add
              path: /data/alt
              value: matched
        """,
        "many.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: xapi
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: admin
        """,
      ]),
    Tree(
      "target-label-selectors",
      [
        "kustomization.yaml": """
        resources:
        - many.yaml
        patches:
        - target:
            labelSelector: "app in (web,api),tier!=db"
          patch: |
            - op: add
              path: /metadata/annotations
              value: {selected: in-and-not-equal}
        - target:
            labelSelector: "!canary"
            kind: ConfigMap
          patch: |
            - op: add
              path: /data
              value: {stable: "true"}
        - target:
            labelSelector: "canary,app notin (api)"
          patch: |
            - op: add
              path: /metadata/labels/picked
              value: "yes"
        """,
        "many.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels: {app: web, tier: frontend}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: b
          labels: {app: api, tier: db, canary: "true"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          labels: {app: worker, canary: "false"}
        """,
      ]),
    Tree(
      "target-annotation-selector-and-namespace",
      [
        "kustomization.yaml": """
        resources:
        - many.yaml
        patches:
        - target:
            annotationSelector: "owner=team-a"
            namespace: "prod|stage"
          patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
            data:
              owner: a
        - target:
            namespace: default
          patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
            data:
              defaulted: "yes"
        """,
        "many.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: p
          namespace: prod
          annotations: {owner: team-a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: s
          namespace: stage
          annotations: {owner: team-b}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: n
          annotations: {owner: team-a}
        """,
      ]),
    Tree(
      "target-selects-nothing-is-fine",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: Deployment
          patch: |
            - op: add
              path: /spec/replicas
              value: 3
        - target:
            labelSelector: app=none
          patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
            data:
              never: here
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "target-with-two-documents-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            data: {x: "1"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b
            data: {y: "2"}
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "target-patch-applies-to-each-object-afresh",
      [
        "kustomization.yaml": """
        resources:
        - two.yaml
        patches:
        - target:
            kind: Deployment
          patch: |
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: any
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    $patch: delete
                  - name: app
                    image: app:2
        """,
        "two.yaml": PatchFixture.deployment + "\n---\n" + PatchFixture.secondDeployment,
      ]),
    Tree(
      "smp-base-suffix-overlay-targets",
      [
        "base/kustomization.yaml": """
        nameSuffix: -v1
        resources:
        - cm.yaml
        """,
        "base/cm.yaml": PatchFixture.configMap,
        "kustomization.yaml": """
        resources:
        - base
        patches:
        - target:
            name: settings
          patch: |
            - op: add
              path: /data/by-original
              value: "yes"
        - target:
            name: settings-v1
          patch: |
            - op: add
              path: /data/by-current
              value: "yes"
        - target:
            name: settings-v.*
            namespace: default
          patch: |
            - op: add
              path: /data/by-regex
              value: "yes"
        """,
      ]),
  ]
}

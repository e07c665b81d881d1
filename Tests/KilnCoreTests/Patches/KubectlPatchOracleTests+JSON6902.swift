extension KubectlPatchOracleTests {
  /// JSON 6902 patches, and patch texts that are neither kind or both.
  static let jsonTrees: [Tree] = [
    Tree(
      "json6902-all-operations",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - target:
            kind: Deployment
            name: web
          patch: |
            - op: test
              path: /spec/replicas
              value: 2
            - op: replace
              path: /spec/replicas
              value: 6
            - op: add
              path: /metadata/labels/added
              value: "true"
            - op: remove
              path: /metadata/labels/tier
            - op: copy
              from: /spec/template/spec/containers/0/image
              path: /metadata/annotations
            - op: move
              from: /spec/template/spec/containers/1
              path: /spec/template/spec/initContainers
            - op: add
              path: /spec/template/spec/containers/0/env/-
              value: {name: LAST, value: z}
            - op: add
              path: /spec/template/spec/containers/0/env/0
              value: {name: FIRST, value: a}
            - op: remove
              path: /spec/template/spec/containers/0/env/-1
            - op: replace
              path: /spec/template/spec/containers/0/args/1
              value: "9090"
        """,
        "deploy.yaml": PatchFixture.deployment,
      ]),
    Tree(
      "json6902-pointer-escapes-and-quirks",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: add
              path: /metadata/annotations
              value: {}
            - op: add
              path: /metadata/annotations/example.com~1owner
              value: team
            - op: add
              path: /metadata/annotations/tilde~0key
              value: t
            - op: replace
              path: /data/missing
              value: replace-adds
            - op: copy
              from: /data/nothing
              path: /data/copied-null
            - op: add
              path: /data/no-value
            - op: add
              path: data/leading-slash-missing
              value: root
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-add-to-missing-path-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: add
              path: /spec/template/x
              value: 1
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-remove-missing-key-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: remove
              path: /data/absent
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-failed-test-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: test
              path: /data/mode
              value: slow
            - op: replace
              path: /data/mode
              value: never
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-values-read-as-yaml-1-1",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: add
              path: /data/yes
              value: yes
            - op: add
              path: /data/octal
              value: 0123
            - op: add
              path: /data/hex
              value: 0x1F
            - op: add
              path: /data/float
              value: 1e3
            - op: add
              path: /data/date
              value: 2024-01-01
            - op: add
              path: /data/on
              value: on
            - op: add
              path: /data/tilde
              value: ~
            - op: add
              path: /data/million
              value: 1000000
            - op: add
              path: /data/list
              value: [1, "a", {b: c}]
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-numbers-go-through-float64",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: add
              path: /metadata/annotations/num
              value: 5
            - op: add
              path: /metadata/annotations/obj
              value: {a: b}
            - op: add
              path: /metadata/annotations/flag
              value: true
        """,
        "cm.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm
          annotations:
            existing: "1"
        data:
          big: 12345678901234567890
          exact: 9007199254740993
          when: 2024-01-01
          float: 1.5e3
        """,
      ]),
    Tree(
      "json6902-from-json-file",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: ops.json
          target:
            group: apps
            version: v1
            kind: Deployment
            name: web
        """,
        "deploy.yaml": PatchFixture.deployment,
        "ops.json": """
        [
          {"op": "replace", "path": "/spec/replicas", "value": 3},
          {"op": "test", "path": "/spec/replicas", "value": 3},
          {"op": "add", "path": "/spec/template/spec/containers/0/env/-", "value": {"name": "FROM_JSON", "value": "1"}}
        ]
        """,
      ]),
    Tree(
      "json6902-patches-json6902-deprecated",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        - cm.yaml
        patchesJson6902:
        - target:
            group: apps
            version: v1
            kind: Deployment
            name: web
          path: ops.yaml
        - target:
            version: v1
            kind: ConfigMap
            name: settings
          patch: |-
            - op: replace
              path: /data/mode
              value: deprecated-inline
        commonLabels:
          team: a
        """,
        "deploy.yaml": PatchFixture.deployment,
        "cm.yaml": PatchFixture.configMap,
        "ops.yaml": """
        - op: add
          path: /metadata/labels/after-common-labels
          value: "yes"
        """,
      ]),
    Tree(
      "json6902-deprecated-target-needs-name",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patchesJson6902:
        - target:
            version: v1
            kind: ConfigMap
          patch: |-
            - op: replace
              path: /data/mode
              value: x
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-needs-a-target",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - patch: |-
            - op: replace
              path: /data/mode
              value: x
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "patch-that-is-empty-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - path: empty.yaml
        """,
        "cm.yaml": PatchFixture.configMap,
        "empty.yaml": """
        # nothing here
        """,
      ]),
    Tree(
      "patch-that-is-neither-fails",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - patch: |
            data:
              mode: x
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "patches-apply-in-order",
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
            data:
              step: one
        - target:
            kind: ConfigMap
          patch: |
            - op: test
              path: /data/step
              value: one
            - op: replace
              path: /data/step
              value: two
        - patch: |
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              step: three
              level: null
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
    Tree(
      "json6902-rename-follows-references",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        - pod.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: replace
              path: /metadata/name
              value: renamed
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
        """,
      ]),
    // A value read as YAML 1.1: keys such as `n` (false) become Go's text for them.
    Tree(
      "json6902-yaml-1-1-keys",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - target:
            kind: ConfigMap
          patch: |
            - op: add
              path: /metadata/labels
              value: {n: "1", t: "2"}
        """,
        "cm.yaml": PatchFixture.configMap,
      ]),
  ]
}

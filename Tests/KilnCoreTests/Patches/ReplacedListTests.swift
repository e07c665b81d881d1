import KilnCore
import Testing

/// Lists of scalars with a merge strategy are sets (`finalizers`); lists without one, and every
/// list of a kind Kustomize has no schema for, are replaced by the patch's.
@Suite struct ReplacedListTests {
  @Test func finalizersMergeAsASetThePatchsValuesFirst() throws {
    let input = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  finalizers: [a, b]\n"
    let patch = PatchCheck.patch("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  finalizers: [c, a]\n")
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          finalizers:
          - c
          - a
          - b
          name: cm
        """)
  }

  @Test func argsAndTolerationsAreReplaced() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      spec:
        tolerations:
        - {key: a, operator: Exists}
        containers:
        - name: app
          args: [--a, --b]
      """
    let patch = PatchCheck.patch(
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      spec:
        tolerations:
        - {key: b, operator: Exists}
        containers:
        - name: app
          args: [--c]
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - args:
            - --c
            name: app
          tolerations:
          - key: b
            operator: Exists
        """)
  }

  /// No guessing from a `name` field: a custom resource's lists are replaced, its
  /// `metadata.finalizers` too.
  @Test func everyListOfACustomResourceIsReplaced() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: w
        finalizers: [a]
      spec:
        containers:
        - {name: one, image: one}
        - {name: two, image: two}
      """
    let patch = PatchCheck.patch(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: w
        finalizers: [b]
      spec:
        containers:
        - {name: two, image: three}
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          finalizers:
          - b
          name: w
        spec:
          containers:
          - image: three
            name: two
        """)
  }

  /// Kustomize embeds the Kubernetes 1.21 schema: `autoscaling/v2` (GA in 1.23) is unknown to it.
  @Test func kindsNewerThanKustomizesSchemaReplaceTheirLists() throws {
    let input = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  finalizers: [a]\n"
    let patch = PatchCheck.patch(
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  finalizers: [b]\n")
    #expect(try PatchCheck.apply(patch, to: input).contains("finalizers:\n  - b\n  name: h"))
  }
}

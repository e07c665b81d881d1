import KilnCore
import Testing

/// `$patch` directives; and the strategic-merge directives Kustomize does not support, which
/// it copies into the output as plain keys.
@Suite struct PatchDirectiveTests {
  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: pod
      labels: {a: "1", b: "2"}
    spec:
      nodeSelector: {disk: hdd}
      containers:
      - {name: app, image: app}
      - {name: sidecar, image: sidecar}
    """

  static func patch(_ body: String) -> PatchSpec {
    PatchCheck.patch("apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\n" + body)
  }

  @Test func replaceAndDeleteOnMaps() throws {
    let patch = PatchCheck.patch(
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
        labels:
          $patch: replace
          c: "3"
      spec:
        nodeSelector:
          $patch: delete
        securityContext:
          $patch: replace
          runAsUser: 1
      """)
    #expect(
      try PatchCheck.apply(patch, to: Self.pod) == """
        apiVersion: v1
        kind: Pod
        metadata:
          labels:
            c: "3"
          name: pod
        spec:
          containers:
          - image: app
            name: app
          - image: sidecar
            name: sidecar
          securityContext:
            runAsUser: 1
        """)
  }

  @Test func anElementHoldingOnlyTheDirectiveSpeaksForTheList() throws {
    let replaced = Self.patch("spec:\n  containers:\n  - $patch: replace\n  - {name: only, image: only}\n")
    #expect(
      try PatchCheck.apply(replaced, to: Self.pod).contains(
        "containers:\n  - image: only\n    name: only\n  nodeSelector"))
    let deleted = Self.patch("spec:\n  containers:\n  - $patch: delete\n")
    #expect(try !PatchCheck.apply(deleted, to: Self.pod).contains("containers"))
  }

  @Test func deleteAtTheTopDeletesTheObject() throws {
    let input = Self.pod + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n"
    let patch = Self.patch("$patch: delete\n")
    #expect(try PatchCheck.apply(patch, to: input) == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept")
  }

  /// kubectl panics when a deleting document is followed by another in the same patch; kiln
  /// applies both.
  @Test func aDeleteFollowedByAnotherDocumentAppliesBoth() throws {
    let input = Self.pod + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n"
    let patch = PatchCheck.patch(
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      $patch: delete
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: kept
      data:
        patched: "yes"
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        data:
          patched: "yes"
        kind: ConfigMap
        metadata:
          name: kept
        """)
  }

  @Test func anUnknownDirectiveFails() throws {
    let patch = Self.patch("spec:\n  containers:\n  - name: app\n    $patch: frob\n")
    #expect(
      try PatchCheck.errors(patch, on: Self.pod) == [
        "unknown patch strategy \"frob\" (expected delete, replace or merge)"
      ])
  }

  @Test func unsupportedDirectivesAreCopiedAsKeys() throws {
    let patch = Self.patch(
      """
      spec:
        $setElementOrder/containers:
        - name: sidecar
        - name: app
        $retainKeys: [nodeSelector]
      """)
    let output = try PatchCheck.apply(patch, to: Self.pod)
    #expect(output.contains("$retainKeys:\n  - nodeSelector"))
    #expect(output.contains("$setElementOrder/containers:\n  - name: sidecar\n  - name: app"))
  }
}

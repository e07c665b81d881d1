import KilnCore
import Testing

/// Strategic merge on maps and scalars (Kustomize's kyaml merge).
@Suite struct MapMergeTests {
  static let configMap = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      labels:
        app: web
        tier: frontend
    data:
      mode: fast
    """

  @Test func mapsMergeKeyByKeyAndNullRemovesAKey() throws {
    let patch = PatchCheck.patch(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        labels:
          tier: null
          team: payments
      data:
        level: "3"
      """)
    #expect(
      try PatchCheck.apply(patch, to: Self.configMap) == """
        apiVersion: v1
        data:
          level: "3"
          mode: fast
        kind: ConfigMap
        metadata:
          labels:
            app: web
            team: payments
          name: settings
        """)
  }

  @Test func nullForAKeyTheObjectLacksAddsNothing() throws {
    let patch = PatchCheck.patch(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        absent: null
        nested:
          gone: null
      """)
    #expect(
      try PatchCheck.apply(patch, to: Self.configMap) == """
        apiVersion: v1
        data:
          mode: fast
          nested: {}
        kind: ConfigMap
        metadata:
          labels:
            app: web
            tier: frontend
          name: settings
        """)
  }

  /// Every field of a patched object is visited: `key:` with nothing after it disappears,
  /// while `key: null` and `key: ~` stay.
  @Test func emptyValuesOfThePatchedObjectDisappear() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        written: null
        tilde: ~
        empty:
      """
    let patch = PatchCheck.patch("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        data:
          tilde: null
          written: null
        kind: ConfigMap
        metadata:
          name: settings
        """)
  }

  /// A scalar from the patch is written in the quoting style of the value it replaces, so a
  /// number patched over a quoted string prints as a string.
  @Test func aScalarTakesTheQuotingStyleOfTheValueItReplaces() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: "3"
        paused: false
        minReadySeconds: 5
      """
    let patch = PatchCheck.patch(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 5
        paused: true
        minReadySeconds: "7"
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          minReadySeconds: "7"
          paused: true
          replicas: "5"
        """)
  }

  @Test func aMappingCannotPatchAScalar() throws {
    let patch = PatchCheck.patch("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: [a, b]\n")
    #expect(
      try PatchCheck.errors(patch, on: Self.configMap) == [
        "cannot merge at data: the patch has a sequence where a mapping is expected"
      ])
  }
}

import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Which object a strategic merge patch without target finds, and what it may change about
/// that object's identity.
@Suite struct PatchIdentityTests {
  static let objects = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      mode: fast
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      namespace: prod
    data:
      mode: fast
    """

  static func patch(name: String = "settings", namespace: String? = nil, _ body: String = "data:\n  mode: slow\n")
    -> PatchSpec
  {
    let ns = namespace.map { "\n  namespace: \($0)" } ?? ""
    return PatchCheck.patch("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\(ns)\n" + body)
  }

  @Test func theNamespaceChoosesTheObjectAndNoneMeansDefault() throws {
    let prod = try PatchCheck.resources(Self.patch(namespace: "prod"), on: Self.objects)
    #expect(prod.map { $0.node["data"]?["mode"]?.string } == ["fast", "slow"])
    let byDefault = try PatchCheck.resources(Self.patch(namespace: "default"), on: Self.objects)
    #expect(byDefault.map { $0.node["data"]?["mode"]?.string } == ["slow", "fast"])
  }

  @Test func noMatchFails() throws {
    #expect(
      try PatchCheck.errors(Self.patch(name: "missing"), on: Self.objects) == [
        "no resource matches strategic merge patch \"ConfigMap.v1.[noGrp]/missing.[noNs]\""
      ])
  }

  @Test func anEarlierNameStillFindsTheObject() throws {
    var list = try TransformHarness.resources(Self.objects)
    try AddNamePrefix(prefix: .string("p-")).apply(to: &list)
    try ApplyPatches(patches: [Self.patch()]).apply(to: &list)
    #expect(
      list.map { "\($0.name)=\($0.node["data"]?["mode"]?.string ?? "")" } == ["p-settings=slow", "p-settings=fast"])
  }

  @Test func nameKindAndNamespaceStayUnlessAllowed() throws {
    let rename = PatchCheck.patch(
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\n  namespace: elsewhere\n",
      target: PatchTarget(namespace: "prod"))
    let kept = try PatchCheck.resources(rename, on: Self.objects)[1]
    #expect([kept.kind, kept.name, kept.namespace] == ["ConfigMap", "settings", "prod"])
  }

  @Test func anAllowedRenameIsRecordedForReferences() throws {
    let rename = PatchCheck.patch(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: renamed\n", target: PatchTarget(namespace: "prod"),
      allowNameChange: true)
    let renamed = try PatchCheck.resources(rename, on: Self.objects)[1]
    #expect(renamed.name == "renamed")
    #expect(renamed.previousNames == ["settings"])
    #expect(renamed.namespace == "prod")
  }

  @Test func anAllowedKindChangeKeepsTheName() throws {
    let change = PatchCheck.patch(
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ignored\n", target: PatchTarget(namespace: "prod"),
      allowKindChange: true)
    let changed = try PatchCheck.resources(change, on: Self.objects)[1]
    #expect([changed.kind, changed.name] == ["Secret", "settings"])
  }
}

import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// The final step that appends content hashes to generated names.
@Suite struct AddHashSuffixesTests {
  func resources(_ yaml: String) throws -> [Resource] { try TransformHarness.resources(yaml) }

  static let objects = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    data:
      a: "1"
      b: "2"
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: plain
    data:
      a: "1"
    """

  @Test func onlyObjectsThatWantAHashAreRenamedAndTheOldNameIsKept() throws {
    var list = try resources(Self.objects)
    list[0].needsHashSuffix = true
    try AddHashSuffixes().apply(to: &list)
    #expect(list.map(\.name) == ["cfg-7gdc49gk6d", "plain"])
    #expect(list[0].previousNames == ["cfg"])
    #expect(list[1].previousNames.isEmpty)
  }

  /// The hash goes after whatever renames came before (research §13 item 10:
  /// `cfg` + nameSuffix `-v2` → `cfg-v2-5ccmfdht2m`).
  @Test func theHashIsAppendedToTheCurrentName() throws {
    var list = try resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      data: {a: "1", b: "20", c: "3"}
      """)
    list[0].rename(to: "cfg-v2")
    list[0].needsHashSuffix = true
    try AddHashSuffixes().apply(to: &list)
    #expect(list[0].name == "cfg-v2-5ccmfdht2m")
    #expect(list[0].previousNames == ["cfg", "cfg-v2"])
    #expect(list[0].originalName == "cfg")
  }

  /// It runs at the end of the build, after every transformer: labels, annotations and
  /// namespaces added by the kustomization do not change the hash.
  @Test func transformersBeforeTheHashDoNotChangeIt() throws {
    let resources = try GeneratorCheck.resources([
      "kustomization.yaml": """
      namespace: prod
      commonLabels: {app: demo}
      commonAnnotations: {owner: team}
      configMapGenerator:
      - name: x
        literals: [a=b]
      """
    ])
    #expect(resources.map(\.name) == ["x-4h2mbtbbt6"])
    #expect(resources.first?.namespace == "prod")
  }
}

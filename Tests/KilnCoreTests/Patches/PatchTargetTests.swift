import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Which objects a `target` selects: whole-value regular expressions, the original or current
/// name and namespace, Kubernetes selectors. Selecting nothing is not an error.
@Suite struct PatchTargetTests {
  static let objects = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: api
      labels: {app: api}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: xapi
      namespace: prod
      labels: {app: web}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: admin
      annotations: {owner: team-a}
    """

  /// The names of the objects `target` selects, found by a JSON patch that marks them.
  static func selected(_ target: PatchTarget) throws -> [String] {
    let mark = PatchCheck.patch("- {op: add, path: /metadata/selected, value: \"yes\"}", target: target)
    return try PatchCheck.resources(mark, on: objects).filter { $0.node["metadata"]?["selected"] != nil }.map(\.name)
  }

  @Test func patternsMatchTheWholeValue() throws {
    #expect(try Self.selected(PatchTarget(name: "a.*")) == ["api", "admin"])
    #expect(try Self.selected(PatchTarget(name: "api")) == ["api"])
    #expect(try Self.selected(PatchTarget(kind: "Config.*", name: "api|xapi")) == ["api", "xapi"])
    #expect(try Self.selected(PatchTarget(group: "apps", version: "v1")) == ["admin"])
  }

  @Test func noNamespaceIsTheDefaultNamespace() throws {
    #expect(try Self.selected(PatchTarget(namespace: "default")) == ["api", "admin"])
    #expect(try Self.selected(PatchTarget(namespace: "prod")) == ["xapi"])
  }

  @Test func selectors() throws {
    #expect(try Self.selected(PatchTarget(labelSelector: "app in (api,web)")) == ["api", "xapi"])
    #expect(try Self.selected(PatchTarget(labelSelector: "app!=api")) == ["xapi", "admin"])
    #expect(try Self.selected(PatchTarget(annotationSelector: "owner=team-a")) == ["admin"])
  }

  @Test func selectingNothingIsFine() throws {
    #expect(try Self.selected(PatchTarget(kind: "Secret")) == [])
  }

  /// After a base's `namePrefix`, a target still selects the object by its original name.
  @Test func theOriginalNameStillSelects() throws {
    var list = try TransformHarness.resources(Self.objects)
    try AddNamePrefix(prefix: .string("p-")).apply(to: &list)
    let mark = PatchCheck.patch(
      "- {op: add, path: /metadata/selected, value: \"yes\"}", target: PatchTarget(name: "api"))
    try ApplyPatches(patches: [mark]).apply(to: &list)
    #expect(list.filter { $0.node["metadata"]?["selected"] != nil }.map(\.name) == ["p-api"])
  }

  /// Kustomize compiles `^(?:pattern)$` with Go's regexp: RE2 syntax, and a pattern that closes
  /// the group early (`a)|(b`) is valid and anchors each side only once, as in Go.
  @Test func patternsAreGosAnchoredAsKustomizeAnchorsThem() throws {
    #expect(try Self.selected(PatchTarget(name: #"\p{Ll}+"#)) == ["api", "xapi", "admin"])
    #expect(try Self.selected(PatchTarget(name: "[[:lower:]]{3}")) == ["api"])
    #expect(try Self.selected(PatchTarget(name: "a)|(b")) == ["api", "admin"])
  }

  /// Exponential in a backtracking engine; linear here.
  @Test func nestedRepetitionAnswersAtOnce() throws {
    let name = String(repeating: "a", count: 40)
    let objects = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n"
    for (pattern, selects) in [("(a+)+b", false), ("(a|aa)*", true), ("(a*)*$b", false)] {
      let mark = PatchCheck.patch(
        "- {op: add, path: /metadata/selected, value: \"yes\"}", target: PatchTarget(name: pattern))
      let marked = try PatchCheck.resources(mark, on: objects).filter { $0.node["metadata"]?["selected"] != nil }
      #expect(marked.count == (selects ? 1 : 0), "\(pattern)")
    }
  }

  @Test func aBadPatternFails() throws {
    let mark = PatchCheck.patch("- {op: remove, path: /data}", target: PatchTarget(name: "a(b"))
    #expect(try PatchCheck.errors(mark, on: Self.objects) == ["target name \"a(b\" is not a valid regular expression"])
  }
}

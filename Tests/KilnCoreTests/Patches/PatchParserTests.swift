import KilnCore
import KilnYAML
import Testing

/// A `patches:` entry is a strategic merge patch or a JSON 6902 patch, whichever its text reads
/// as; exactly one must work.
@Suite struct PatchParserTests {
  static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: \"1\"\n"
  static let target = PatchTarget(kind: "ConfigMap")

  @Test func objectsAreAStrategicMergePatch() throws {
    let patch = PatchCheck.patch("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  b: \"2\"\n")
    #expect(try PatchCheck.apply(patch, to: Self.configMap).contains("a: \"1\"\n  b: \"2\""))
  }

  @Test func aListOfOperationsIsAJSONPatchInYAMLOrJSON() throws {
    let yaml = PatchCheck.patch("- op: add\n  path: /data/b\n  value: \"2\"\n", target: Self.target)
    let json = PatchCheck.patch(#"[{"op": "add", "path": "/data/b", "value": "2"}]"#, target: Self.target)
    #expect(try PatchCheck.apply(yaml, to: Self.configMap) == PatchCheck.apply(json, to: Self.configMap))
  }

  @Test func anEmptyPatchReadsAsBothAndFails() throws {
    for text in ["# only a comment\n", "[]"] {
      #expect(
        try PatchCheck.errors(PatchCheck.patch(text, target: Self.target), on: Self.configMap) == [
          "the patch reads both as a strategic merge patch and as a JSON 6902 patch (it is empty); kubectl refuses it too"
        ])
    }
  }

  /// An empty file is no strategic merge patch and no JSON text: Kustomize falls through to an
  /// empty JSON patch, which changes nothing (and needs a target).
  @Test func anEmptyFileIsAnEmptyJSONPatch() throws {
    #expect(try PatchCheck.apply(PatchCheck.patch("", target: Self.target), to: Self.configMap).contains("a: \"1\""))
    #expect(try PatchCheck.errors(PatchCheck.patch(""), on: Self.configMap) == ["a JSON 6902 patch needs a target"])
  }

  @Test func anObjectWithoutKindOrNameIsNeither() throws {
    let errors = try PatchCheck.errors(PatchCheck.patch("data:\n  a: b\n", target: Self.target), on: Self.configMap)
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("the patch is neither a strategic merge patch") == true)
  }

  @Test func aTargetTakesOneStrategicMergePatch() throws {
    let two = PatchCheck.patch(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
      target: Self.target)
    #expect(
      try PatchCheck.errors(two, on: Self.configMap) == [
        "a patch with a target may hold one strategic merge patch, this one holds 2"
      ])
  }

  @Test func patchesJson6902NeedsATargetName() throws {
    let patch = PatchCheck.patch("- {op: remove, path: /data}", target: Self.target, form: .json6902)
    #expect(try PatchCheck.errors(patch, on: Self.configMap) == ["the target of a patchesJson6902 entry needs a name"])
  }

  /// kubectl's PatchJson6902Transformer refuses `[]` ("patch appears to be empty"), even when
  /// the target selects nothing; under `patches:` the same text is refused as both kinds.
  @Test func patchesJson6902NeedsAnOperation() throws {
    let target = PatchTarget(kind: "ConfigMap", name: "other")
    for text in ["[]", "[]\n", "# nothing\n[]\n"] {
      let patch = PatchCheck.patch(text, target: target, form: .json6902)
      #expect(try PatchCheck.errors(patch, on: Self.configMap) == ["the JSON 6902 patch holds no operation"])
    }
  }

  /// Inline patch text is parsed on its own, so a syntax error's line and column count from
  /// the patch's first line: the error points at the kustomization's entry instead.
  @Test func aSyntaxErrorInAnInlinePatchPointsAtTheEntry() throws {
    var spec = PatchCheck.patch(#"[{op: add}]"#, target: PatchTarget(kind: "ConfigMap", name: "cm"), form: .json6902)
    spec.file = PatchCheck.entry.file
    let diagnostics = try TransformCheck.diagnostics(ApplyPatches(patches: [spec]), on: Self.configMap)
    #expect(diagnostics.map(\.location) == [PatchCheck.entry])
  }
}

import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// What happens to an entry on its way into Kustomize's generator (JSON read back as YAML),
/// and the keys a generated object cannot have. Expected values are what kubectl kustomize did.
@Suite struct GeneratorSettingsTests {
  @Test(arguments: [
    ("a\u{85}b", "a b"),
    ("a\u{85}", "a "),
    ("\u{85}a", " a"),
    ("a\u{85}\u{85}b", "a\nb"),
    ("a \u{85}b", "a b"),
    ("a\u{85} b", "a b"),
    ("a\n\u{85}b", "a\n b"),
    ("a\u{85}\nb", "a \nb"),
    ("a  b", "a  b"),
    ("a\u{2028}b", "a\u{2028}b"),
  ])
  func nextLinesFoldLikeLineBreaksInADoubleQuotedScalar(_ text: String, _ received: String) {
    #expect(GeneratorSettings.foldingNextLines(text) == received)
  }

  @Test func aFoldedLiteralIsWhatTheGeneratorStores() throws {
    let resources = try GeneratorCheck.resources([
      "kustomization.yaml": "configMapGenerator:\n- name: c\n  literals:\n  - \"k=a\\x85b\"\n"
    ])
    #expect(resources.first?.node["data"]?["k"]?.string == "a b")
    #expect(resources.first?.name == "c-2thhc4cd8m")
  }

  @Test(arguments: ["10", "-1", "+1", "1.5", "1e3", "0x1F", "0o17", "1_000", ".inf", "true", "null", "~", "2024-01-01"])
  func keysReadBackAsNonStringsFail(_ key: String) {
    let failure = GeneratorCheck.failure([
      "kustomization.yaml": "configMapGenerator:\n- name: c\n  literals:\n  - \"\(key)=v\"\n"
    ])
    #expect(failure.hasPrefix("kustomization.yaml:4:5: error: the generated key \"\(key)\" is read back as"))
  }

  @Test(arguments: ["yes", "on", "y", "1.0.0", "v1", "0x", "a10"])
  func keysThatStayStringsPass(_ key: String) throws {
    let resources = try GeneratorCheck.resources([
      "kustomization.yaml": "configMapGenerator:\n- name: c\n  literals:\n  - \"\(key)=v\"\n"
    ])
    #expect(resources.first?.node["data"]?[key]?.string == "v")
  }

  @Test func labelAndAnnotationKeysAndEnvKeysAreCheckedToo() {
    #expect(
      GeneratorCheck.failure([
        "kustomization.yaml": "configMapGenerator:\n- name: c\n  options:\n    labels:\n      \"10\": x\n"
      ]).hasPrefix("kustomization.yaml:5:7: error: the generated key \"10\""))
    #expect(
      GeneratorCheck.failure([
        "kustomization.yaml": "configMapGenerator:\n- name: c\n  envs: [a.env]\n", "a.env": "A=1\ntrue=x\n",
      ]).hasPrefix("a.env:2:1: error: the generated key \"true\""))
  }
}

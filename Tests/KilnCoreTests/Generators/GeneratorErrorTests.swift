import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// Every generator problem kubectl kustomize fails on fails kiln too, with the message placed
/// at the entry or source that causes it.
@Suite struct GeneratorErrorTests {
  func failure(_ kustomization: String, _ files: [String: String] = [:], bytes: [String: [UInt8]] = [:]) -> String {
    var tree = files
    tree["kustomization.yaml"] = kustomization
    return GeneratorCheck.failure(tree, bytes: bytes)
  }

  @Test func invalidLiteral() {
    #expect(
      failure("configMapGenerator:\n- name: x\n  literals:\n  - ok=1\n  - novalue\n")
        == #"kustomization.yaml:5:5: error: invalid literal source "novalue", expected key=value"#)
    #expect(
      failure("configMapGenerator:\n- name: x\n  literals: [=v]\n")
        == #"kustomization.yaml:3:14: error: invalid literal source "=v", expected key=value"#)
  }

  @Test func malformedFileSources() {
    #expect(
      failure("configMapGenerator:\n- name: f\n  files: [a=b=c]\n")
        == #"kustomization.yaml:3:11: error: file source "a=b=c": key name or file path contains '='"#)
    #expect(
      failure("configMapGenerator:\n- name: f\n  files: [=a.txt]\n")
        == #"kustomization.yaml:3:11: error: missing key name for file path "a.txt" in file source "=a.txt""#)
    #expect(
      failure("configMapGenerator:\n- name: f\n  files: [k=]\n")
        == #"kustomization.yaml:3:11: error: missing file path for key name "k" in file source "k=""#)
  }

  @Test func missingFilesDirectoriesAndFilesOutsideTheKustomization() {
    #expect(
      failure("configMapGenerator:\n- name: f\n  files: [missing.txt]\n").hasPrefix(
        "kustomization.yaml:3:11: error: missing.txt"))
    #expect(
      failure("configMapGenerator:\n- name: f\n  files: [sub]\n", ["sub/a.txt": "x"])
        == #"kustomization.yaml:3:11: error: "sub" is a directory; a generator source must be a file"#)
    let outside = GeneratorCheck.failure(
      ["app/kustomization.yaml": "configMapGenerator:\n- name: f\n  files: [../shared/a.txt]\n", "shared/a.txt": "x"],
      in: "app")
    #expect(outside.hasPrefix("kustomization.yaml:3:11: error:"))
    #expect(outside.contains("outside"))
    #expect(
      failure("configMapGenerator:\n- name: f\n  envs: [https://example.com/a.env]\n")
        == #"kustomization.yaml:3:10: error: remote generator sources are not supported: "https://example.com/a.env""#)
  }

  @Test func anEnvFileLineThatIsNotUTF8IsPointedAt() {
    #expect(
      failure("configMapGenerator:\n- name: e\n  envs: [a.env]\n", bytes: ["a.env": Array("A=1\n# bad ".utf8) + [0xFF]])
        == "a.env:2:1: error: env file line has invalid UTF-8 bytes")
  }

  @Test func aRepeatedKeyIsReportedWhereItIsRepeatedWithTheFirstInANote() throws {
    let diagnostics = GeneratorCheck.diagnostics([
      "kustomization.yaml": "configMapGenerator:\n- name: e\n  envs: [a.env]\n  literals: [A=2]\n",
      "a.env": "B=0\nA=1\n",
    ])
    let problem = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(problem.description == #"kustomization.yaml:4:14: error: configmap e illegally repeats the key "A""#)
    #expect(problem.notes == [#""A" was first given at a.env:2:1"#])
  }

  @Test func createWhenTheObjectExists() {
    #expect(
      failure("configMapGenerator:\n- name: a\n  literals: [x=1]\n- name: a\n  literals: [y=1]\n")
        == "kustomization.yaml:4:3: error: ConfigMap a already exists; behavior must be merge or replace")
    #expect(
      failure(
        "resources: [cm.yaml]\nconfigMapGenerator:\n- name: a\n",
        ["cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"])
        == "kustomization.yaml:3:3: error: ConfigMap a already exists; behavior must be merge or replace")
  }

  @Test func mergeOrReplaceWithoutATarget() {
    #expect(
      failure("configMapGenerator:\n- name: a\n  behavior: merge\n  literals: [x=1]\n")
        == "kustomization.yaml:2:3: error: ConfigMap a does not exist; cannot merge it")
    #expect(
      failure("secretGenerator:\n- name: s\n  namespace: x\n  behavior: replace\n")
        == "kustomization.yaml:2:3: error: Secret x/s does not exist; cannot replace it")
  }

  @Test func aFailedEntryDoesNotMakeALaterMergeIntoItFailToo() {
    let diagnostics = GeneratorCheck.diagnostics([
      "kustomization.yaml":
        "configMapGenerator:\n- name: a\n  literals: [bad]\n- name: a\n  behavior: merge\n  literals: [x=1]\n"
    ])
    #expect(
      diagnostics.map(\.description) == [
        #"kustomization.yaml:3:14: error: invalid literal source "bad", expected key=value"#
      ])
  }

  /// Kustomize hands each entry to its generator as YAML, and its YAML reader refuses DEL,
  /// most C1 controls, U+FFFE and U+FFFF there.
  @Test(arguments: ["\\x7f", "\\x80", "\\x9f", "\\uffff", "\\ufffe"])
  func charactersKustomizeCannotPassToItsGenerator(_ escape: String) {
    #expect(
      failure("configMapGenerator:\n- name: c\n  literals:\n  - \"k=a\(escape)b\"\n").hasPrefix(
        "kustomization.yaml:4:5: error: generator setting"))
    #expect(
      failure("generatorOptions:\n  labels:\n    a: \"x\(escape)\"\nconfigMapGenerator:\n- name: c\n").hasPrefix(
        "kustomization.yaml:3:8: error:"))
  }

  @Test(arguments: ["\\x01", "\\x1b", "\\x85", "\\ufeff", "\\t", "\\u2028"])
  func otherControlsPass(_ escape: String) {
    #expect(failure("configMapGenerator:\n- name: c\n  literals:\n  - \"k=a\(escape)b\"\n") == "")
  }
}

import KilnYAML
import Testing

@testable import KilnCore

/// Input kubectl kustomize reads its own way: `kiln kustomize` reads it the same way and warns
/// (`notices`), `kiln build` (the same builder under `BuildRules.kilnBuild`) refuses it.
@Suite struct KubectlLeniencyTests {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 1
    """

  func tree(_ files: [String: String]) -> InMemoryFileSystem {
    var fileSystem = InMemoryFileSystem()
    for (path, text) in files { fileSystem.write("/p/" + path, text) }
    return fileSystem
  }

  func kustomize(_ files: [String: String]) throws -> (output: String, notices: [String]) {
    let result = try Kustomizer.build(directory: "/p", fileSystem: tree(files))
    return (String(decoding: result.output, as: UTF8.self), result.notices.map(\.description))
  }

  func kilnBuildError(_ files: [String: String]) throws -> String {
    var builder = KustomizeBuilder(
      files: try ProjectFiles(fileSystem: tree(files), root: "/p", displayPrefix: ""), rules: .kilnBuild)
    do {
      _ = try builder.build(".")
    } catch {
      return "\(error)"
    }
    return "built"
  }

  @Test func aKustomizationKeyWrittenTwiceKeepsTheLastValue() throws {
    let files = [
      "kustomization.yaml": "resources: [d.yaml]\nnamePrefix: a-\nnamePrefix: b-\n", "d.yaml": Self.deployment,
    ]
    let (output, notices) = try kustomize(files)
    #expect(output.contains("name: b-web\n"))
    #expect(
      notices == [
        "kustomization.yaml:2:1: warning: key \"namePrefix\" is written again at line 3, column 1; kubectl kustomize uses the last value and ignores this one"
      ])
    #expect(try kilnBuildError(files) == "kustomization.yaml:3:1: error: duplicate key \"namePrefix\"")
  }

  @Test func fieldNamesInOtherLetterCaseAreFieldsTheKeySortingLastWins() throws {
    let files = [
      "kustomization.yaml": "Resources: [d.yaml]\nnameprefix: a-\nNamePrefix: b-\n", "d.yaml": Self.deployment,
    ]
    let (output, notices) = try kustomize(files)
    // The JSON keys go in byte order, "NamePrefix" < "nameprefix": the lowercase one is set last.
    #expect(output.contains("name: a-web\n"))
    #expect(notices.count == 3)
    #expect(try kilnBuildError(files).contains("unknown field \"Resources\" in kustomization"))
  }

  @Test func aStrategicMergePatchKeyWrittenTwiceMergesTheFirst() throws {
    let files = [
      "kustomization.yaml": "resources: [d.yaml]\npatches: [{path: p.yaml}]\n", "d.yaml": Self.deployment,
      "p.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 4\n  replicas: 6\n",
    ]
    let (output, notices) = try kustomize(files)
    #expect(output.contains("replicas: 4\n"))
    #expect(notices.count == 1)
    // kiln build: read strictly, the text is no patch at all (the note says why: the key).
    #expect(try kilnBuildError(files).contains("error: the patch is neither a strategic merge patch"))
  }

  @Test func aKeyWrittenTwiceInAMapThePatchAddsFailsAsInKubectl() throws {
    let files = [
      "kustomization.yaml": "resources: [d.yaml]\npatches: [{path: p.yaml}]\n", "d.yaml": Self.deployment,
      "p.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  strategy: {type: A, type: B}\n",
    ]
    #expect(throws: Kustomizer.Failure.self) { try kustomize(files) }
  }

  @Test func aJSONPatchKeyWrittenTwiceKeepsTheLast() throws {
    let files = [
      "kustomization.yaml": "resources: [d.yaml]\npatches: [{path: p.yaml, target: {kind: Deployment}}]\n",
      "d.yaml": Self.deployment, "p.yaml": "- op: replace\n  path: /spec/replicas\n  value: 4\n  value: 6\n",
    ]
    #expect(try kustomize(files).output.contains("replicas: 6\n"))
    #expect(try kilnBuildError(files).contains("error: the patch is neither a strategic merge patch"))
  }

  @Test func anAbsoluteFilePathInsideTheRootIsThatFile() throws {
    let files = [
      "kustomization.yaml": """
      resources: [/p/d.yaml]
      patches: [{path: /p/patch.yaml}]
      configMapGenerator: [{name: env, files: [/p/env.txt]}]
      """,
      "d.yaml": Self.deployment, "env.txt": "k=v\n",
      "patch.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n",
    ]
    let output = try kustomize(files).output
    #expect(output.contains("replicas: 3\n"))
    #expect(output.contains("  env.txt: |\n    k=v\n"))
    #expect(try kilnBuildError(files).contains("is an absolute path"))
  }

  @Test func anAbsoluteDirectoryIsRefusedAsKubectlRefusesIt() throws {
    let files = [
      "kustomization.yaml": "resources: [/p/base]\n", "base/kustomization.yaml": "resources: [d.yaml]\n",
      "base/d.yaml": Self.deployment,
    ]
    #expect(throws: Kustomizer.Failure.self) { try kustomize(files) }
  }
}

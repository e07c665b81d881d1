import Foundation
import KilnTestSupport
import Testing

/// `kiln kustomize` given something other than a kustomization directory: exit 1, nothing on
/// stdout, and a message saying what is wrong (where kubectl kustomize fails too).
@Suite struct KustomizeCommandTests {
  func refused(_ arguments: [String], in directory: String) throws -> String {
    let result = try KilnBinary.run(["kustomize"] + arguments, directory: directory)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    return result.stderr
  }

  @Test func aFileInsteadOfADirectory() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-cli")
    try tree.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
    try tree.write("kustomization.yaml", "resources:\n- cm.yaml\n")
    #expect(
      try refused(["cm.yaml"], in: tree.path)
        == "kiln: error: cm.yaml is a file; kiln kustomize builds a directory holding a kustomization\n")
  }

  @Test func aDirectoryThatDoesNotExist() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-cli")
    #expect(
      try refused(["nope"], in: tree.path).hasPrefix("kiln: error: project directory nope: no such file or directory"))
  }

  @Test func anEmptyPath() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-cli")
    #expect(
      try refused([""], in: tree.path)
        == "kiln: error: the directory path is empty; give a directory (\".\" for this one)\n")
  }

  @Test func aKustomizationNameThatIsADirectory() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-cli")
    try tree.write("kustomization.yaml/keep", "")
    #expect(try refused(["."], in: tree.path).hasSuffix("note: kustomization.yaml is there, but is a directory\n"))
  }
}

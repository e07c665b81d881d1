import Foundation
import KilnTestSupport
import Testing

/// Where output goes: `-o FILE` (atomic for files, in place for devices and pipes),
/// `--output-dir DIR` (one file per object), `--show-only`.
@Suite struct OutputTests {
  func files(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  @Test func outputDirWritesOneFilePerObjectAndRemovesStaleOnes() throws {
    let dir = try TemporaryDirectory()
    let out = dir.path + "/rendered"
    let prod = try KilnBinary.run(["build", "prod", "--output-dir", out])
    #expect(prod.status == 0, "\(prod.stderr)")
    #expect(prod.stdout.isEmpty)
    let written = try files(out)
    #expect(written.contains("deployment.apps_archesai_archesai-api.yaml"))
    #expect(written.contains("statefulset.apps_archesai_archesai-redis.yaml"))
    #expect(written.contains("namespace_archesai.yaml"))
    #expect(written.count == (try KilnBinary.run(["build", "prod"]).stdout.components(separatedBy: "\n---\n").count))
    let api = try String(contentsOfFile: out + "/deployment.apps_archesai_archesai-api.yaml", encoding: .utf8)
    #expect(api.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
    let dev = try KilnBinary.run(["build", "dev", "--output-dir", out])
    #expect(dev.status == 0)
    #expect(!(try files(out)).contains("statefulset.apps_archesai_archesai-redis.yaml"))
    #expect(try files(out).contains("deployment.apps_archesai-dev_archesai-api.yaml"))
    #expect(try files(dir.path) == ["rendered"])
  }

  @Test func outputDirIsLeftAsItWasOnError() throws {
    let dir = try TemporaryDirectory()
    let out = dir.path + "/rendered"
    #expect(try KilnBinary.run(["build", "prod", "--output-dir", out]).status == 0)
    let before = try files(out)
    let failed = try KilnBinary.run(["build", "prod", "--output-dir", out, "--set", "api.replicas=x"])
    #expect(failed.status == 1)
    #expect(try files(out) == before)
    #expect(try files(dir.path) == ["rendered"])
  }

  @Test func outputDirRefusesADirectoryKilnDidNotWrite() throws {
    let dir = try TemporaryDirectory()
    try dir.write("mine/README.md", "keep me\n")
    let result = try KilnBinary.run(["build", "prod", "--output-dir", dir.path + "/mine"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("holds README.md, which kiln did not write"))
    #expect(try dir.read("mine/README.md") == "keep me\n")
  }

  @Test func showOnlyPicksObjectsAndAnUnmatchedOneIsAnError() throws {
    let picked = try KilnBinary.run([
      "build", "prod", "--show-only", "Deployment/archesai-api", "--show-only", "service/archesai-api",
    ])
    #expect(picked.status == 0, "\(picked.stderr)")
    #expect(picked.stdout.components(separatedBy: "\n---\n").count == 2)
    #expect(picked.stdout.contains("kind: Service\n"))
    let missing = try KilnBinary.run(["build", "prod", "--show-only", "Deployment/archesai-apii"])
    #expect(missing.status == 1)
    #expect(missing.stdout.isEmpty)
    #expect(
      missing.stderr == """
        kiln: error: --show-only Deployment/archesai-apii: the build has no such object
        hint: did you mean "Deployment/archesai-api"?

        """)
  }

  /// A symlink to /dev/null stays a symlink, and /dev/null a device: before, the rename
  /// replaced the link (as root, `-o /dev/null` replaced /dev/null itself).
  @Test func outputThroughADeviceIsWrittenInPlace() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/null", withDestinationPath: "/dev/null")
    let result = try KilnBinary.run(["build", "prod", "-o", dir.path + "/null"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/null") == "/dev/null")
    let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
    #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
    let stdout = try KilnBinary.run(["build", "prod", "-o", "/proc/self/fd/1"])
    #expect(stdout.status == 0, "\(stdout.stderr)")
    #expect(stdout.stdoutBytes == (try KilnBinary.run(["build", "prod"]).stdoutBytes))
  }

  @Test func aSymlinkToARegularFileStaysASymlink() throws {
    let dir = try TemporaryDirectory()
    try dir.write("real.yaml", "old\n")
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.yaml", withDestinationPath: "real.yaml")
    #expect(try KilnBinary.run(["build", "prod", "-o", dir.path + "/link.yaml"]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.yaml") == "real.yaml")
    #expect(try dir.read("real.yaml").hasPrefix("apiVersion: v1\nkind: Namespace\n"))
  }

  @Test func aSignalDuringOutputLeavesNoTemporaryFile() throws {
    let dir = try TemporaryDirectory()
    try dir.write("out.yaml", "old\n")
    var environment = ProcessInfo.processInfo.environment
    environment["KILN_TEST_INTERRUPT_WRITE"] = "1"
    for arguments in [
      ["build", "prod", "-o", dir.path + "/out.yaml"], ["kustomize", "base", "-o", dir.path + "/out.yaml"],
    ] {
      let result = try KilnBinary.run(arguments, environment: environment)
      #expect(result.status == SIGTERM, "\(arguments): \(result.status) \(result.stderr)")
      #expect(try files(dir.path) == ["out.yaml"])
      #expect(try dir.read("out.yaml") == "old\n")
    }
    let rendered = try KilnBinary.run(
      ["build", "prod", "--output-dir", dir.path + "/rendered"], environment: environment)
    #expect(rendered.status == SIGTERM)
    #expect(try files(dir.path) == ["out.yaml", "rendered"])
    #expect(try files(dir.path + "/rendered").contains("deployment.apps_archesai_archesai-api.yaml"))
  }

  @Test func kustomizeWritesToAFile() throws {
    let dir = try TemporaryDirectory()
    let result = try KilnBinary.run(["kustomize", "base", "-o", dir.path + "/base.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(Array(try dir.read("base.yaml").utf8) == (try KilnBinary.run(["kustomize", "base"]).stdoutBytes))
  }
}

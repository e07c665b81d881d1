import Foundation
import KilnTestSupport
import Testing

/// `kiln build` as users run it: exit codes, stdout, stderr.
@Suite struct BuildCommandTests {
  @Test func devRendersTheCoreServicesOnly() throws {
    let result = try KilnBinary.run(["build", "dev"])
    #expect(result.status == 0)
    let components = Set(result.stdout.matches(of: /app.kubernetes.io\/component: (\w+)/).map { String($0.1) })
    #expect(components == ["api", "database", "platform", "migrations"])
    #expect(result.stdout.contains("image: archesai/api:latest"))
    #expect(!result.stdout.contains("namespace: archesai\n"))
  }

  @Test func prodRendersAllTen() throws {
    let result = try KilnBinary.run(["build", "prod"])
    #expect(result.status == 0)
    let components = Set(result.stdout.matches(of: /app.kubernetes.io\/component: (\w+)/).map { String($0.1) })
    #expect(components.count == 10)
    #expect(result.stdout.contains("image: archesai/api:v1.0.0"))
    #expect(!result.stdout.contains("archesai/api:latest"))
  }

  @Test func replicasPerEnvironmentAndFromSet() throws {
    func replicas(_ args: [String], _ name: String) throws -> String? {
      let out = try KilnBinary.run(["build"] + args).stdout
      let doc = out.components(separatedBy: "\n---\n").first {
        $0.contains("kind: Deployment\n") && $0.contains("  name: \(name)\n")
      }
      return doc?.firstMatch(of: /\n  replicas: (\d+)\n/).map { String($0.1) }
    }
    #expect(try replicas(["dev"], "archesai-api") == "1")
    #expect(try replicas(["prod"], "archesai-api") == "3")
    #expect(try replicas(["dev"], "archesai-platform") == "1")
    #expect(try replicas(["prod"], "archesai-platform") == "2")
    #expect(try replicas(["prod", "--set", "api.replicas=5"], "archesai-api") == "5")
  }

  @Test func valuesFilesLayerOverTheEnvironment() throws {
    let extra = try TemporaryDirectory()
    try extra.write("extra.yaml", "api:\n  image:\n    tag: v1.0.1\n")
    let result = try KilnBinary.run(["build", "prod", "-f", extra.path + "/extra.yaml"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("image: archesai/api:v1.0.1"))
  }

  @Test func sourcesNameEachObjectsFile() throws {
    let result = try KilnBinary.run(["build", "dev", "--sources"])
    #expect(result.stdout.hasPrefix("# Source: base/namespace.yaml\napiVersion: v1\nkind: Namespace\n"))
    #expect(result.stdout.contains("---\n# Source: components/api/deployment.yaml\napiVersion: apps/v1\n"))
  }

  @Test func outputFileIsWritten() throws {
    let dir = try TemporaryDirectory()
    let result = try KilnBinary.run(["build", "dev", "-o", dir.path + "/out.yaml"])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(try dir.read("out.yaml") == KilnBinary.run(["build", "dev"]).stdout)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.yaml"])
  }

  @Test func aFailedBuildLeavesTheOutputFileAlone() throws {
    let dir = try TemporaryDirectory()
    try dir.write("out.yaml", "previous\n")
    let result = try KilnBinary.run(["build", "dev", "--set", "api.replicas=many", "-o", dir.path + "/out.yaml"])
    #expect(result.status == 1)
    #expect(try dir.read("out.yaml") == "previous\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.yaml"])
  }

  @Test func usageErrorsExit64() throws {
    #expect(try KilnBinary.run(["build"]).status == 64)
    #expect(try KilnBinary.run(["build", "dev", "--no-such-flag"]).status == 64)
  }

  @Test func version() throws {
    let result = try KilnBinary.run(["version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("kiln "))
  }

  @Test func runsFromAnotherDirectoryWithC() throws {
    let elsewhere = try TemporaryDirectory()
    let result = try KilnBinary.run(["build", "prod", "-C", KilnBinary.repositoryRoot], directory: elsewhere.path)
    #expect(result.status == 0)
    #expect(result.stdout == (try KilnBinary.run(["build", "prod"]).stdout))
  }
}

import KilnTestSupport
import Testing

/// `kiln list`: components by environment, and one environment in detail.
@Suite struct ListCommandTests {
  @Test func tableCountsEachComponentsObjectsPerEnvironment() throws {
    let result = try KilnBinary.run(["list"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    #expect(lines.first == "COMPONENT dev prod")
    #expect(lines.contains("api 2 2"))
    #expect(lines.contains("redis - 2"))
  }

  @Test func oneEnvironmentShowsEachComponentsObjects() throws {
    let result = try KilnBinary.run(["list", "dev"])
    #expect(result.status == 0)
    #expect(
      result.stdout.contains(
        "api (enabled)\n  Service archesai-dev/archesai-api\n  Deployment archesai-dev/archesai-api\n"))
    #expect(result.stdout.contains("redis (disabled)\n"))
  }

  @Test func anUnknownEnvironmentIsAnError() throws {
    let result = try KilnBinary.run(["list", "staging"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("unknown environment \"staging\""))
  }
}

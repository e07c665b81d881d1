import Foundation
import KilnTestSupport
import Testing

/// Bad input: exit 1, nothing on stdout, `path:line:column: error: …` on stderr naming the
/// right file and line, with a suggestion where one is close.
@Suite struct ErrorReportingTests {
  /// Breaks one file of a copy of the stack and builds `environment` there.
  func failingBuild(_ file: String, environment: String = "dev", extra: [String] = [], _ edit: (String) -> String)
    throws -> ProcessResult
  {
    let stack = try Projects.copyOfStack()
    try stack.write(file, edit(try stack.read(file)))
    let result = try KilnBinary.run(["build", environment] + extra, directory: stack.path)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    return result
  }

  /// The 1-based line of the repository file that starts with `prefix`.
  func lineNumber(of prefix: String, in file: String) throws -> Int {
    let lines = try String(contentsOfFile: KilnBinary.repositoryRoot + "/" + file, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
  }

  @Test func typoInAValuesKey() throws {
    let result = try failingBuild("environments/dev.yaml") {
      $0.replacingOccurrences(of: "  replicas: 1\n  image:", with: "  replcias: 1\n  image:")
    }
    #expect(
      result.stderr == """
        environments/dev.yaml:6:3: error: unknown field "replcias" in component "api"
            replcias: 1
            ^
        hint: did you mean "replicas"?

        """)
  }

  @Test func unknownComponent() throws {
    let result = try failingBuild("environments/prod.yaml", environment: "prod") {
      $0.replacingOccurrences(of: "scraper:\n", with: "scrapper:\n")
    }
    let line = try lineNumber(of: "scraper:", in: "environments/prod.yaml")
    #expect(
      result.stderr.hasPrefix(
        "environments/prod.yaml:\(line):1: error: \"scrapper\" is neither a component nor an environment setting\n"))
    #expect(result.stderr.contains("hint: did you mean \"scraper\"?"))
  }

  @Test func wrongType() throws {
    let result = try failingBuild("environments/prod.yaml", environment: "prod") {
      $0.replacingOccurrences(of: "replicas: 3", with: "replicas: three")
    }
    let line = try lineNumber(of: "  replicas: 3", in: "environments/prod.yaml")
    #expect(
      result.stderr.hasPrefix(
        "environments/prod.yaml:\(line):13: error: replicas in component \"api\" must be an integer, not the string \"three\"\n"
      ))
  }

  @Test func invalidYAMLInAManifest() throws {
    let result = try failingBuild("components/api/service.yaml") {
      $0.replacingOccurrences(of: "spec:\n", with: "spec:\n  - broken\n")
    }
    #expect(result.stderr.hasPrefix("components/api/service.yaml:"))
    #expect(result.stderr.contains(": error: "))
  }

  @Test func duplicateKeyInAManifest() throws {
    let result = try failingBuild("components/api/deployment.yaml") {
      $0.replacingOccurrences(of: "  name: archesai-api\n", with: "  name: archesai-api\n  name: again\n")
    }
    #expect(result.stderr.hasPrefix("components/api/deployment.yaml:5:3: error: duplicate key \"name\"\n"))
    #expect(result.stderr.contains("note: first defined at line 4, column 3"))
  }

  @Test func enabledComponentThatIsMissing() throws {
    let result = try failingBuild("environments/dev.yaml") { $0 + "search:\n  enabled: true\n" }
    let line = try String(contentsOfFile: KilnBinary.repositoryRoot + "/environments/dev.yaml", encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(
      result.stderr.hasPrefix(
        "environments/dev.yaml:\(line):1: error: \"search\" is neither a component nor an environment setting\n"))
  }

  @Test func badSetArgumentIsShownWithACaret() throws {
    let result = try KilnBinary.run(["build", "dev", "--set", "api.replicas=2,api.imgae.tag=x"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        --set:1:20: error: unknown field "imgae" in component "api"
          api.replicas=2,api.imgae.tag=x
                             ^
        hint: did you mean "image"?

        """)
  }

  @Test func unknownEnvironment() throws {
    let result = try KilnBinary.run(["build", "prdo"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "kiln: error: unknown environment \"prdo\"\nnote: environments: dev, prod\nhint: did you mean \"prod\"?\n")
  }
}

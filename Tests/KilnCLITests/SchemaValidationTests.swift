import Foundation
import KilnTestSupport
import Testing

/// Every rendered document passes `kubernetes-validate --strict` for Kubernetes 1.30.
@Suite struct SchemaValidationTests {
  @Test(arguments: GoldenTests.cases.map { [$0.project, $0.environment] })
  func renderedManifestsValidate(_ c: [String]) throws {
    guard let validator = ProcessRunner.which("kubernetes-validate") else {
      Issue.record("kubernetes-validate is not on PATH: pip install kubernetes-validate")
      return
    }
    let rendered = try KilnBinary.run(["build", c[1], "-C", c[0]])
    #expect(rendered.status == 0)
    let dir = try TemporaryDirectory()
    try dir.write("rendered.yaml", bytes: rendered.stdoutBytes)
    let result = try ProcessRunner.run(validator, ["--strict", "-k", "1.30", dir.path + "/rendered.yaml"])
    #expect(result.status == 0, "kubernetes-validate failed:\n\(result.stdout)\(result.stderr)")
    let documents = rendered.stdout.components(separatedBy: "\n---\n").count
    let passed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("INFO") && $0.contains("passed") }.count
    #expect(passed == documents, "\(passed) of \(documents) documents passed:\n\(result.stdout)")
  }
}

import Foundation
import KilnTestSupport
import Testing

/// Every rendered document of a built-in kind passes `kubernetes-validate --strict` for
/// Kubernetes 1.30. Custom resources, which it has no schema for, are checked against their
/// CustomResourceDefinition's schema when the build holds it, and otherwise must be of a kind
/// an operator installed separately provides (Tests/Scripts/validate_custom_resources.py).
@Suite struct SchemaValidationTests {
  /// Kinds whose definitions come from operators the examples expect in the cluster.
  static let operatorKinds = ["ServiceMonitor", "PodMonitor", "PrometheusRule"]

  @Test(arguments: GoldenTests.cases.map { [$0.project, $0.environment] })
  func renderedManifestsValidate(_ c: [String]) throws {
    let validator = try Python.tool("kubernetes-validate")
    let rendered = try KilnBinary.run(["build", c[1], "-C", c[0]])
    #expect(rendered.status == 0)
    let dir = try TemporaryDirectory()
    try dir.write("rendered.yaml", bytes: rendered.stdoutBytes)
    let result = try ProcessRunner.run(validator, ["--strict", "-k", "1.30", dir.path + "/rendered.yaml"])
    #expect(result.status == 0, "kubernetes-validate failed:\n\(result.stdout)\(result.stderr)")
    let documents = rendered.stdout.components(separatedBy: "\n---\n").count
    let lines = (result.stdout + result.stderr).split(separator: "\n")
    let passed = lines.filter { $0.hasPrefix("INFO") && $0.contains("passed") }.count
    let noSchema = lines.filter { $0.hasPrefix("WARN") && $0.contains("Couldn't find schema for kind") }.count
    #expect(
      passed + noSchema == documents, "\(passed) of \(documents) documents passed:\n\(result.stdout)\(result.stderr)")

    let script = KilnBinary.repositoryRoot + "/Tests/Scripts/validate_custom_resources.py"
    let python = try Python.interpreter()
    let custom = try ProcessRunner.run(python, [script, dir.path + "/rendered.yaml"] + Self.operatorKinds)
    #expect(custom.status == 0, "custom resources:\n\(custom.stdout)\(custom.stderr)")
    let checked = custom.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
    #expect(
      checked == noSchema,
      "kubernetes-validate skipped \(noSchema) documents, the custom-resource check passed \(checked):\n\(custom.stdout)"
    )
  }
}

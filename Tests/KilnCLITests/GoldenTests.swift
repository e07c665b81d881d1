import Foundation
import KilnTestSupport
import Testing

/// Every environment of the repository's own stack (and of each example) renders exactly as
/// its golden file says. `make golden` (KILN_RECORD=1) rewrites the files and then fails, so
/// recording is never mistaken for passing.
@Suite struct GoldenTests {
  /// (project directory relative to the repository, environment).
  static let projects = [".", "examples/arxos", "examples/flexcore", "examples/hodei", "examples/inquisitor"]
  static let cases: [(project: String, environment: String)] = projects.flatMap { [($0, "dev"), ($0, "prod")] }

  static func goldenPath(_ project: String, _ environment: String) -> String {
    let name = project == "." ? "arches" : project.replacingOccurrences(of: "examples/", with: "")
    return "\(KilnBinary.repositoryRoot)/Tests/Golden/\(name)/\(environment).yaml"
  }

  @Test(arguments: cases.map { [$0.project, $0.environment] })
  func matchesGoldenFile(_ c: [String]) throws {
    let (project, environment) = (c[0], c[1])
    let result = try KilnBinary.run(["build", environment, "-C", project])
    #expect(result.status == 0, "kiln build \(environment) -C \(project) failed:\n\(result.stderr)")
    #expect(result.stderr.isEmpty, "unexpected warnings:\n\(result.stderr)")
    let path = Self.goldenPath(project, environment)
    if ProcessInfo.processInfo.environment["KILN_RECORD"] != nil {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(result.stdoutBytes).write(to: URL(fileURLWithPath: path))
      Issue.record("recorded \(path); review it, commit it, and run the tests again without KILN_RECORD")
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    expectSameText(
      result.stdout, expected,
      "\(project) \(environment) differs from \(path); if the change is intended, run `make golden` and review the diff"
    )
  }
}

/// Compares texts and reports the first differing line with its neighbours.
func expectSameText(
  _ actual: String, _ expected: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  var i = 0
  while i < min(a.count, e.count) && a[i] == e[i] { i += 1 }
  let context = (max(0, i - 2)..<min(max(a.count, e.count), i + 3)).map { n in
    "\(n + 1): expected \(n < e.count ? String(e[n]) : "<end>")\n\(n + 1): actual   \(n < a.count ? String(a[n]) : "<end>")"
  }.joined(separator: "\n")
  Issue.record("\(message)\nfirst difference at line \(i + 1):\n\(context)", sourceLocation: sourceLocation)
}

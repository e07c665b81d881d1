import Foundation

/// The built `kiln` executable and the repository it belongs to, for tests that run the
/// binary the way users do.
public enum KilnBinary {
  /// `KILN_BINARY` if set, else `kiln` next to the running test bundle (SwiftPM puts both in
  /// the same products directory).
  public static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["KILN_BINARY"] { return explicit }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = runner.deletingLastPathComponent()
    // On Linux the runner is <products>/<name>.xctest; on macOS it sits inside a bundle.
    while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("kiln").path),
      directory.path != "/"
    {
      directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("kiln").path
  }

  /// The repository root, found from this source file's place in it.
  public static var repositoryRoot: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
  }

  /// Runs `kiln` with `arguments`, from `directory` (the repository root by default), with
  /// NO_COLOR=1 unless `environment` sets NO_COLOR.
  public static func run(
    _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil, stdin: [UInt8]? = nil
  ) throws -> ProcessResult {
    var env = environment ?? ProcessInfo.processInfo.environment
    // No colour unless the test sets NO_COLOR itself ("" lets colour through).
    if environment?["NO_COLOR"] == nil { env["NO_COLOR"] = "1" }
    return try ProcessRunner.run(
      path, arguments, directory: directory ?? repositoryRoot, environment: env, stdin: stdin)
  }
}

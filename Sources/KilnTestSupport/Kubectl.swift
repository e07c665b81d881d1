import Foundation

/// `kubectl kustomize`, the differential oracle for everything kiln shares with Kustomize.
public enum Kubectl {
  public struct Missing: Error, CustomStringConvertible {
    public var description: String {
      "kubectl is not on PATH; these tests use `kubectl kustomize` (Kustomize v5.5) as their oracle. "
        + "Install kubectl (Debian: apt-get install -y kubectl, or the release binary) and rerun."
    }
  }

  public static func path() throws -> String {
    guard let path = ProcessRunner.which("kubectl") else { throw Missing() }
    return path
  }

  /// Builds `dir` with `kubectl kustomize`.
  public static func kustomize(_ dir: String) throws -> ProcessResult {
    try ProcessRunner.run(try path(), ["kustomize", dir])
  }

  /// Writes `files` into a fresh directory and builds it.
  public static func kustomize(files: [String: String]) throws -> ProcessResult {
    let dir = try TemporaryDirectory(prefix: "kiln-oracle")
    for (name, text) in files { try dir.write(name, text) }
    return try kustomize(dir.path)
  }
}

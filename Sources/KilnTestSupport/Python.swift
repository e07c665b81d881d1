import Foundation

/// The Python oracles (jsonschema, Helm's SDK, kubernetes-validate, RE2) run from the project's
/// own virtual environment, `.venv`, which `make venv` (and so `make test`) creates with the
/// versions pinned in Tests/requirements.txt: never whatever `python3` is first on PATH.
/// `KILN_PYTHON` names another interpreter; its tools are then looked for beside it.
public enum Python {
  public struct Missing: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
      "\(path) does not exist: run `make venv` (it creates .venv with the pinned Python oracles of Tests/requirements.txt)"
    }
  }

  /// The interpreter: `KILN_PYTHON`, else `.venv/bin/python3`.
  public static func interpreter() throws -> String {
    let path =
      ProcessInfo.processInfo.environment["KILN_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? venvBin + "/python3"
    guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
    return path
  }

  /// A command the environment installed (`kubernetes-validate`), beside the interpreter.
  public static func tool(_ name: String) throws -> String {
    let directory = ProcessInfo.processInfo.environment["KILN_PYTHON"].flatMap {
      $0.isEmpty ? nil : ($0 as NSString).deletingLastPathComponent
    }
    let path = (directory ?? venvBin) + "/" + name
    guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
    return path
  }

  static let venvBin = KilnBinary.repositoryRoot + "/.venv/bin"
}

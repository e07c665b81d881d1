import KilnCore
import KilnYAML

/// An in-memory kiln project for tests that read like examples:
///
///     var p = ProjectHarness()
///     p.write("components/api/deployment.yaml", """
///       apiVersion: apps/v1
///       …
///       """)
///     p.write("environments/dev.yaml", "api: {enabled: true, replicas: 2}")
///     let yaml = try p.build("dev")
///
/// The tree lives at /project; `scrambleSeed` makes directory listings come back shuffled.
public struct ProjectHarness {
  public var fileSystem: InMemoryFileSystem
  public let root = "/project"

  public init(scrambleSeed: UInt64? = nil) {
    fileSystem = InMemoryFileSystem(scrambleSeed: scrambleSeed)
  }

  /// Writes a project file; a leading newline and common indentation are not trimmed, so
  /// write YAML flush left in multi-line literals.
  public mutating func write(_ relativePath: String, _ text: String) {
    fileSystem.write(root + "/" + relativePath, text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
  }

  /// Writes a file outside the project (for `-f` files and load-restriction tests).
  public mutating func writeOutside(_ absolutePath: String, _ text: String) {
    fileSystem.write(absolutePath, text)
  }

  public func result(
    _ environment: String, files: [String] = [], set: [String] = [], setString: [String] = [], setJSON: [String] = []
  ) throws -> BuildResult {
    let inputs = ValueInputs(
      files: files.map { UserFile(path: $0.hasPrefix("/") ? $0 : root + "/" + $0, display: $0) },
      sets: setJSON.map { SetArgument(.setJSON, $0) } + set.map { SetArgument(.set, $0) }
        + setString.map { SetArgument(.setString, $0) })
    return try Compiler.build(
      BuildRequest(projectDirectory: root, environment: environment, values: inputs), fileSystem: fileSystem)
  }

  /// The YAML `kiln build` would print.
  public func build(
    _ environment: String, files: [String] = [], set: [String] = [], setString: [String] = [], setJSON: [String] = [],
    sources: Bool = false
  ) throws -> String {
    let result = try result(environment, files: files, set: set, setString: setString, setJSON: setJSON)
    return String(decoding: result.render(sources: sources), as: UTF8.self)
  }

  /// The diagnostics a failing build reports, as `file:line:column: error: message` lines.
  public func errors(_ environment: String, set: [String] = [], files: [String] = []) -> [String] {
    do {
      _ = try result(environment, files: files, set: set)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics.map(\.description)
    } catch let error as Diagnostic {
      return [error.description]
    } catch {
      return ["\(error)"]
    }
  }

  /// The full diagnostics of a failing build (to check hints and notes).
  public func diagnostics(_ environment: String, set: [String] = []) -> [Diagnostic] {
    do {
      _ = try result(environment, set: set)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch let error as Diagnostic {
      return [error]
    } catch {
      return []
    }
  }
}

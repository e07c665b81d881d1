import KilnYAML

@testable import KilnCore

/// Builds small kiln projects held in memory, so an environment test reads as: the files,
/// then the YAML `kiln build` prints for them.
enum ProjectCheck {
  static let root = "/project"

  static func request(_ environment: String, sets: [String] = []) -> BuildRequest {
    BuildRequest(
      projectDirectory: root, environment: environment, values: ValueInputs(sets: sets.map { SetArgument(.set, $0) }))
  }

  static func fileSystem(_ files: [String: String]) -> InMemoryFileSystem {
    var fs = InMemoryFileSystem()
    for (path, text) in files { fs.write(root + "/" + path, text) }
    return fs
  }

  /// What `kiln build ENV` prints, without the final newline.
  static func build(_ files: [String: String], environment: String = "prod", sets: [String] = []) throws -> String {
    let result = try Compiler.build(request(environment, sets: sets), fileSystem: fileSystem(files))
    let text = String(decoding: result.render(), as: UTF8.self)
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// The objects of the build (by the names they were made with), with the project path each came from.
  static func sources(_ files: [String: String], environment: String = "prod") throws -> [String] {
    try Compiler.build(request(environment), fileSystem: fileSystem(files)).resources.map {
      "\($0.kind)/\($0.originalName) \($0.sourcePath)"
    }
  }

  /// The diagnostics the build fails with, one per line (empty when it succeeds).
  static func failure(_ files: [String: String], environment: String = "prod") -> String {
    do {
      _ = try build(files, environment: environment)
      return ""
    } catch let error as DiagnosticError {
      return error.diagnostics.map(\.description).joined(separator: "\n")
    } catch {
      return "\(error)"
    }
  }

  static func deployment(_ name: String, extra: String = "") -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: \(name)
    spec:
      selector:
        matchLabels:
          app: \(name)
      template:
        metadata:
          labels:
            app: \(name)
        spec:
          containers:
          - name: main
            image: example.com/\(name):1\(extra)

    """
  }
}

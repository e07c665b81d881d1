import KilnYAML

@testable import KilnCore

/// Small projects with an `environments/schema.json`, held in memory: a test reads as the
/// files, then the errors `kiln values` reports for them.
enum SchemaCheck {
  static let root = "/project"

  /// A project with one component, `api`, and these files besides.
  static func project(_ files: [String: String]) -> InMemoryFileSystem {
    var fs = InMemoryFileSystem()
    fs.write(root + "/components/api/deployment.yaml", ProjectCheck.deployment("api"))
    for (path, text) in files { fs.write(root + "/" + path, text) }
    return fs
  }

  static func request(_ environment: String, sets: [String]) -> BuildRequest {
    BuildRequest(
      projectDirectory: root, environment: environment, values: ValueInputs(sets: sets.map { SetArgument(.set, $0) }))
  }

  /// The diagnostics of `kiln values ENV`, one per line; "" when the values pass.
  static func values(_ files: [String: String], environment: String = "prod", sets: [String] = []) -> String {
    failure { _ = try Compiler.values(request(environment, sets: sets), fileSystem: project(files)) }
  }

  /// The same for `kiln build ENV`.
  static func build(_ files: [String: String], environment: String = "prod", sets: [String] = []) -> String {
    failure { _ = try Compiler.build(request(environment, sets: sets), fileSystem: project(files)) }
  }

  /// Every diagnostic in full: the first line, then its notes and hint.
  static func detailed(_ files: [String: String], environment: String = "prod", sets: [String] = []) -> String {
    do {
      _ = try Compiler.values(request(environment, sets: sets), fileSystem: project(files))
      return ""
    } catch let error as DiagnosticError {
      return error.diagnostics.map { d in
        ([d.description] + d.notes.map { "note: \($0)" } + (d.hint.map { ["hint: \($0)"] } ?? [])).joined(
          separator: "\n")
      }.joined(separator: "\n")
    } catch {
      return "\(error)"
    }
  }

  /// What `values` (YAML) breaks in `schema` (JSON), without a project: the message of each
  /// violation, one per line, as `path: message`.
  static func violations(_ schema: String, _ values: String) throws -> [String] {
    let compiled = try ValuesSchema.load(Array(schema.utf8), file: "schema.json")
    let node = try YAMLParser.parseDocuments(Array(values.utf8), file: "values.yaml").first ?? .null()
    return SchemaValidator(schema: compiled).violations(of: node).map(\.summary)
  }

  /// The errors a schema itself has (empty when it compiles).
  static func schemaErrors(_ schema: String) -> [String] {
    failure { _ = try ValuesSchema.load(Array(schema.utf8), file: "schema.json") }.split(separator: "\n").map(
      String.init)
  }

  private static func failure(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch let error as DiagnosticError {
      return error.diagnostics.map(\.description).joined(separator: "\n")
    } catch let error as Diagnostic {
      return error.description
    } catch {
      return "\(error)"
    }
  }
}

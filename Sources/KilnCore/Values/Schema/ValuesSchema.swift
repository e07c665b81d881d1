import KilnYAML

/// `environments/schema.json`: a JSON Schema (as a Helm chart's `values.schema.json`) that an
/// environment's merged values must satisfy, checked by `kiln build` and `kiln values` after
/// every layer is merged. Each problem is an error at the file, line and column that set the
/// offending value (a missing property at the mapping that lacks it).
enum ValuesSchema {
  static let path = "environments/schema.json"

  /// Checks `values` when the project has a schema; does nothing when it has none.
  static func check(_ values: Node, files: ProjectFiles) throws {
    guard files.kind(of: path) == .file else { return }
    let display = files.display(path)
    let schema = try load(files.read(path, at: nil), file: display)
    let violations = SchemaValidator(schema: schema).violations(of: values)
    guard !violations.isEmpty else { return }
    throw DiagnosticError(violations.map { $0.diagnostic(schemaFile: display) })
  }

  /// Reads and compiles a schema; any problem is an error in the schema file itself.
  static func load(_ bytes: [UInt8], file: String) throws -> CompiledSchema {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw Diagnostic.error("\(file) is not UTF-8 text", at: nil)
    }
    return try SchemaCompiler.compile(JSONReader.parse(text, file: file), file: file)
  }
}

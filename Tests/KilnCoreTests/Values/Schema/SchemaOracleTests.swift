import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// kiln's schema checks against Python's `jsonschema` (pinned in Tests/requirements.txt), case by
/// case: every case in one python run, each answered valid or invalid by both.
@Suite struct SchemaOracleTests {
  @Test func kilnAgreesWithPythonJSONSchema() throws {
    let cases = SchemaOracleCase.all
    #expect(cases.count >= 60)
    let python = try Self.askPython(cases)
    try #require(python.count == cases.count, "python answered \(python.count) of \(cases.count) cases")
    for (c, pythonSays) in zip(cases, python) {
      let label = "\(c.schema) with \(c.values) (\(c.draft.rawValue))"
      #expect(try Self.kilnSays(c) == c.valid, "kiln: \(label)")
      #expect(pythonSays == (c.pythonSays ?? c.valid), "python: \(label)")
    }
  }

  /// The cases use every keyword kiln supports.
  @Test func theCasesCoverEveryKeyword() throws {
    var used = Set<String>()
    func collect(_ node: Node) {
      for entry in node.entries ?? [] {
        used.insert(entry.key)
        collect(entry.value)
      }
      for item in node.items ?? [] { collect(item) }
    }
    for c in SchemaOracleCase.all { collect(try JSONReader.parse(c.schema)) }
    let keywords = [
      "type", "properties", "required", "additionalProperties", "patternProperties", "propertyNames", "items",
      "prefixItems", "additionalItems", "contains", "minContains", "maxContains", "enum", "const", "minimum",
      "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
      "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not",
      "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "$ref", "$defs", "definitions",
    ]
    #expect(keywords.filter { !used.contains($0) } == [])
  }

  static func kilnSays(_ c: SchemaOracleCase) throws -> Bool {
    let schema = try ValuesSchema.load(Array(c.schema.utf8), file: "schema.json")
    let values = try YAMLParser.parseDocuments(Array(c.values.utf8), file: "values.yaml").first ?? .null()
    return SchemaValidator(schema: schema).violations(of: values).isEmpty
  }

  struct PythonFailure: Error, CustomStringConvertible {
    var description: String
  }

  static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        sys.exit(3)
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    print(json.dumps([getattr(jsonschema, c["draft"])(c["schema"]).is_valid(c["instance"]) for c in cases]))
    """

  /// Python's answers, in the cases' order.
  static func askPython(_ cases: [SchemaOracleCase]) throws -> [Bool] {
    let install = "this test compares kiln with Python's jsonschema: run `make venv`"
    let python = try Python.interpreter()
    let lines = try cases.map { c in
      let values = try YAMLParser.parseDocuments(Array(c.values.utf8), file: "values.yaml").first ?? .null()
      return #"{"draft":"\#(c.draft.rawValue)","schema":\#(c.schema),"instance":\#(NodeJSON.render(values))}"#
    }
    let directory = try TemporaryDirectory(prefix: "kiln-schema-oracle")
    try directory.write("cases.json", "[\n" + lines.joined(separator: ",\n") + "\n]\n")
    let result = try ProcessRunner.run(python, ["-c", script, directory.path + "/cases.json"])
    if result.status == 3 { throw PythonFailure(description: "python3 cannot import jsonschema; \(install)") }
    guard result.status == 0 else {
      throw PythonFailure(description: "python failed (\(result.status)): \(result.stderr)")
    }
    let answers = try JSONReader.parse(result.stdout, file: "python")
    return (answers.items ?? []).map { $0.scalar?.text == "true" }
  }
}

import KilnYAML

/// Checks values against a compiled schema and finds every violation, not just the first,
/// in the values' order (a mapping's own problems before its keys', keys in their order).
///
/// Each keyword checks only values of its own type (`minimum` ignores a string; `type` says
/// what a value must be), as JSON Schema specifies.
struct SchemaValidator {
  let schema: CompiledSchema

  func violations(of values: Node) -> [SchemaViolation] {
    var found: [SchemaViolation] = []
    check(values, against: CompiledSchema.root, at: ValuePath(), into: &found)
    return Self.inDocumentOrder(found)
  }

  /// Each problem once, a value's before its children's, in the values' order.
  static func inDocumentOrder(_ found: [SchemaViolation]) -> [SchemaViolation] {
    // One report per problem: the same subschema can be reached twice (`allOf` and `$ref`).
    var seen = Set<String>()
    let unique = found.filter { seen.insert("\($0.location) \($0.summary) \($0.keywordLocation)").inserted }
    // A stable sort: problems of one value keep the order of the keywords that found them.
    return unique.enumerated().sorted { a, b in
      a.element.path.precedes(b.element.path) || (!b.element.path.precedes(a.element.path) && a.offset < b.offset)
    }.map(\.element)
  }

  func check(_ value: Node, against id: Subschema.ID, at path: ValuePath, into found: inout [SchemaViolation]) {
    let subschema = schema[id]
    if let constant = subschema.constant {
      if !constant {
        found.append(
          SchemaViolation(
            path: path, location: value.location, message: "not allowed here", keyword: "false",
            keywordLocation: subschema.location))
      }
      return
    }
    if let ref = subschema.ref { check(value, against: ref.value, at: path, into: &found) }
    checkType(value, subschema, at: path, into: &found)
    checkEnumAndConst(value, subschema, at: path, into: &found)
    checkNumber(value, subschema, at: path, into: &found)
    checkString(value, subschema, at: path, into: &found)
    checkArray(value, subschema, at: path, into: &found)
    checkObject(value, subschema, at: path, into: &found)
    checkCombinators(value, subschema, at: path, into: &found)
  }

  func matches(_ value: Node, _ id: Subschema.ID, at path: ValuePath) -> Bool {
    var found: [SchemaViolation] = []
    check(value, against: id, at: path, into: &found)
    return found.isEmpty
  }

  // MARK: - Any type

  private func checkType(_ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation])
  {
    guard let types = subschema.types else { return }
    let actual = JSONType(of: value)
    guard !types.value.contains(where: { $0.accepts(actual) }) else { return }
    var violation = SchemaViolation(path, at: value.location, Self.typeMessage(actual, want: types.value), by: types)
    violation.wantedTypes = types.value
    found.append(violation)
  }

  static func typeMessage(_ actual: JSONType, want: [JSONType]) -> String {
    "got \(actual.rawValue), want \(JSONDisplay.list(want.map(\.rawValue)))"
  }

  private func checkEnumAndConst(
    _ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation]
  ) {
    if let options = subschema.enumValues, !options.value.contains(where: { JSONEquality.equal(value, $0) }) {
      let wanted = JSONDisplay.list(options.value.map(JSONDisplay.text))
      let message = "got \(JSONDisplay.text(value)), want one of \(wanted)"
      found.append(SchemaViolation(path, at: value.location, message, by: options))
    }
    if let constant = subschema.constValue, !JSONEquality.equal(value, constant.value) {
      let message = "got \(JSONDisplay.text(value)), want \(JSONDisplay.text(constant.value))"
      found.append(SchemaViolation(path, at: value.location, message, by: constant))
    }
  }
}

import KilnYAML

/// The keywords of objects: `required`, `minProperties`, `maxProperties`,
/// `dependentRequired`, `dependentSchemas`, and for each key, in the values' order,
/// `propertyNames`, `properties`, `patternProperties` and `additionalProperties`.
extension SchemaValidator {
  func checkObject(_ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation]) {
    guard let entries = value.entries else { return }
    // A missing property has no place of its own: it is reported at the mapping.
    if let required = subschema.required {
      for name in required.value where value[name] == nil {
        found.append(SchemaViolation(path, at: value.location, "missing property \(GoText.quote(name))", by: required))
      }
    }
    checkCount(
      entries.count, of: "property", subschema.minProperties, subschema.maxProperties, value, at: path, into: &found)
    if let dependencies = subschema.dependentRequired {
      for (property, requires) in dependencies.value {
        guard let present = entries.first(where: { $0.key == property }) else { continue }
        for name in requires where value[name] == nil {
          let message = "missing property \(GoText.quote(name)), which \(GoText.quote(property)) requires"
          found.append(SchemaViolation(path, at: present.keyLocation, message, by: dependencies))
        }
      }
    }
    for (position, entry) in entries.enumerated() {
      checkProperty(entry, at: position, subschema, in: path, into: &found)
    }
    if let dependencies = subschema.dependentSchemas {
      for (property, schema) in dependencies.value where value[property] != nil {
        check(value, against: schema, at: path, into: &found)
      }
    }
  }

  /// One key of a mapping at `parent`, the `position`th. Problems with the key itself are
  /// reported as the mapping's, at the key.
  private func checkProperty(
    _ entry: MapEntry, at position: Int, _ subschema: Subschema, in parent: ValuePath,
    into found: inout [SchemaViolation]
  ) {
    let path = parent.appending(key: entry.key, position: position)
    let keyPath = parent.appending(position: position)
    if let names = subschema.propertyNames {
      var problems: [SchemaViolation] = []
      check(.string(entry.key, at: entry.keyLocation), against: names.value, at: keyPath, into: &problems)
      for var problem in problems {
        problem.message = "property name: \(problem.message)"
        found.append(problem)
      }
    }
    var described = false
    if let schema = subschema.properties?.value[entry.key] {
      described = true
      check(entry.value, against: schema, at: path, into: &found)
    }
    for (pattern, schema) in subschema.patternProperties?.value ?? [] where pattern.matches(entry.key) {
      described = true
      check(entry.value, against: schema, at: path, into: &found)
    }
    guard !described, let additional = subschema.additionalProperties else { return }
    guard schema[additional.value].constant == false else {
      check(entry.value, against: additional.value, at: path, into: &found)
      return
    }
    // `additionalProperties: false` most often catches a typo: say which name was meant.
    var violation = SchemaViolation(
      keyPath, at: entry.keyLocation, "unknown property \(GoText.quote(entry.key))", by: additional)
    violation.hint = Suggestion.hint(for: entry.key, among: (subschema.properties?.value.keys).map(Array.init) ?? [])
    found.append(violation)
  }
}

import KilnYAML

/// `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`.
///
/// `allOf` and `then`/`else` report their subschemas' own violations. A failed `anyOf` or
/// `oneOf` is one problem at the value, with a note per alternative saying why it did not fit;
/// when every alternative only asked for another type, the message names them all
/// (`got string, want integer or null`).
extension SchemaValidator {
  func checkCombinators(_ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation])
  {
    for id in subschema.allOf?.value ?? [] {
      check(value, against: id, at: path, into: &found)
    }
    if let anyOf = subschema.anyOf {
      let branches = anyOf.value.map { violations(of: value, $0, at: path) }
      if !branches.contains(where: \.isEmpty) {
        found.append(noMatch(value, branches, at: path, by: anyOf))
      }
    }
    if let oneOf = subschema.oneOf {
      let branches = oneOf.value.map { violations(of: value, $0, at: path) }
      let matching = branches.indices.filter { branches[$0].isEmpty }
      if matching.isEmpty {
        found.append(noMatch(value, branches, at: path, by: oneOf))
      } else if matching.count > 1 {
        let which = JSONDisplay.list(matching.map(String.init), conjunction: "and")
        let message = "matches \"oneOf\" schemas \(which), want exactly one"
        found.append(SchemaViolation(path, at: value.location, message, by: oneOf))
      }
    }
    if let not = subschema.not, matches(value, not.value, at: path) {
      found.append(SchemaViolation(path, at: value.location, "matches the \"not\" schema", by: not))
    }
    if let condition = subschema.ifSchema {
      let branch = matches(value, condition.value, at: path) ? subschema.thenSchema : subschema.elseSchema
      if let branch { check(value, against: branch.value, at: path, into: &found) }
    }
  }

  private func violations(of value: Node, _ id: Subschema.ID, at path: ValuePath) -> [SchemaViolation] {
    var found: [SchemaViolation] = []
    check(value, against: id, at: path, into: &found)
    return Self.inDocumentOrder(found)
  }

  /// A value that fits none of the alternatives of `combinator`.
  private func noMatch(
    _ value: Node, _ branches: [[SchemaViolation]], at path: ValuePath, by combinator: Keyword<[Subschema.ID]>
  ) -> SchemaViolation {
    let typesOnly = branches.allSatisfy { $0.count == 1 && $0[0].wantedTypes != nil && $0[0].path.order == path.order }
    if typesOnly {
      var wanted: [JSONType] = []
      for type in branches.flatMap({ $0[0].wantedTypes ?? [] }) where !wanted.contains(type) { wanted.append(type) }
      let message = Self.typeMessage(JSONType(of: value), want: wanted)
      var violation = SchemaViolation(path, at: value.location, message, by: combinator)
      violation.wantedTypes = wanted
      return violation
    }
    let message = "matches none of the \"\(combinator.name)\" schemas"
    var violation = SchemaViolation(path, at: value.location, message, by: combinator)
    violation.notes = branches.enumerated().map { index, problems in
      // The first problem of each alternative; where and what only when it is not this value.
      let first = problems[0]
      let here = first.path.order == path.order
      let what = here ? first.message : first.summary
      let place = here && first.location == value.location ? "" : " at \(first.location)"
      let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
      return "\(combinator.name)[\(index)]: \(what)\(place)\(more)"
    }
    return violation
  }
}

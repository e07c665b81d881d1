import KilnRegex
import KilnYAML

/// Keyword values read into their types, each wrong one an error at the value (`"minLength"
/// must be a non-negative integer, not a string`); the keyword is then left out.
extension SchemaCompiler {
  static func kind(_ node: Node) -> String {
    switch JSONType(of: node) {
    case .object: "an object"
    case .array: "an array"
    case .integer: "an integer"
    case .null: "null"
    case let type: "a \(type.rawValue)"
    }
  }

  mutating func refuse(_ entry: MapEntry, want: String) {
    problems.add(.error("\"\(entry.key)\" must be \(want), not \(Self.kind(entry.value))", at: entry.value.location))
  }

  func keyword<Value>(_ entry: MapEntry, _ value: Value) -> Keyword<Value> {
    Keyword(name: entry.key, value: value, location: entry.keyLocation)
  }

  mutating func number(_ entry: MapEntry) -> Keyword<SchemaNumber>? {
    guard let scalar = entry.value.scalar, let number = SchemaNumber(scalar) else {
      refuse(entry, want: "a number")
      return nil
    }
    return keyword(entry, number)
  }

  /// A non-negative integer (`2.0` too: JSON Schema counts by value).
  mutating func count(_ entry: MapEntry) -> Keyword<Int>? {
    guard let scalar = entry.value.scalar, let number = SchemaNumber(scalar), number.isWhole,
      number.compare(SchemaNumber(0)) >= 0
    else {
      refuse(entry, want: "a non-negative integer")
      return nil
    }
    return keyword(entry, number.double < Double(Int.max) ? Int(number.double) : Int.max)
  }

  mutating func boolean(_ entry: MapEntry) -> Keyword<Bool>? {
    guard let scalar = entry.value.scalar, scalar.tag == .bool else {
      refuse(entry, want: "true or false")
      return nil
    }
    return keyword(entry, ScalarValue.bool(scalar.text))
  }

  mutating func array(_ entry: MapEntry) -> Keyword<[Node]>? {
    guard let items = entry.value.items else {
      refuse(entry, want: "an array")
      return nil
    }
    return keyword(entry, items)
  }

  mutating func strings(_ entry: MapEntry) -> Keyword<[String]>? {
    guard let items = entry.value.items else {
      refuse(entry, want: "an array of strings")
      return nil
    }
    var names: [String] = []
    for item in items {
      guard let name = item.string else {
        problems.add(.error("\"\(entry.key)\" holds strings, not \(Self.kind(item))", at: item.location))
        continue
      }
      names.append(name)
    }
    return keyword(entry, names)
  }

  mutating func types(_ entry: MapEntry) -> Keyword<[JSONType]>? {
    let names = entry.value.isSequence ? entry.value.items ?? [] : [entry.value]
    guard !names.isEmpty else {
      refuse(entry, want: "a type name or an array of them")
      return nil
    }
    var types: [JSONType] = []
    for node in names {
      guard let name = node.string else {
        problems.add(.error("a type is named by a string, not \(Self.kind(node))", at: node.location))
        continue
      }
      guard let type = JSONType(rawValue: name) else {
        problems.add(
          .error(
            "unknown type \"\(name)\"", at: node.location,
            notes: ["types: \(JSONType.allCases.map(\.rawValue).joined(separator: ", "))"],
            hint: Suggestion.hint(for: name, among: JSONType.allCases.map(\.rawValue))))
        continue
      }
      types.append(type)
    }
    return keyword(entry, types)
  }

  mutating func pattern(_ entry: MapEntry) -> Keyword<SchemaPattern>? {
    guard let source = entry.value.string else {
      refuse(entry, want: "a regular expression in a string")
      return nil
    }
    return compiledPattern(source, at: entry.value.location).map { keyword(entry, $0) }
  }

  mutating func compiledPattern(_ source: String, at location: SourceLocation) -> SchemaPattern? {
    do {
      return try SchemaPattern(source)
    } catch {
      problems.add(.error("invalid regular expression \(GoText.quote(source)): \(error.reason)", at: location))
      return nil
    }
  }

  mutating func objectEntries(_ entry: MapEntry) -> [MapEntry]? {
    guard let entries = entry.value.entries else {
      refuse(entry, want: "an object")
      return nil
    }
    return entries
  }

  // MARK: - Subschemas

  mutating func schema(_ entry: MapEntry, at pointer: [String]) -> Keyword<Subschema.ID>? {
    keyword(entry, subschema(entry.value, at: pointer))
  }

  /// A non-empty array of schemas (`allOf`, `anyOf`, `oneOf`, `prefixItems`).
  mutating func schemas(_ entry: MapEntry, at pointer: [String], allowEmpty: Bool = false) -> Keyword<[Subschema.ID]>? {
    guard let items = entry.value.items, allowEmpty || !items.isEmpty else {
      refuse(entry, want: allowEmpty ? "an array of schemas" : "a non-empty array of schemas")
      return nil
    }
    return keyword(entry, items.enumerated().map { subschema($0.element, at: pointer + [String($0.offset)]) })
  }

  /// An object whose values are schemas (`properties`, `$defs`), in the file's order.
  mutating func schemaMap(_ entry: MapEntry, at pointer: [String]) -> Keyword<[(String, Subschema.ID)]>? {
    guard let entries = objectEntries(entry) else { return nil }
    return keyword(entry, entries.map { ($0.key, subschema($0.value, at: pointer + [$0.key])) })
  }

  mutating func patternProperties(
    _ entry: MapEntry, at pointer: [String]
  ) -> Keyword<[(pattern: SchemaPattern, schema: Subschema.ID)]>? {
    guard let entries = objectEntries(entry) else { return nil }
    var result: [(pattern: SchemaPattern, schema: Subschema.ID)] = []
    for property in entries {
      let schema = subschema(property.value, at: pointer + [property.key])
      if let pattern = compiledPattern(property.key, at: property.keyLocation) { result.append((pattern, schema)) }
    }
    return keyword(entry, result)
  }
}

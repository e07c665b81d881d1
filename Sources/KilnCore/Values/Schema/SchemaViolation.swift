import KilnYAML

/// Where a value sits in the merged values: `api.replicas`, `api.images[0].name`, "" for the
/// whole. It also keeps the position of each step in its mapping or sequence, so that
/// violations can be reported in the values' own order.
struct ValuePath: Sendable, CustomStringConvertible {
  private(set) var description = ""
  /// The index of each step: a value's order comes before its children's.
  private(set) var order: [Int] = []

  func appending(key: String, position: Int) -> ValuePath {
    var path = self
    let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { !".[]\"' ".unicodeScalars.contains($0) }
    path.description += plain ? (description.isEmpty ? key : "." + key) : "[\(GoText.quote(key))]"
    path.order.append(position)
    return path
  }

  /// The same path, ordered as its key at `position`: for problems with a mapping's key.
  func appending(position: Int) -> ValuePath {
    var path = self
    path.order.append(position)
    return path
  }

  func appending(index: Int) -> ValuePath {
    var path = self
    path.description += "[\(index)]"
    path.order.append(index)
    return path
  }

  /// Whether `self` comes before `other` in document order (a parent before its children).
  func precedes(_ other: ValuePath) -> Bool {
    order.lexicographicallyPrecedes(other.order)
  }
}

/// One way the values break the schema: where (the value, in the file that set it), what, and
/// which keyword of schema.json says so.
struct SchemaViolation: Sendable {
  var path: ValuePath
  /// In the values: the offending value, key, or the mapping a property is missing from.
  var location: SourceLocation
  var message: String
  var keyword: String
  var keywordLocation: SourceLocation
  var notes: [String] = []
  var hint: String?
  /// For a wrong type: the types wanted, so that `anyOf` over types can say them all at once.
  var wantedTypes: [JSONType]?

  /// `api.replicas: got string, want integer`, as a branch of `anyOf` shows it in a note.
  var summary: String { path.description.isEmpty ? message : "\(path): \(message)" }

  func diagnostic(schemaFile: String) -> Diagnostic {
    .error(
      "\(summary) (\(schemaFile))", at: location,
      notes: notes + ["\(GoText.quote(keyword)) at \(keywordLocation)"], hint: hint)
  }
}

extension SchemaViolation {
  init<Value>(_ path: ValuePath, at location: SourceLocation, _ message: String, by keyword: Keyword<Value>) {
    self.init(
      path: path, location: location, message: message, keyword: keyword.name, keywordLocation: keyword.location)
  }
}

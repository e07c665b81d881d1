import KilnYAML

/// The seven types JSON Schema speaks of, and how kiln's values map onto them: a YAML mapping
/// is an object, a sequence an array; a scalar's resolved tag decides the rest (a timestamp
/// is a string, as it is once Helm has turned values into JSON).
///
/// `integer` asks for an integer scalar: `2.0` in a values file is a float, and says so.
/// (JSON Schema since draft 6 also counts `2.0` as an integer; Helm never sees one, since
/// Go's YAML reader has already made it a float64 that JSON writes as `2`.)
enum JSONType: String, Sendable, CaseIterable {
  case null, boolean, object, array, number, integer, string

  /// The type of a values node, the narrowest that fits (`integer`, never `number`, for 3).
  init(of node: Node) {
    switch node.value {
    case .mapping: self = .object
    case .sequence: self = .array
    case .scalar(let scalar):
      switch scalar.tag {
      case .null: self = .null
      case .bool: self = .boolean
      case .int: self = .integer
      case .float: self = .number
      case .string, .timestamp: self = .string
      }
    }
  }

  /// Whether a node of type `actual` is of this type (every integer is a number).
  func accepts(_ actual: JSONType) -> Bool {
    actual == self || (self == .number && actual == .integer)
  }
}

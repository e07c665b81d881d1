import KilnYAML

/// How values and schema constants appear in messages: JSON-like and short.
enum JSONDisplay {
  /// Longer values are cut, so that one message stays one line.
  static let limit = 60

  static func text(_ node: Node) -> String {
    let full = render(node)
    guard full.unicodeScalars.count > limit else { return full }
    return String(String.UnicodeScalarView(full.unicodeScalars.prefix(limit))) + "…"
  }

  /// `"a", "b" or "c"`: alternatives for a message, at most nine, then a count of the rest.
  static func list(_ texts: [String], conjunction: String = "or") -> String {
    let shown = texts.count > 9 ? Array(texts.prefix(8)) + ["\(texts.count - 8) more"] : texts
    guard shown.count > 1 else { return shown.first ?? "" }
    return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + shown[shown.count - 1]
  }

  private static func render(_ node: Node) -> String {
    switch node.value {
    case .mapping(let entries):
      return "{" + entries.map { GoText.quote($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
    case .sequence(let items):
      return "[" + items.map(render).joined(separator: ", ") + "]"
    case .scalar(let scalar):
      switch scalar.tag {
      case .string, .timestamp: return GoText.quote(scalar.text)
      case .bool: return ScalarValue.bool(scalar.text) ? "true" : "false"
      case .null: return "null"
      case .int, .float: return scalar.text
      }
    }
  }
}

import KilnYAML

@testable import KilnCore

/// Values written as JSON, for an oracle that reads JSON: numbers by value (`0x1F` is 31),
/// YAML booleans as `true`/`false`, timestamps as the strings they are to JSON Schema.
/// Floats must have a JSON spelling (no `.inf`, `.nan`); the cases keep to those.
enum NodeJSON {
  static func render(_ node: Node) -> String {
    switch node.value {
    case .mapping(let entries):
      return "{" + entries.map { quote($0.key) + ":" + render($0.value) }.joined(separator: ",") + "}"
    case .sequence(let items):
      return "[" + items.map(render).joined(separator: ",") + "]"
    case .scalar(let scalar):
      switch scalar.tag {
      case .null: return "null"
      case .bool: return ScalarValue.bool(scalar.text) ? "true" : "false"
      case .string, .timestamp: return quote(scalar.text)
      case .int:
        // Through the exact form: `0x1F`, `0o17`, `1_000` are not JSON.
        guard let exact = SchemaNumber(scalar)?.exact else { return scalar.text }
        return String(exact.significand) + String(repeating: "0", count: exact.exponent)
      case .float:
        let plain = scalar.text.filter { $0 != "_" }
        return (try? JSONReader.parse(plain)) != nil ? plain : String(SchemaNumber(scalar)?.double ?? .nan)
      }
    }
  }

  /// A JSON string literal: escapes for quotes, backslashes and controls, UTF-8 otherwise.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

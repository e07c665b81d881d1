import KilnCore
import KilnYAML

/// A one-line rendering of a values tree in its own key order, so expectations read like
/// examples: `{a: 1, b: "x", c: [null, 1.50, true]}`. Strings are always quoted, so `"1"`
/// and `1` differ at a glance; numbers keep their spelling.
func compact(_ node: Node) -> String {
  switch node.value {
  case .mapping(let entries):
    return "{" + entries.map { compactKey($0.key) + ": " + compact($0.value) }.joined(separator: ", ") + "}"
  case .sequence(let items):
    return "[" + items.map(compact).joined(separator: ", ") + "]"
  case .scalar(let s):
    switch s.tag {
    case .string, .timestamp: return quoted(s.text)
    case .int, .float, .bool, .null: return s.text
    }
  }
}

private func compactKey(_ key: String) -> String {
  let simple =
    !key.isEmpty
    && key.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  return simple ? key : quoted(key)
}

/// Double-quoted, escaping only quotes, backslashes and control characters, so that
/// expectations can show any other character as itself.
private func quoted(_ s: String) -> String {
  var out = "\""
  for c in s.unicodeScalars {
    switch c {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    default:
      if c.value < 0x20 || c.value == 0x7F {
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(c)
      }
    }
  }
  return out + "\""
}

/// A values tree written as YAML (flow style is fine: `{a: 1, l: [x]}`).
func yaml(_ text: String) throws -> Node {
  try YAMLParser.parseStream(text, file: "values.yaml").first ?? .null()
}

/// `a.‸b` → (`a.b`, 3): the 1-based column of the `‸` marker, and the text without it.
func marked(_ text: String) -> (text: String, column: Int) {
  var scalars = Array(text.unicodeScalars)
  guard let index = scalars.firstIndex(of: "‸") else { return (text, 0) }
  scalars.remove(at: index)
  return (String(String.UnicodeScalarView(scalars)), index + 1)
}

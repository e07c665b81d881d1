import KilnYAML

/// JSON text exactly as Go's `encoding/json` writes it with `json.Marshal`, for the bytes a
/// name hash is computed from: no spaces, object keys sorted by bytes, and Go's string escapes.
///
/// Strings: `"` and `\` are escaped; `\n`, `\r`, `\t`, `\b` and `\f` take their short forms;
/// other control characters below U+0020 become `\u00XX` (lowercase hex); `<`, `>` and `&`
/// become `\u003c`, `\u003e`, `\u0026` (HTML-safe escaping is on by default); U+2028 and
/// U+2029 become `\u2028` and `\u2029`; every other character, DEL and non-ASCII included, is
/// written as it is, in UTF-8.
enum GoJSON {
  /// A JSON value with Go's `map[string]interface{}` behaviour: objects print sorted.
  indirect enum Value {
    case string(String)
    /// A number already in Go's JSON spelling (`1`, `1.5`, `1e+21`).
    case number(String)
    case bool(Bool)
    case null
    case array([Value])
    case object([(key: String, value: Value)])
  }

  /// The bytes `json.Marshal` makes of `value`.
  static func encode(_ value: Value) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(value, into: &out)
    return out
  }

  static func write(_ value: Value, into out: inout [UInt8]) {
    switch value {
    case .string(let text): writeString(text, into: &out)
    case .number(let text): out.append(contentsOf: text.utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        write(item, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let entries):
      // A Go map has one value per key (the last one decoded wins); keys sort by bytes.
      var latest: [String: Int] = [:]
      for (i, entry) in entries.enumerated() { latest[entry.key] = i }
      let order = latest.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      out.append(UInt8(ascii: "{"))
      for (i, key) in order.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        // Force-unwrap avoided: every sorted key came from `latest`.
        if let index = latest[key] { write(entries[index].value, into: &out) }
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  static func writeString(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        if b < 0x80 {
          switch b {
          case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
          case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
          case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
          case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
          case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
          case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
          case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
          case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x00..<0x20:
            out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xF)])
          default: out.append(b)
          }
          i += 1
        } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
          // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
          out.append(contentsOf: "\\u202".utf8)
          out.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
          i += 3
        } else {
          out.append(b)
          i += 1
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// What a YAML node becomes after kyaml turns it into JSON and the hasher reads that JSON
  /// back into `interface{}`: strings stay strings, every number becomes a float64 (so
  /// integers past 2^53 lose digits, as in Go), timestamps become RFC 3339 strings.
  static func value(of node: Node) -> Value {
    switch node.value {
    case .mapping(let entries): return .object(entries.map { ($0.key, value(of: $0.value)) })
    case .sequence(let items): return .array(items.map(value(of:)))
    case .scalar(let scalar):
      switch scalar.tag {
      case .string: return .string(scalar.text)
      case .timestamp: return .string(GoTimestampFormat.rfc3339Nano(scalar.text))
      case .null: return .null
      case .bool: return .bool(ScalarValue.bool(scalar.text))
      case .int, .float:
        guard let canonical = try? JSONRoundTrip.canonical(scalar, at: node.location),
          let number = Double(canonical.text)
        else { return .string(scalar.text) }
        return .number(GoNumberFormat.json(number))
      }
    }
  }
}

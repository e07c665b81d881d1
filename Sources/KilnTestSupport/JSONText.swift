/// Double-quoted string literals that read the same as JSON and as YAML, for writing oracle
/// inputs whose strings nobody can misread.
public enum JSONText {
  public static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        // Controls, and the characters some YAML readers take for line breaks.
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85
          || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          out += String(format4: scalar.value)
        } else if scalar.value > 0xFFFF {
          // YAML readers (kustomize's too) take \U escapes, not JSON surrogate pairs.
          let hex = String(scalar.value, radix: 16)
          out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension String {
  fileprivate init(format4 value: UInt32) {
    let hex = String(value, radix: 16)
    let padding = String(repeating: "0", count: Swift.max(0, 4 - hex.count))
    self = "\\u" + padding + hex
  }
}

/// Kustomize reads resources and patches with yaml.v3 and writes them back out once before it
/// reads them again, keeping each scalar's style. yaml.v3's writer for folded (`>`) scalars
/// has a slip libyaml does not: where libyaml adds the extra line break that keeps a line
/// break from being folded only when the next line starts with a non-blank character, yaml.v3
/// looks at the first character of the whole value instead. Read back, a folded scalar can so
/// gain a line break before a more-indented line (`a\n  b` becomes `a\n\n  b`) or lose one
/// (a value starting with a space). `kubectl kustomize` prints the result, so kiln, reading
/// in that dialect, computes the same: the text yaml.v3 would write, read back by libyaml.
enum FoldedRoundTrip {
  static func apply(_ value: String) -> String {
    let bytes = Array(value.utf8)
    // Only line feeds are handled; other line breaks are written differently and are rare.
    guard bytes.contains(UInt8(ascii: "\n")),
      !bytes.contains(where: { $0 == UInt8(ascii: "\r") || $0 == 0xC2 || $0 == 0xE2 })
    else { return value }
    guard blockAllowed(bytes) else { return value }
    guard
      let text = try? YAMLParser.parseDocuments(written(bytes), file: "<folded>", dialect: .yaml11).first?["v"]?.scalar?
        .text
    else { return value }
    return text
  }

  /// Whether yaml.v3 writes the value as a block at all: not when a line ends in a space (or the
  /// value does), nor when it holds a character its writer calls unprintable (a control
  /// character other than tab and line feed, anything outside the Basic Multilingual Plane, a
  /// byte-order mark); it is then written double-quoted, and reads back unchanged.
  private static func blockAllowed(_ value: [UInt8]) -> Bool {
    if value.last == UInt8(ascii: " ") { return false }
    for (i, byte) in value.enumerated() {
      switch byte {
      case UInt8(ascii: " "):
        if i + 1 < value.count && value[i + 1] == UInt8(ascii: "\n") { return false }
      case 0x09, 0x0A, 0x20...0x7E: continue
      case 0xC2: if i + 1 < value.count && value[i + 1] < 0xA0 { return false }
      case 0xC3...0xEC, 0xEE: continue
      case 0xED: if i + 1 < value.count && value[i + 1] >= 0xA0 { return false }
      case 0xEF:
        guard i + 2 < value.count else { continue }
        if value[i + 1] == 0xBB && value[i + 2] == 0xBF { return false }
        if value[i + 1] == 0xBF && (value[i + 2] == 0xBE || value[i + 2] == 0xBF) { return false }
      case 0x80...0xBF: continue  // continuation bytes, judged with their lead byte
      default: return false  // other control characters, and 4-byte (non-BMP) characters
      }
    }
    return true
  }

  /// `v: >…` as yaml.v3 writes the value (ignoring its folding of long lines, which reading
  /// undoes exactly).
  private static func written(_ value: [UInt8]) -> [UInt8] {
    let newline = UInt8(ascii: "\n")
    func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var out = Array("v: >".utf8)
    if isBlank(value[0]) || value[0] == newline { out.append(UInt8(ascii: "2")) }
    if value.last != newline {
      out.append(UInt8(ascii: "-"))
    } else if value.count == 1 || value[value.count - 2] == newline {
      out.append(UInt8(ascii: "+"))
    }
    out.append(newline)
    // yaml.v3 skips the value's leading line breaks, then tests the character after them
    // (the end of the value counts as blank).
    let firstContent = value.first { $0 != newline }
    let firstIsBlank = firstContent.map(isBlank) ?? true
    var breaks = true
    var leadingSpaces = true
    for byte in value {
      if byte == newline {
        // yaml.v3 tests the value's first character where libyaml tests the next line's.
        if !breaks && !leadingSpaces && !firstIsBlank { out.append(newline) }
        out.append(newline)
        breaks = true
      } else {
        if breaks {
          out += [UInt8(ascii: " "), UInt8(ascii: " ")]
          leadingSpaces = isBlank(byte)
        }
        out.append(byte)
        breaks = false
      }
    }
    return out
  }
}

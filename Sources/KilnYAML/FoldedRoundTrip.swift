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
    guard let text = try? YAMLParser.parseDocuments(written(bytes), file: "<folded>", dialect: .yaml11).first?["v"]?.scalar?.text
    else { return value }
    return text
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
    let firstIsBlank = isBlank(value[0]) || value[0] == newline
    var breaks = true
    var leadingSpaces = true
    for byte in value {
      if byte == newline {
        // yaml.v3 tests value[0] where libyaml tests the start of the next line.
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

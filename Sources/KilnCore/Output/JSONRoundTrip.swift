public import KilnYAML

/// What `kubectl kustomize` does to every scalar on its way out: the object is decoded by
/// goyaml.v3, encoded as JSON by Go, decoded again by goyaml.v2 and printed. So integers are
/// printed in decimal (`0x1F` → `31`, `0123` → `83`), integral floats become integers
/// (`1.0` → `1`), other floats take Go's shortest `%g` form (`1234567.5` → `1.2345675e+06`),
/// timestamps become RFC 3339 strings, and infinities and NaN fail the build (JSON has none).
///
/// Strings change too, because Go's JSON writes some characters raw that goyaml.v2's reader
/// treats specially: NEL (U+0085) is a line break to it, folded like one in a double-quoted
/// scalar; DEL, the other C1 controls, U+FFFE and U+FFFF are refused ("control characters are
/// not allowed"), failing the build.
public enum JSONRoundTrip {
  /// Rewrites `node` in place, touching only what changes (most strings do not).
  public static func canonicalize(_ node: inout Node) throws {
    // A read-only look first: nearly every object needs nothing, and writing through a shared
    // tree would copy it.
    guard !isCanonical(node) else { return }
    try rewrite(&node)
  }

  private static func rewrite(_ node: inout Node) throws {
    switch node.value {
    case .scalar(let scalar):
      if scalar.tag == .string && !mayNeedRereading(scalar.text) { return }
      node.value = .scalar(try canonical(scalar, at: node.location))
    case .sequence:
      try node.withItems { items in
        for i in items.indices where !isCanonical(items[i]) { try rewrite(&items[i]) }
      }
    case .mapping:
      try node.withEntries { entries in
        for i in entries.indices {
          let key = entries[i].key
          if mayNeedRereading(key) {
            try refuseControlCharacters(key, at: entries[i].keyLocation)
            if key.unicodeScalars.contains("\u{85}") {
              throw Diagnostic.error(
                "key \(key.debugDescription) holds U+0085 (NEL), which kubectl kustomize cannot write back as a key",
                at: entries[i].keyLocation)
            }
          }
          if !isCanonical(entries[i].value) { try rewrite(&entries[i].value) }
        }
      }
    }
  }

  /// Whether the round trip leaves `node` exactly as it is.
  static func isCanonical(_ node: Node) -> Bool {
    switch node.value {
    case .scalar(let scalar): isCanonical(scalar)
    case .sequence(let items): items.allSatisfy(isCanonical)
    case .mapping(let entries): entries.allSatisfy { !mayNeedRereading($0.key) && isCanonical($0.value) }
    }
  }

  private static func isCanonical(_ scalar: Scalar) -> Bool {
    if scalar.tag == .string { return !mayNeedRereading(scalar.text) }
    guard scalar.style == .plain else { return false }
    switch scalar.tag {
    case .null: return scalar.text == "null"
    case .bool: return scalar.text == "true" || scalar.text == "false"
    case .int: return isShortDecimal(scalar.text)
    case .string, .float, .timestamp: return false
    }
  }

  /// `0`, or an optional `-` and up to 18 digits without a leading zero: what `decimalInteger`
  /// gives back unchanged, told without parsing.
  private static func isShortDecimal(_ text: String) -> Bool {
    var digits = text.utf8[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else {
      return false
    }
    return digits.first != UInt8(ascii: "0") || (digits.count == 1 && digits.count == text.utf8.count)
  }

  /// Characters goyaml.v2's reader refuses when Go's JSON writes them raw.
  public static func isRefusedByYAMLReader(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x7F...0x84, 0x86...0x9F, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// A double-quoted YAML scalar's folding, where NEL is the only raw line break: in each run
  /// of spaces and NELs that holds a NEL, the spaces go, one NEL becomes a space, and n NELs
  /// become n-1 newlines (`a \u{85} b` → `a b`, `a\u{85}\u{85}b` → `a\nb`).
  public static func foldingNextLines(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{85}") else { return text }
    var out = String.UnicodeScalarView()
    var run: [Unicode.Scalar] = []
    func flush() {
      let breaks = run.filter { $0 == "\u{85}" }.count
      if breaks == 0 {
        out.append(contentsOf: run)
      } else if breaks == 1 {
        out.append(" ")
      } else {
        out.append(contentsOf: Array(repeating: "\n", count: breaks - 1))
      }
      run.removeAll()
    }
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\u{85}" {
        run.append(scalar)
      } else {
        flush()
        out.append(scalar)
      }
    }
    flush()
    return String(out)
  }

  /// Only DEL and bytes of characters from U+0080 up can be affected: a cheap first look.
  @inline(__always)
  private static func mayNeedRereading(_ text: String) -> Bool {
    // On the bytes themselves: every key and string of every object is asked, and the
    // generic walk of `String.UTF8View` costs several times more.
    var text = text
    return text.withUTF8 { bytes in bytes.contains { $0 == 0x7F || $0 >= 0xC2 } }
  }

  private static func refuseControlCharacters(_ text: String, at location: SourceLocation) throws {
    if let bad = text.unicodeScalars.first(where: isRefusedByYAMLReader) {
      let hex = String(bad.value, radix: 16, uppercase: true)
      throw Diagnostic.error(
        "U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) cannot be written by kubectl kustomize (yaml: control characters are not allowed)",
        at: location)
    }
  }

  static func canonical(_ scalar: Scalar, at location: SourceLocation) throws -> Scalar {
    switch scalar.tag {
    case .string:
      guard mayNeedRereading(scalar.text) else { return scalar }
      try refuseControlCharacters(scalar.text, at: location)
      return Scalar(foldingNextLines(scalar.text), tag: .string, style: scalar.style)
    case .null:
      return Scalar("null", tag: .null)
    case .bool:
      return Scalar(ScalarValue.bool(scalar.text) ? "true" : "false", tag: .bool)
    case .timestamp:
      return Scalar(GoTimestampFormat.rfc3339Nano(scalar.text), tag: .string)
    case .int:
      if let decimal = decimalInteger(scalar.text) { return Scalar(decimal, tag: .int) }
      return try float(scalar.text, at: location)
    case .float:
      return try float(scalar.text, at: location)
    }
  }

  /// A Go integer literal (sign, base prefix, underscores) in decimal, when it fits 64 bits.
  static func decimalInteger(_ text: String) -> String? {
    guard let (negative, magnitude) = IntegerLiteral.parse(text) else { return nil }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return magnitude == 0 ? "0" : "-\(magnitude)"
    }
    return String(magnitude)
  }

  private static func float(_ text: String, at location: SourceLocation) throws -> Scalar {
    let cleaned = text.filter { $0 != "_" }
    let value: Double
    switch cleaned {
    case ".nan", ".NaN", ".NAN": value = .nan
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": value = .infinity
    case "-.inf", "-.Inf", "-.INF": value = -.infinity
    default: value = Double(cleaned) ?? .nan
    }
    guard value.isFinite else {
      throw Diagnostic.error(
        "\(text) has no JSON form (kubectl kustomize fails with \"json: unsupported value\")", at: location,
        hint: "quote it if it is meant as a string")
    }
    // JSON's text, as goyaml.v2 then reads it back.
    let json = GoNumberFormat.json(value)
    if !json.contains("."), !json.contains("e"), let decimal = decimalInteger(json) {
      return Scalar(decimal, tag: .int)
    }
    return Scalar(GoNumberFormat.general(value), tag: .float)
  }
}

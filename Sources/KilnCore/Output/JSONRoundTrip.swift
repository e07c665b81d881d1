public import KilnYAML

/// What `kubectl kustomize` does to every scalar on its way out: the object is decoded by
/// goyaml.v3, encoded as JSON by Go, decoded again by goyaml.v2 and printed. So integers are
/// printed in decimal (`0x1F` → `31`, `0123` → `83`), integral floats become integers
/// (`1.0` → `1`), other floats take Go's shortest `%g` form (`1234567.5` → `1.2345675e+06`),
/// timestamps become RFC 3339 strings, and infinities and NaN fail the build (JSON has none).
public enum JSONRoundTrip {
  public static func canonicalize(_ node: Node) throws -> Node {
    switch node.value {
    case .scalar(let scalar):
      return Node(.scalar(try canonical(scalar, at: node.location)), at: node.location)
    case .sequence(let items):
      return Node(.sequence(try items.map(canonicalize)), at: node.location)
    case .mapping(let entries):
      return Node(.mapping(try entries.map { entry in
        var copy = entry
        copy.value = try canonicalize(entry.value)
        return copy
      }), at: node.location)
    }
  }

  static func canonical(_ scalar: Scalar, at location: SourceLocation) throws -> Scalar {
    switch scalar.tag {
    case .string:
      return scalar
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
    var s = text.filter { $0 != "_" }[...]
    var negative = false
    if let first = s.first, first == "-" || first == "+" {
      negative = first == "-"
      s = s.dropFirst()
    }
    var radix = 10
    let lower = s.lowercased()
    if lower.hasPrefix("0x") { radix = 16; s = s.dropFirst(2) }
    else if lower.hasPrefix("0o") { radix = 8; s = s.dropFirst(2) }
    else if lower.hasPrefix("0b") { radix = 2; s = s.dropFirst(2) }
    else if s.count > 1 && s.hasPrefix("0") { radix = 8; s = s.dropFirst() }
    guard let magnitude = UInt64(s, radix: radix) else { return nil }
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

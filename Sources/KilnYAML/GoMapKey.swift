/// The text sigs.k8s.io/yaml gives a plain mapping key that goyaml.v2 reads as something else
/// than a string, when it turns YAML into JSON (what kubectl kustomize does to a JSON 6902
/// patch): a boolean becomes `true` or `false` (`on:`, `y:`), an integer its decimal digits
/// (`0x1F:` is `"31"`), a float Go's shortest `%g` of it as a 32-bit float (`1.50:` is
/// `"1.5"`, `1e6:` is `"1e+06"`), a timestamp stays as written. A null key, or an integer
/// beyond 64 bits, has no JSON form: nil.
enum GoMapKey {
  static func text(for scalar: Scalar) -> String? {
    switch scalar.tag {
    case .string, .timestamp: return scalar.text
    case .null: return nil
    case .bool:
      let word = scalar.text.lowercased()
      return ["y", "yes", "true", "on"].contains(word) ? "true" : "false"
    case .int: return decimal(scalar.text.filter { $0 != "_" })
    case .float: return float(scalar.text.filter { $0 != "_" })
    }
  }

  /// `strconv.ParseInt(text, 0, 64)` in decimal.
  private static func decimal(_ text: String) -> String? {
    var digits = Substring(text)
    var negative = false
    if let first = digits.first, first == "+" || first == "-" {
      negative = first == "-"
      digits = digits.dropFirst()
    }
    var radix = 10
    let lower = digits.lowercased()
    if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
      radix = lower.hasPrefix("0x") ? 16 : lower.hasPrefix("0o") ? 8 : 2
      digits = digits.dropFirst(2)
    } else if digits.count > 1 && digits.hasPrefix("0") {
      radix = 8
      digits = digits.dropFirst()
    }
    guard let magnitude = UInt64(digits, radix: radix) else { return nil }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return magnitude == 0 ? "0" : "-\(magnitude)"
    }
    return magnitude <= UInt64(Int64.max) ? String(magnitude) : nil
  }

  /// `strconv.FormatFloat(f, 'g', -1, 32)`, with goyaml's names for infinities and NaN.
  private static func float(_ text: String) -> String? {
    switch text.lowercased() {
    case ".inf", "+.inf": return ".inf"
    case "-.inf": return "-.inf"
    case ".nan": return ".nan"
    default: break
    }
    guard let double = Double(text) else { return nil }
    let value = Float(double)
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    return GoNumberFormat.general(value)
  }
}

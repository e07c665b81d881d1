/// An integer as YAML 1.1 and Go write it: a sign, `0x`, `0o`, `0b` or a leading-zero octal
/// prefix, underscores anywhere. The sign and magnitude, when the magnitude fits 64 bits.
enum IntegerLiteral {
  static func parse(_ text: String) -> (negative: Bool, magnitude: UInt64)? {
    var s = text.filter { $0 != "_" }[...]
    var negative = false
    if let sign = s.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      s = s.dropFirst()
    }
    var radix = 10
    let lower = s.lowercased()
    if lower.hasPrefix("0x") {
      radix = 16
      s = s.dropFirst(2)
    } else if lower.hasPrefix("0o") {
      radix = 8
      s = s.dropFirst(2)
    } else if lower.hasPrefix("0b") {
      radix = 2
      s = s.dropFirst(2)
    } else if s.count > 1 && s.hasPrefix("0") {
      radix = 8
      s = s.dropFirst()
    }
    guard let magnitude = UInt64(s, radix: radix) else { return nil }
    return (negative, magnitude)
  }
}

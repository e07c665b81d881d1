/// Go's `strconv.FormatFloat(f, 'f'|'e'|'g', -1, 64)` (and `32` for a `Float`): the shortest
/// digits that read back as the same number, laid out as Go lays them out. Swift and Go both
/// pick the shortest round-tripping digits (closest to the exact value on ties), so only the
/// layout differs.
public enum GoNumberFormat {
  /// The shortest decimal digits of |value| and the position of the decimal point
  /// (`1234.5` is ("12345", 4); `0.001` is ("1", -2)).
  static func shortestDigits<F: BinaryFloatingPoint & CustomStringConvertible>(
    _ value: F
  ) -> (digits: [UInt8], point: Int) {
    if value == 0 { return ([UInt8(ascii: "0")], 1) }
    let text = Array(abs(value).description.utf8)  // "1234.5", "1e-05", "1.5e+20"
    var mantissa = text[...]
    var exponent = 0
    if let e = text.firstIndex(of: UInt8(ascii: "e")) {
      mantissa = text[..<e]
      exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
    }
    var digits: [UInt8] = []
    var point = 0
    var seenPoint = false
    for c in mantissa {
      if c == UInt8(ascii: ".") {
        seenPoint = true
        continue
      }
      digits.append(c)
      if !seenPoint { point += 1 }
    }
    // Strip leading zeros ("0.001" → "1", point -2) and trailing zeros ("1200.0" → "12", 4).
    while digits.count > 1 && digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      point -= 1
    }
    while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
    return (digits, point + exponent)
  }

  /// `'f'` layout: no exponent.
  public static func fixed<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> String {
    let (digits, point) = shortestDigits(value)
    var out = value.sign == .minus ? "-" : ""
    if point <= 0 {
      out += "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
    } else if point >= digits.count {
      out += String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
    } else {
      out += String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }
    return out
  }

  /// `'e'` layout: `d.ddde±XX`, at least two exponent digits.
  public static func exponent<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> String {
    let (digits, point) = shortestDigits(value)
    var out = value.sign == .minus ? "-" : ""
    out += String(decoding: digits[..<1], as: UTF8.self)
    if digits.count > 1 { out += "." + String(decoding: digits[1...], as: UTF8.self) }
    let e = value == 0 ? 0 : point - 1
    out += e < 0 ? "e-" : "e+"
    let magnitude = String(abs(e))
    out += (magnitude.count < 2 ? "0" : "") + magnitude
    return out
  }

  /// `'g'` with the shortest precision: exponent form when the decimal exponent is below -4
  /// or at least 6 (Go decides with precision 6 when printing the shortest digits).
  public static func general<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> String {
    let (_, point) = shortestDigits(value)
    let e = value == 0 ? 0 : point - 1
    return e < -4 || e >= 6 ? exponent(value) : fixed(value)
  }

  /// `encoding/json`'s float encoding: `'f'` between 1e-6 and 1e21, `'e'` outside, with a
  /// one-digit negative exponent written without its zero (`1e-7`).
  public static func json(_ value: Double) -> String {
    let a = abs(value)
    if a != 0 && (a < 1e-6 || a >= 1e21) {
      var text = Array(exponent(value).utf8)
      let n = text.count
      if n >= 4 && text[n - 4] == UInt8(ascii: "e") && text[n - 3] == UInt8(ascii: "-")
        && text[n - 2] == UInt8(ascii: "0")
      {
        text.remove(at: n - 2)
      }
      return String(decoding: text, as: UTF8.self)
    }
    return fixed(value)
  }
}

import KilnYAML

/// A number as JSON Schema compares it: by value, so `1` equals `1.0`, and exactly where the
/// spelling allows, so `0.3` is a multiple of `0.1` (Helm's validator works with Go's
/// `big.Rat`; a Double would say 0.3 / 0.1 is 2.9999999999999996).
///
/// A number is kept as `significand × 10^exponent` when its digits fit in 128 bits (every
/// integer a values file can hold, every decimal up to 38 digits), and as a Double always;
/// arithmetic falls back to the Double only when the exact form would overflow.
struct SchemaNumber: Sendable, Equatable, CustomStringConvertible {
  struct Exact: Sendable {
    var significand: Int128
    var exponent: Int
  }

  let exact: Exact?
  let double: Double
  /// The number as written, for messages.
  let description: String

  var isNaN: Bool { double.isNaN }

  /// The number of an `.int` or `.float` scalar; nil for anything else.
  init?(_ scalar: Scalar) {
    switch scalar.tag {
    case .int:
      guard let exact = Self.integer(scalar.text) else { return nil }
      self.init(exact, spelled: scalar.text)
    case .float: self.init(float: scalar.text)
    default: return nil
    }
  }

  init(_ value: Int) {
    self.init(Exact(significand: Int128(value), exponent: 0), spelled: String(value))
  }

  private init(_ exact: Exact, spelled: String) {
    self.exact = exact.normalized
    self.double = Double(exact.significand) * Self.power(exact.exponent)
    self.description = spelled
  }

  /// A YAML or JSON float: `1.5`, `-2e3`, `1_000.5`, `.5`, `.inf`, `.nan`.
  private init?(float text: String) {
    description = text
    let plain = text.filter { $0 != "_" }
    switch plain.lowercased() {
    case ".inf", "+.inf":
      (exact, double) = (nil, .infinity)
      return
    case "-.inf":
      (exact, double) = (nil, -.infinity)
      return
    case ".nan":
      (exact, double) = (nil, .nan)
      return
    default: break
    }
    guard let value = Double(plain) else { return nil }
    double = value
    exact = Self.decimal(plain)?.normalized
  }

  /// Whether the value has no fractional part (`2.0` has none; kiln's `integer` type still
  /// asks for an integer scalar, see `JSONValue`).
  var isWhole: Bool {
    if let exact { return exact.exponent >= 0 || exact.significand == 0 }
    return double.isFinite && double == double.rounded(.towardZero)
  }

  // MARK: - Comparing

  static func == (a: SchemaNumber, b: SchemaNumber) -> Bool { a.compare(b) == 0 }

  /// -1, 0 or 1. NaN is equal to nothing; bounds refuse it before comparing (`isNaN`).
  func compare(_ other: SchemaNumber) -> Int {
    if let a = exact, let b = other.exact, let pair = Exact.aligned(a, b) {
      return pair.0 < pair.1 ? -1 : pair.0 > pair.1 ? 1 : 0
    }
    if double.isNaN || other.double.isNaN { return 1 }
    return double < other.double ? -1 : double > other.double ? 1 : 0
  }

  /// Whether `self / divisor` is a whole number; `divisor` is positive (the schema checks it).
  func isMultiple(of divisor: SchemaNumber) -> Bool {
    if let a = exact, let b = divisor.exact, let pair = Exact.aligned(a, b), pair.1 != 0 {
      return pair.0 % pair.1 == 0
    }
    let quotient = double / divisor.double
    return quotient.isFinite && quotient == quotient.rounded(.towardZero)
  }

  // MARK: - Reading

  /// Decimal, `0x`, `0o`, `0b` and YAML 1.1's leading-zero octal, with underscores: the
  /// integers kiln's YAML reader tags `.int` (they fit in 64 bits, signed or unsigned).
  private static func integer(_ text: String) -> Exact? {
    guard let (negative, magnitude) = IntegerLiteral.parse(text) else { return nil }
    let value = Int128(magnitude)
    return Exact(significand: negative ? -value : value, exponent: 0)
  }

  /// `[-+]digits[.digits][e[-+]digits]` as an exact decimal, or nil past 38 digits.
  private static func decimal(_ text: String) -> Exact? {
    var digits: [UInt8] = []
    var exponent = 0
    var negative = false
    var index = text.utf8.startIndex
    let bytes = text.utf8
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index = bytes.index(after: index)
    }
    var afterPoint = false
    while index < bytes.endIndex {
      let c = bytes[index]
      if c == UInt8(ascii: ".") {
        afterPoint = true
      } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
        if !(digits.isEmpty && c == UInt8(ascii: "0")) { digits.append(c - UInt8(ascii: "0")) }
        if afterPoint { exponent -= 1 }
      } else {
        break
      }
      index = bytes.index(after: index)
    }
    if index < bytes.endIndex {
      guard bytes[index] | 0x20 == UInt8(ascii: "e"), let power = Int(String(text[bytes.index(after: index)...])),
        abs(power) < 10_000
      else { return nil }
      exponent += power
    }
    guard digits.count <= 38 else { return nil }
    let magnitude = digits.reduce(Int128(0)) { $0 * 10 + Int128($1) }
    return Exact(significand: negative ? -magnitude : magnitude, exponent: exponent)
  }

  private static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}

extension SchemaNumber.Exact {
  /// The same value with no trailing zeros in the significand, so exponents stay small.
  var normalized: Self {
    guard significand != 0 else { return Self(significand: 0, exponent: 0) }
    var result = self
    while result.significand % 10 == 0 {
      result.significand /= 10
      result.exponent += 1
    }
    return result
  }

  /// Both significands scaled to the smaller exponent, or nil when that overflows.
  static func aligned(_ a: Self, _ b: Self) -> (Int128, Int128)? {
    let low = min(a.exponent, b.exponent)
    guard let x = a.scaled(by: a.exponent - low), let y = b.scaled(by: b.exponent - low) else { return nil }
    return (x, y)
  }

  private func scaled(by places: Int) -> Int128? {
    guard places <= 38 else { return significand == 0 ? 0 : nil }
    var value = significand
    for _ in 0..<places {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = product
    }
    return value
  }
}

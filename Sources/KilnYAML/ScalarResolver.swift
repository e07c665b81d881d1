/// What an unquoted scalar means, by the rules of goyaml.v2: the YAML reader inside kubectl
/// (`kubectl apply -f`), Helm's values loader and the serializer behind `kubectl kustomize`'s
/// output. These rules decide both how kiln reads plain scalars and which strings the emitter
/// must quote so that they read back as strings.
///
/// They are YAML 1.1 with Go's number syntax: `yes`, `on`, `y` are booleans, `0123` is octal,
/// `1_000` is an integer, `2024-01-01` is a timestamp, and an out-of-range float such as `1e999`
/// stays a string.
///
/// The `.yaml12` dialect is goyaml.v3's, which reads Kustomize's resource files: the same,
/// except that `y`, `yes`, `on`, `no`, `off` (any case) are strings.
public enum ScalarResolver {
  public enum Dialect: Sendable {
    /// goyaml.v2: kubectl apply, Helm values, kustomization files.
    case yaml11
    /// goyaml.v3: the resource files `kubectl kustomize` reads.
    case yaml12
  }

  public static func resolvePlain(_ text: String, dialect: Dialect = .yaml11) -> ScalarTag {
    var text = text
    return text.withUTF8 { resolvePlain(bytes: $0, dialect: dialect) }
  }

  public static func resolvePlain(bytes s: UnsafeBufferPointer<UInt8>, dialect: Dialect = .yaml11) -> ScalarTag {
    guard let first = s.first else { return .null }
    switch first {
    case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
      UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
      UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
      guard let tag = wordTag(s) else { return .string }
      if dialect == .yaml12, tag == .bool, !isYAML12Boolean(s) { return .string }
      return tag
    case UInt8(ascii: "."):
      if let tag = wordTag(s) { return tag }
      return isGoFloat(s, leadingDotOnly: true) ? .float : .string
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      if let tag = wordTag(s) { return tag }
      return numberOrTimestamp(s)
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return numberOrTimestamp(s)
    default:
      return .string
    }
  }

  private static func isYAML12Boolean(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    switch String(decoding: s, as: UTF8.self) {
    case "true", "True", "TRUE", "false", "False", "FALSE": true
    default: false
    }
  }

  /// The fixed words of goyaml.v2's resolve table.
  private static func wordTag(_ s: UnsafeBufferPointer<UInt8>) -> ScalarTag? {
    guard s.count <= 5 else { return nil }
    return words[packed(s)]
  }

  /// Up to seven bytes and their count as one integer, so that a word is found with one
  /// lookup instead of a string comparison against each word of the table (every plain
  /// scalar starting with `n`, `t`, `f` … is looked up: `name`, `true`, `false`, `nginx`).
  private static func packed(_ s: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var key = UInt64(s.count) << 56
    for (i, byte) in s.prefix(7).enumerated() { key |= UInt64(byte) << (8 * UInt64(i)) }
    return key
  }

  private static let words: [UInt64: ScalarTag] = {
    let table: [(ScalarTag, [String])] = [
      (
        .bool,
        [
          "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
          "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        ]
      ),
      (.null, ["~", "null", "Null", "NULL"]),
      (
        .float,
        [
          ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
          "-.inf", "-.Inf", "-.INF",
        ]
      ),
    ]
    var words: [UInt64: ScalarTag] = [:]
    for (tag, spellings) in table {
      for var word in spellings { words[word.withUTF8(packed)] = tag }
    }
    return words
  }()

  /// goyaml.v2 tries, in order: timestamp, Go integer (base prefixes, underscores removed),
  /// unsigned integer, YAML-style float, and otherwise keeps the text as a string.
  private static func numberOrTimestamp(_ s: UnsafeBufferPointer<UInt8>) -> ScalarTag {
    if GoTimestamp.isTimestamp(s) { return .timestamp }
    let plain = s.filter { $0 != UInt8(ascii: "_") }
    return plain.withUnsafeBufferPointer { p in
      if isGoInteger(p) { return .int }
      if isYAMLStyleFloat(p), isGoFloat(p, leadingDotOnly: false) { return .float }
      return .string
    }
  }

  /// `strconv.ParseInt(s, 0, 64)` or `strconv.ParseUint(s, 0, 64)` would accept it: optional
  /// sign, then `0x`/`0o`/`0b` digits, a leading-zero octal, or decimal, within range. (Out of
  /// range, `0xFFFFFFFFFFFFFFFFFF` is a string to goyaml.v2; long decimals become floats.)
  static func isGoInteger(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    var sign: UInt8 = 0
    if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
      sign = s[i]
      i += 1
    }
    guard i < s.count else { return false }
    var base: UInt64 = 10
    if s[i] == UInt8(ascii: "0"), i + 1 < s.count {
      switch s[i + 1] | 0x20 {
      case UInt8(ascii: "x"):
        base = 16
        i += 2
      case UInt8(ascii: "o"):
        base = 8
        i += 2
      case UInt8(ascii: "b"):
        base = 2
        i += 2
      default:
        base = 8
        i += 1
      }
      guard i < s.count else { return false }
    }
    var magnitude: UInt64 = 0
    while i < s.count {
      guard let d = digitValue(s[i]), UInt64(d) < base else { return false }
      let (shifted, o1) = magnitude.multipliedReportingOverflow(by: base)
      let (sum, o2) = shifted.addingReportingOverflow(UInt64(d))
      if o1 || o2 { return false }
      magnitude = sum
      i += 1
    }
    switch sign {
    case UInt8(ascii: "-"): return magnitude <= UInt64(Int64.max) + 1
    case UInt8(ascii: "+"): return magnitude <= UInt64(Int64.max)
    default: return true
    }
  }

  private static func digitValue(_ c: UInt8) -> Int? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
  static func isYAMLStyleFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
    var intDigits = 0
    while i < s.count, isDigit(s[i]) {
      i += 1
      intDigits += 1
    }
    if intDigits == 0 {
      guard i < s.count, s[i] == UInt8(ascii: ".") else { return false }
      i += 1
      var fracDigits = 0
      while i < s.count, isDigit(s[i]) {
        i += 1
        fracDigits += 1
      }
      guard fracDigits > 0 else { return false }
    } else if i < s.count, s[i] == UInt8(ascii: ".") {
      i += 1
      while i < s.count, isDigit(s[i]) { i += 1 }
    }
    if i < s.count, s[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
      var expDigits = 0
      while i < s.count, isDigit(s[i]) {
        i += 1
        expDigits += 1
      }
      guard expDigits > 0 else { return false }
    }
    return i == s.count
  }

  /// Would Go's `strconv.ParseFloat` accept this decimal float without a range error?
  /// Only decimal syntax reaches here; an overflow to infinity is a range error in Go.
  static func isGoFloat(_ s: UnsafeBufferPointer<UInt8>, leadingDotOnly: Bool) -> Bool {
    if leadingDotOnly {
      // ".5", ".5e3": the '.'-prefixed forms Go accepts.
      guard isYAMLStyleFloat(s) else { return false }
    }
    guard let value = Double(String(decoding: s, as: UTF8.self)) else { return false }
    return value.isFinite
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  /// goyaml.v2 quotes these too, though it does not read them as numbers: YAML 1.1's
  /// base-60 floats (`12:30`, `1:2:3`), so that other YAML 1.1 readers agree.
  /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
  public static func isBase60Float(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
    guard i < s.count, isDigit(s[i]) else { return false }
    i += 1
    while i < s.count, isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
    var groups = 0
    while i < s.count, s[i] == UInt8(ascii: ":") {
      i += 1
      // [0-5]?[0-9]: one digit, or two with the first in 0...5.
      guard i < s.count, isDigit(s[i]) else { return false }
      if i + 1 < s.count, isDigit(s[i + 1]) {
        guard s[i] <= UInt8(ascii: "5") else { return false }
        i += 2
      } else {
        i += 1
      }
      groups += 1
    }
    guard groups > 0 else { return false }
    if i < s.count, s[i] == UInt8(ascii: ".") {
      i += 1
      while i < s.count, isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
    }
    return i == s.count
  }
}

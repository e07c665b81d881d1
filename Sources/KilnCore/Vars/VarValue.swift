import KilnYAML

/// What a var holds once read from its object, typed as Kustomize types it: a string, or the
/// Go value of a number or boolean. A whole-field `$(NAME)` takes the value with its type
/// (`port: $(PORT)` becomes the number 8080); inside longer text it is printed as Go's `%v`.
enum VarValue: Sendable, Equatable {
  case string(String)
  case int(Int)
  case float(Double)
  case bool(Bool)
  /// A map or a list: Kustomize cannot put it into text, and leaves `$(NAME)` as written.
  case unusable

  /// The value of a field as Kustomize reads it (`RNode.GetFieldValue`): numbers and booleans
  /// are parsed from their text with Go's `strconv`, which is stricter than YAML (`0x1F` or
  /// `1_000` fail, `012` is twelve); nulls and timestamps are their text. Nil when the
  /// text does not parse.
  init?(_ node: Node) {
    guard let scalar = node.scalar else {
      self = .unusable
      return
    }
    switch scalar.tag {
    case .int:
      guard let value = Self.goAtoi(scalar.text) else { return nil }
      self = .int(value)
    case .float:
      guard Self.isDecimalFloat(scalar.text), let value = Double(scalar.text) else { return nil }
      self = .float(value)
    case .bool:
      switch scalar.text {
      case "1", "t", "T", "TRUE", "true", "True": self = .bool(true)
      case "0", "f", "F", "FALSE", "false", "False": self = .bool(false)
      default: return nil
      }
    case .string, .null, .timestamp:
      self = .string(scalar.text)
    }
  }

  /// The value inside longer text: Go's `%v`.
  var text: String? {
    switch self {
    case .string(let s): s
    case .int(let n): String(n)
    case .float(let x): GoNumberFormat.general(x)
    case .bool(let b): b ? "true" : "false"
    case .unusable: nil
    }
  }

  /// The value as a whole field: a scalar of its own type (floats written as Go's `'f'`).
  func scalar() -> Scalar? {
    switch self {
    case .string(let s): Scalar(s, tag: .string)
    case .int(let n): Scalar(String(n), tag: .int)
    case .float(let x): Scalar(GoNumberFormat.fixed(x), tag: .float)
    case .bool(let b): Scalar(b ? "true" : "false", tag: .bool)
    case .unusable: nil
    }
  }

  /// Go's `strconv.Atoi`: an optional sign and decimal digits, within 64 bits.
  private static func goAtoi(_ text: String) -> Int? {
    var digits = text[...]
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
      return nil
    }
    return Int(text.first == "+" ? String(text.dropFirst()) : text)
  }

  /// Text `strconv.ParseFloat` reads as YAML wrote it: digits, a point, an exponent (no
  /// underscores, no `.inf`).
  private static func isDecimalFloat(_ text: String) -> Bool {
    !text.isEmpty
      && text.utf8.allSatisfy {
        ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
          || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
      }
  }
}

/// A pattern Go's `regexp.Compile` refuses, with Go's own text:
/// ``error parsing regexp: missing closing ): `(a` ``.
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, in the words of Go's `regexp/syntax` (`missing closing )`).
  public let code: String
  /// The part of the pattern Go quotes (sometimes the whole pattern, sometimes empty).
  public let expression: String

  public init(_ code: Code, _ expression: Substring) {
    self.code = code.rawValue
    self.expression = String(expression)
  }

  public var description: String { "error parsing regexp: " + reason }

  /// What is wrong and where, without Go's prefix: ``missing closing ): `(a` ``.
  public var reason: String { "\(code): `\(expression)`" }

  /// Go's `syntax.ErrorCode` texts.
  public enum Code: String, Sendable {
    case invalidCharClass = "invalid character class"
    case invalidCharRange = "invalid character class range"
    case invalidEscape = "invalid escape sequence"
    case invalidNamedCapture = "invalid named capture"
    case invalidPerlOp = "invalid or unsupported Perl syntax"
    case invalidRepeatOp = "invalid nested repetition operator"
    case invalidRepeatSize = "invalid repeat count"
    case missingBracket = "missing closing ]"
    case missingParen = "missing closing )"
    case missingRepeatArgument = "missing argument to repetition operator"
    case trailingBackslash = "trailing backslash at end of expression"
    case unexpectedParen = "unexpected )"
    case nestingDepth = "expression nests too deeply"
    case large = "expression too large"
  }
}

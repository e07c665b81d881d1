/// A Kubernetes label selector in its string form, as `labels.Parse` reads it: requirements
/// joined by commas, all of which must hold.
///
///     app=web            app==web           tier!=db
///     env in (dev,prod)  env notin (prod)   canary   !canary
///     replicas>2         replicas<5
///
/// Keys must be qualified names and values valid label values, as Kubernetes checks them, so an
/// annotation value with spaces or slashes cannot be selected (kubectl refuses it too).
struct LabelSelector {
  enum Operator { case equals, notEquals, `in`, notIn, exists, doesNotExist, greaterThan, lessThan }

  struct Requirement {
    var key: String
    var op: Operator
    var values: [String]
  }

  var requirements: [Requirement]

  /// Parses `text`; an empty string selects everything.
  init(_ text: String) throws(SelectorError) {
    var parser = Parser(text)
    requirements = try parser.parse()
  }

  func matches(_ labels: [String: String]) -> Bool {
    requirements.allSatisfy { requirement in
      let value = labels[requirement.key]
      switch requirement.op {
      case .equals, .in: return value.map(requirement.values.contains) ?? false
      case .notEquals, .notIn: return value.map { !requirement.values.contains($0) } ?? true
      case .exists: return value != nil
      case .doesNotExist: return value == nil
      case .greaterThan, .lessThan:
        guard let value, let have = Int64(value), let bound = requirement.values.first.flatMap({ Int64($0) }) else {
          return false
        }
        return requirement.op == .greaterThan ? have > bound : have < bound
      }
    }
  }

  struct SelectorError: Error {
    var message: String
  }
}

extension LabelSelector {
  /// The tokenizer and recursive-descent reader of `k8s.io/apimachinery/pkg/labels`.
  private struct Parser {
    enum Token: Equatable {
      case identifier(String)
      case symbol(String)  // = == != ! ( ) , < >
      case end
    }

    private var tokens: [Token] = []
    private var position = 0

    init(_ text: String) {
      tokens = Self.tokenize(text)
    }

    private static func tokenize(_ text: String) -> [Token] {
      var tokens: [Token] = []
      var chars = Array(text.unicodeScalars)[...]
      while let c = chars.first {
        if c == " " || c == "\t" || c == "\r" || c == "\n" {
          chars = chars.dropFirst()
        } else if "=!(),<>".unicodeScalars.contains(c) {
          chars = chars.dropFirst()
          if c == "=" || c == "!", chars.first == "=" {
            chars = chars.dropFirst()
            tokens.append(.symbol(c == "=" ? "==" : "!="))
          } else {
            tokens.append(.symbol(String(c)))
          }
        } else {
          var word = String.UnicodeScalarView()
          while let d = chars.first, !(d == " " || d == "\t" || d == "\r" || d == "\n"),
            !"=!(),<>".unicodeScalars.contains(d)
          {
            word.append(d)
            chars = chars.dropFirst()
          }
          tokens.append(.identifier(String(word)))
        }
      }
      tokens.append(.end)
      return tokens
    }

    private var current: Token { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    mutating func parse() throws(SelectorError) -> [Requirement] {
      var result: [Requirement] = []
      if current == .end { return result }
      while true {
        result.append(try requirement())
        switch current {
        case .end: return result
        case .symbol(","):
          advance()
          if current == .end { throw SelectorError(message: "found end of input, expected a key after ','") }
        default: throw SelectorError(message: "found \(describe(current)), expected ',' or end of input")
        }
      }
    }

    private mutating func requirement() throws(SelectorError) -> Requirement {
      if current == .symbol("!") {
        advance()
        guard case .identifier(let key) = current else {
          throw SelectorError(message: "found \(describe(current)), expected a key after '!'")
        }
        advance()
        try Self.checkKey(key)
        return Requirement(key: key, op: .doesNotExist, values: [])
      }
      guard case .identifier(let key) = current else {
        throw SelectorError(message: "found \(describe(current)), expected a key")
      }
      advance()
      try Self.checkKey(key)
      let op: Operator
      switch current {
      case .end, .symbol(","): return Requirement(key: key, op: .exists, values: [])
      case .symbol("="), .symbol("=="): op = .equals
      case .symbol("!="): op = .notEquals
      case .symbol(">"): op = .greaterThan
      case .symbol("<"): op = .lessThan
      case .identifier("in"): op = .in
      case .identifier("notin"): op = .notIn
      default:
        throw SelectorError(message: "found \(describe(current)), expected an operator (=, ==, !=, in, notin, >, <)")
      }
      advance()
      var values: [String] = []
      if op == .in || op == .notIn {
        guard current == .symbol("(") else { throw SelectorError(message: "found \(describe(current)), expected '('") }
        advance()
        while true {
          if case .identifier(let value) = current {
            values.append(value)
            advance()
          } else {
            values.append("")  // `in (a,)` and `in ()` hold an empty value
          }
          if current == .symbol(")") {
            advance()
            break
          }
          guard current == .symbol(",") else {
            throw SelectorError(message: "found \(describe(current)), expected ',' or ')'")
          }
          advance()
        }
      } else if case .identifier(let value) = current {
        values = [value]
        advance()
      } else {
        values = [""]
      }
      for value in values { try Self.checkValue(value, for: key) }
      if op == .greaterThan || op == .lessThan {
        guard let bound = values.first, Int64(bound) != nil else {
          throw SelectorError(message: "for 'Gt', 'Lt' operators, the value must be an integer")
        }
      }
      return Requirement(key: key, op: op, values: values)
    }

    private func describe(_ token: Token) -> String {
      switch token {
      case .identifier(let s): "'\(s)'"
      case .symbol(let s): "'\(s)'"
      case .end: "end of input"
      }
    }

    /// A qualified name: an optional DNS-subdomain prefix and `/`, then a name of at most 63
    /// characters made of alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric.
    static func checkKey(_ key: String) throws(SelectorError) {
      let parts = key.split(separator: "/", omittingEmptySubsequences: false)
      let name: Substring
      switch parts.count {
      case 1: name = parts[0]
      case 2:
        let prefix = parts[0]
        guard !prefix.isEmpty, prefix.utf8.count <= 253,
          prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isDNSLabel)
        else { throw SelectorError(message: "invalid label key \"\(key)\": prefix must be a DNS subdomain") }
        name = parts[1]
      default:
        throw SelectorError(message: "invalid label key \"\(key)\": a qualified name has at most one '/'")
      }
      guard !name.isEmpty, isLabelValue(name) else {
        throw SelectorError(
          message:
            "invalid label key \"\(key)\": name part must be 63 characters or less, alphanumeric, '-', '_' or '.', starting and ending alphanumeric"
        )
      }
    }

    static func checkValue(_ value: String, for key: String) throws(SelectorError) {
      guard value.isEmpty || isLabelValue(Substring(value)) else {
        throw SelectorError(
          message:
            "invalid label value \"\(value)\" for \"\(key)\": must be 63 characters or less, alphanumeric, '-', '_' or '.', starting and ending alphanumeric"
        )
      }
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    private static func isLabelValue(_ s: Substring) -> Bool {
      let bytes = Array(s.utf8)
      guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, isAlphanumeric(first),
        isAlphanumeric(last)
      else {
        return false
      }
      return bytes.allSatisfy {
        isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
      }
    }

    private static func isDNSLabel(_ s: Substring) -> Bool {
      let bytes = Array(s.utf8)
      guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, isLowerAlphanumeric(first),
        isLowerAlphanumeric(last)
      else { return false }
      return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlphanumeric(_ c: UInt8) -> Bool {
      (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)
    }
  }
}

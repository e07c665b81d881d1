public import KilnYAML

/// A strict JSON reader that reads JSON the way Go's `encoding/json` does (so `--set-json`
/// accepts and refuses what Helm does, with Go's error messages), into kiln's `Node`.
///
/// Foundation's JSONSerialization is not used on purpose: it loses key order and the line
/// between `1` and `1.0`. Here objects keep their keys in input order (a repeated key keeps
/// its first place and its last value, as Go's map ends up), integers that fit in 64 bits
/// become `.int` nodes, every other number a `.float` node spelled as written.
public struct JSONReader {
  /// Go stops at 10,000; kiln reads recursively, so it stops much earlier, to stay well inside
  /// the stack of any thread (values are never nested this deep).
  static let maxDepth = 256

  private let text: [Unicode.Scalar]
  private let end: Int
  /// Where reading continues; after `readValue()`, just past the value.
  private(set) var position: Int
  private let file: String
  private let sourceLine: String?
  /// Go's `Decoder` says "unexpected EOF", `Unmarshal` "unexpected end of JSON input".
  private let endMessage: String
  private let tracksLines: Bool
  private var line: Int
  private var lineStart = 0
  private var depth = 0

  /// Reads one JSON document: a single value with nothing but whitespace around it.
  public static func parse(_ text: String, file: String = "<json>") throws(Diagnostic) -> Node {
    var reader = JSONReader(
      Array(text.unicodeScalars), from: 0, file: file, line: 1, sourceLine: nil, tracksLines: true,
      endMessage: "unexpected end of JSON input")
    return try reader.readDocument()
  }

  /// A reader over `text[from..<end]`. When `tracksLines` is false every position is reported
  /// as a column of `line` (a command-line argument is one line, whatever it holds).
  init(
    _ text: [Unicode.Scalar], from start: Int, to end: Int? = nil, file: String, line: Int,
    sourceLine: String?, tracksLines: Bool = false, endMessage: String = "unexpected EOF"
  ) {
    self.text = text
    self.end = end ?? text.count
    self.position = start
    self.file = file
    self.line = line
    self.sourceLine = sourceLine
    self.tracksLines = tracksLines
    self.endMessage = endMessage
  }

  /// One value and then only whitespace, as `json.Unmarshal` requires.
  mutating func readDocument() throws(Diagnostic) -> Node {
    let node = try readValue()
    skipWhitespace()
    if position < end { throw invalid("after top-level value") }
    return node
  }

  /// One value, leaving `position` just past it, as `json.Decoder` does: `1x` reads `1`.
  mutating func readValue() throws(Diagnostic) -> Node {
    skipWhitespace()
    guard position < end else { throw endOfInput() }
    let start = location(position)
    switch text[position] {
    case "{": return try readObject()
    case "[": return try readArray()
    case "\"": return .string(try readString(), at: start)
    case "t":
      try readLiteral("true")
      return .bool(true, at: start)
    case "f":
      try readLiteral("false")
      return .bool(false, at: start)
    case "n":
      try readLiteral("null")
      return .null(at: start)
    case "-", "0"..."9": return try readNumber()
    default: throw invalid("looking for beginning of value")
    }
  }

  private mutating func readObject() throws(Diagnostic) -> Node {
    let start = location(position)
    try enter()
    position += 1
    var entries: [MapEntry] = []
    var indexOfKey: [String: Int] = [:]
    skipWhitespace()
    if try peek() == "}" {
      position += 1
      depth -= 1
      return .mapping(entries, at: start)
    }
    while true {
      guard try peek() == "\"" else { throw invalid("looking for beginning of object key string") }
      let keyLocation = location(position)
      let key = try readString()
      skipWhitespace()
      guard try peek() == ":" else { throw invalid("after object key") }
      position += 1
      let value = try readValue()
      if let index = indexOfKey[key] {
        entries[index] = MapEntry(key: key, keyLocation: keyLocation, value: value)
      } else {
        indexOfKey[key] = entries.count
        entries.append(MapEntry(key: key, keyLocation: keyLocation, value: value))
      }
      skipWhitespace()
      switch try peek() {
      case ",":
        position += 1
        skipWhitespace()
      case "}":
        position += 1
        depth -= 1
        return .mapping(entries, at: start)
      default: throw invalid("after object key:value pair")
      }
    }
  }

  private mutating func readArray() throws(Diagnostic) -> Node {
    let start = location(position)
    try enter()
    position += 1
    var items: [Node] = []
    skipWhitespace()
    if try peek() == "]" {
      position += 1
      depth -= 1
      return .sequence(items, at: start)
    }
    while true {
      items.append(try readValue())
      skipWhitespace()
      switch try peek() {
      case ",": position += 1
      case "]":
        position += 1
        depth -= 1
        return .sequence(items, at: start)
      default: throw invalid("after array element")
      }
    }
  }

  /// A string; `position` is at its opening quote.
  private mutating func readString() throws(Diagnostic) -> String {
    position += 1
    var result = String.UnicodeScalarView()
    while true {
      let c = try peek()
      position += 1
      switch c {
      case "\"": return String(result)
      case "\\":
        let escape = try peek()
        switch escape {
        case "\"", "\\", "/": result.append(escape)
        case "b": result.append("\u{08}")
        case "f": result.append("\u{0C}")
        case "n": result.append("\n")
        case "r": result.append("\r")
        case "t": result.append("\t")
        case "u":
          position += 1
          result.append(try readUnicodeEscape())
          continue
        default: throw invalid("in string escape code")
        }
        position += 1
      default:
        if c.value < 0x20 {
          position -= 1
          throw invalid("in string literal")
        }
        result.append(c)
      }
    }
  }

  /// The character of a `\uXXXX` escape (position just after the `u`), joining a surrogate
  /// pair; a lone surrogate becomes U+FFFD, as in Go.
  private mutating func readUnicodeEscape() throws(Diagnostic) -> Unicode.Scalar {
    let first = try readHex4()
    let replacement: Unicode.Scalar = "\u{FFFD}"
    guard (0xD800...0xDFFF).contains(first) else { return Unicode.Scalar(first) ?? replacement }
    guard first < 0xDC00, position + 1 < end, text[position] == "\\", text[position + 1] == "u"
    else { return replacement }
    // Only a valid low surrogate is consumed; anything else is read as its own escape.
    let saved = position
    position += 2
    guard let second = try? readHex4(), (0xDC00...0xDFFF).contains(second) else {
      position = saved
      return replacement
    }
    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? replacement
  }

  private mutating func readHex4() throws(Diagnostic) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = try peek()
      guard let digit = hexDigit(c) ?? hexLetter(c) else {
        throw invalid("in \\u hexadecimal character escape")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
    ("0"..."9").contains(c) ? c.value - 0x30 : nil
  }

  private func hexLetter(_ c: Unicode.Scalar) -> UInt32? {
    if ("a"..."f").contains(c) { return c.value - 0x61 + 10 }
    if ("A"..."F").contains(c) { return c.value - 0x41 + 10 }
    return nil
  }

  private mutating func readLiteral(_ word: String) throws(Diagnostic) {
    for expected in word.unicodeScalars {
      if try peek() != expected {
        throw invalid("in literal \(word) (expecting \(GoText.quoteRune(expected)))")
      }
      position += 1
    }
  }

  /// Go's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  private mutating func readNumber() throws(Diagnostic) -> Node {
    let start = position
    var isInteger = true
    if text[position] == "-" {
      position += 1
      guard isDigit(try peek()) else { throw invalid("in numeric literal") }
    }
    if text[position] == "0" {
      position += 1
    } else {
      skipDigits()
    }
    if position < end, text[position] == "." {
      isInteger = false
      position += 1
      guard isDigit(try peek()) else { throw invalid("after decimal point in numeric literal") }
      skipDigits()
    }
    if position < end, text[position] == "e" || text[position] == "E" {
      isInteger = false
      position += 1
      let sign = try peek()
      if sign == "+" || sign == "-" { position += 1 }
      guard isDigit(try peek()) else { throw invalid("in exponent of numeric literal") }
      skipDigits()
    }
    let spelling = String(String.UnicodeScalarView(text[start..<position]))
    let at = location(start)
    if isInteger, let value = Int64(spelling) {
      return Node(.scalar(Scalar(String(value), tag: .int)), at: at)
    }
    guard let value = Double(spelling), value.isFinite else {
      throw Diagnostic(
        .error, "json: cannot unmarshal number \(spelling) into Go value of type float64", at: at,
        sourceLine: sourceLine)
    }
    return Node(.scalar(Scalar(spelling, tag: .float)), at: at)
  }

  private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

  private mutating func skipDigits() {
    while position < end, isDigit(text[position]) { position += 1 }
  }

  private mutating func skipWhitespace() {
    while position < end {
      switch text[position] {
      case " ", "\t", "\r": position += 1
      case "\n":
        position += 1
        if tracksLines {
          line += 1
          lineStart = position
        }
      default: return
      }
    }
  }

  private mutating func enter() throws(Diagnostic) {
    depth += 1
    if depth > Self.maxDepth { throw problem("exceeded max depth") }
  }

  /// The character at `position`; running out of input here is an error.
  private func peek() throws(Diagnostic) -> Unicode.Scalar {
    guard position < end else { throw endOfInput() }
    return text[position]
  }

  private func location(_ index: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: index - lineStart + 1)
  }

  private func invalid(_ context: String) -> Diagnostic {
    problem("invalid character \(GoText.quoteRune(text[position])) \(context)")
  }

  private func endOfInput() -> Diagnostic {
    Diagnostic(.error, endMessage, at: location(end), sourceLine: sourceLine)
  }

  private func problem(_ message: String) -> Diagnostic {
    Diagnostic(.error, message, at: location(position), sourceLine: sourceLine)
  }
}

/// Go's quoting (`%q`, `strconv.Quote`, `strconv.QuoteRune`), so kiln's copies of Helm's
/// messages read exactly like Helm's.
enum GoText {
  /// `"a\"b"`, as `%q` prints a string.
  static func quote(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars { out += c == "\"" ? "\\\"" : escaped(c) }
    return out + "\""
  }

  /// `'x'`, as `%q` prints a rune (and as encoding/json names a bad character).
  static func quoteRune(_ c: Unicode.Scalar) -> String {
    "'" + (c == "'" ? "\\'" : escaped(c)) + "'"
  }

  /// `['x' 'y']`, as `%q` prints a slice of runes.
  static func quoteRunes(_ s: String) -> String {
    "[" + s.unicodeScalars.map(quoteRune).joined(separator: " ") + "]"
  }

  private static func escaped(_ c: Unicode.Scalar) -> String {
    switch c {
    case "\\": return "\\\\"
    case "\u{07}": return "\\a"
    case "\u{08}": return "\\b"
    case "\u{0C}": return "\\f"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\u{0B}": return "\\v"
    default:
      if isPrintable(c) { return String(c) }
      let hex = String(c.value, radix: 16)
      if c.value < 0x80 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
      if c.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
      return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
  }

  /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
  private static func isPrintable(_ c: Unicode.Scalar) -> Bool {
    if c == " " { return true }
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default: return true
    }
  }
}

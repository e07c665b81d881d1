/// Writes nodes as YAML in the one layout kiln prints: goyaml.v2's, which is what
/// `kubectl kustomize` prints.
///
/// Block style throughout; keys sorted (`KeyOrder`); two spaces per level; sequences not
/// indented under their key; `{}` and `[]` for empty collections; strings quoted only when a
/// YAML 1.1 reader would take them for something else, or when plain style cannot hold them;
/// multi-line strings as literal blocks. The scalar writing is libyaml's emitter, which goyaml.v2
/// ports line for line, so quoting, escapes and line folding match it byte for byte.
public struct YAMLEmitter {
  public struct Options: Sendable {
    /// Fold long plain and quoted scalars past this column, as goyaml.v2 does at 80.
    /// `nil` never folds (kiln build).
    public var lineWidth: Int?

    public init(lineWidth: Int? = nil) { self.lineWidth = lineWidth }

    /// kiln build: no folding, number spellings kept.
    public static let build = Options()
  }

  private let bestWidth: Int
  private(set) public var bytes: [UInt8] = []

  // libyaml emitter state.
  private var column = 0
  private var indent = -1
  private var indents: [Int] = []
  private var whitespace = true
  private var indention = true

  public init(options: Options = .build) {
    bestWidth = options.lineWidth ?? Int.max
    bytes.reserveCapacity(1 << 16)
  }

  /// Appends one document (no `---`): a fresh emitter state, as goyaml.v2 marshals each object.
  public mutating func emitDocument(_ node: Node) {
    column = 0
    indent = -1
    indents.removeAll(keepingCapacity: true)
    whitespace = true
    indention = true
    emitNode(node, inMapping: false, simpleKey: false)
    writeIndent()
  }

  /// Appends raw bytes (document separators, `# Source:` comments).
  public mutating func appendRaw(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// A whole stream: documents joined by `---` lines.
  public static func render(_ documents: [Node], options: Options = .build) -> [UInt8] {
    var emitter = YAMLEmitter(options: options)
    for (i, document) in documents.enumerated() {
      if i > 0 { emitter.appendRaw("---\n") }
      emitter.emitDocument(document)
    }
    return emitter.bytes
  }

  public static func renderString(_ documents: [Node], options: Options = .build) -> String {
    String(decoding: render(documents, options: options), as: UTF8.self)
  }

  // MARK: - Structure

  private mutating func emitNode(_ node: Node, inMapping: Bool, simpleKey: Bool) {
    switch node.value {
    case .scalar(let scalar):
      var text = scalar.tag == .null ? "null" : scalar.text
      let isString = scalar.tag == .string
      text.withUTF8 { emitScalar($0, isString: isString, simpleKey: simpleKey) }
    case .mapping(let entries):
      entries.isEmpty ? emitEmpty("{", "}") : emitBlockMapping(entries)
    case .sequence(let items):
      items.isEmpty ? emitEmpty("[", "]") : emitBlockSequence(items, inMapping: inMapping)
    }
  }

  private mutating func emitEmpty(_ open: StaticString, _ close: StaticString) {
    writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
    writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private mutating func emitBlockMapping(_ entries: [MapEntry]) {
    increaseIndent(flow: false, indentless: false)
    for index in KeyOrder.sortedIndices(entries) {
      writeIndent()
      var key = entries[index].key
      key.withUTF8 { k in
        if k.count <= 128 && Self.isPlainWord(k, isString: true) {
          writePlainWord(k)
          writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
          return
        }
        let analysis = ScalarAnalysis(k)
        // libyaml's check_simple_key: one line, at most 128 bytes.
        if !analysis.multiline && k.count <= 128 {
          emitScalar(k, isString: true, simpleKey: true, analysis: analysis)
          writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
          writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
          emitScalar(k, isString: true, simpleKey: false, analysis: analysis)
          writeIndent()
          writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
        }
      }
      emitNode(entries[index].value, inMapping: true, simpleKey: false)
    }
    indent = indents.removeLast()
  }

  private mutating func emitBlockSequence(_ items: [Node], inMapping: Bool) {
    increaseIndent(flow: false, indentless: inMapping && !indention)
    for item in items {
      writeIndent()
      writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
      emitNode(item, inMapping: false, simpleKey: false)
    }
    indent = indents.removeLast()
  }

  private mutating func increaseIndent(flow: Bool, indentless: Bool) {
    indents.append(indent)
    if indent < 0 {
      indent = flow ? 2 : 0
    } else if !indentless {
      indent += 2
    }
  }

  // MARK: - Scalars

  private enum Style { case plain, singleQuoted, doubleQuoted, literal }

  private mutating func emitScalar(
    _ s: UnsafeBufferPointer<UInt8>, isString: Bool, simpleKey: Bool, analysis: ScalarAnalysis? = nil
  ) {
    if analysis == nil && Self.isPlainWord(s, isString: isString) {
      writePlainWord(s)
      return
    }
    let analysis = analysis ?? ScalarAnalysis(s)
    var style = Self.requestedStyle(s, isString: isString)
    // libyaml's select_scalar_style, for block context.
    if simpleKey && analysis.multiline { style = .doubleQuoted }
    // A plain `<<` key is a merge key, so a key that is the string `<<` is quoted (goyaml.v2
    // resolves `<<` to its merge tag and quotes it too). Only keys merge: a value stays plain.
    if simpleKey && s.elementsEqual("<<".utf8) { style = .doubleQuoted }
    if style == .plain {
      if !analysis.blockPlainAllowed || (s.isEmpty && simpleKey) { style = .singleQuoted }
    }
    if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
    if style == .literal && (!analysis.blockAllowed || simpleKey) { style = .doubleQuoted }

    increaseIndent(flow: true, indentless: false)
    switch style {
    case .plain: writePlain(s, allowBreaks: !simpleKey)
    case .singleQuoted: writeSingleQuoted(s, allowBreaks: !simpleKey)
    case .doubleQuoted: writeDoubleQuoted(s, allowBreaks: !simpleKey)
    case .literal: writeLiteral(s)
    }
    indent = indents.removeLast()
  }

  /// Most scalars are single words of letters, digits and `-_./` (`name`, `nginx`, `v1`,
  /// `8080`): plain whatever the rules say, with nothing to fold or escape. Spotting them
  /// skips the full analysis. A string must start with a letter that starts none of YAML
  /// 1.1's words (`yes`, `no`, `true`, `off`, `null` …), so it cannot read as anything else.
  @inline(__always)
  static func isPlainWord(_ s: UnsafeBufferPointer<UInt8>, isString: Bool) -> Bool {
    guard let first = s.first else { return false }
    if isString {
      switch first {
      case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
        UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
        return false
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        break
      default:
        return false
      }
    } else if first == UInt8(ascii: "-") && s.count == 1 {
      return false
    }
    for c in s {
      switch c {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: "/"):
        continue
      case UInt8(ascii: "+"):
        if isString { return false }
      default:
        return false
      }
    }
    return true
  }

  /// A plain word: what `writePlain` writes for text without spaces or breaks (ASCII, so one
  /// column per byte).
  private mutating func writePlainWord(_ s: UnsafeBufferPointer<UInt8>) {
    if !whitespace { put(0x20) }
    bytes.append(contentsOf: s)
    column += s.count
    whitespace = false
    indention = false
  }

  /// goyaml.v2's choice before the emitter has its say: text with a newline as a literal
  /// block; a string that would read back as something else (or as a base-60 number) in
  /// double quotes; everything else plain.
  private static func requestedStyle(_ s: UnsafeBufferPointer<UInt8>, isString: Bool) -> Style {
    guard isString else { return .plain }
    if s.contains(0x0A) { return .literal }
    if ScalarResolver.resolvePlain(bytes: s) != .string || ScalarResolver.isBase60Float(s) {
      return .doubleQuoted
    }
    return .plain
  }

  private mutating func writePlain(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
    if !whitespace { put(0x20) }
    var spaces = false
    var breaks = false
    var i = 0
    while i < s.count {
      if s[i] == 0x20 {
        if allowBreaks && !spaces && column > bestWidth && YAMLChar.at(s, i + 1) != 0x20 {
          writeIndent()
          i += 1
        } else {
          write(s, &i)
        }
        spaces = true
      } else if YAMLChar.isBreak(s, i) {
        if !breaks && s[i] == 0x0A { putBreak() }
        writeBreak(s, &i)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        write(s, &i)
        indention = false
        spaces = false
        breaks = false
      }
    }
    whitespace = false
    indention = false
  }

  private mutating func writeSingleQuoted(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
    writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
    var spaces = false
    var breaks = false
    var i = 0
    while i < s.count {
      if s[i] == 0x20 {
        if allowBreaks && !spaces && column > bestWidth && i != 0 && i != s.count - 1
          && YAMLChar.at(s, i + 1) != 0x20
        {
          writeIndent()
          i += 1
        } else {
          write(s, &i)
        }
        spaces = true
      } else if YAMLChar.isBreak(s, i) {
        if !breaks && s[i] == 0x0A { putBreak() }
        writeBreak(s, &i)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        if s[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
        write(s, &i)
        indention = false
        spaces = false
        breaks = false
      }
    }
    // libyaml indents again here after a trailing break; goyaml.v2 does not.
    writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func writeDoubleQuoted(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
    writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
    var spaces = false
    // goyaml.v2's is_bom looks at the start of the string, not at the current character, so a
    // string that starts with a BOM has every character escaped ("\uFEFF\x78"). kubectl prints
    // exactly that, so kiln does too.
    let startsWithBOM = s.count >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF
    var i = 0
    while i < s.count {
      let c = s[i]
      if startsWithBOM || !YAMLChar.isPrintable(s, i) || YAMLChar.isBreak(s, i)
        || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\")
      {
        let (value, width) = Self.decodeScalar(s, i)
        i += width
        writeEscape(value)
        spaces = false
      } else if c == 0x20 {
        if allowBreaks && !spaces && column > bestWidth && i != 0 && i != s.count - 1 {
          writeIndent()
          if YAMLChar.at(s, i + 1) == 0x20 { put(UInt8(ascii: "\\")) }
          i += 1
        } else {
          write(s, &i)
        }
        spaces = true
      } else {
        write(s, &i)
        spaces = false
      }
    }
    writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func writeEscape(_ value: UInt32) {
    put(UInt8(ascii: "\\"))
    let short: UInt8? =
      switch value {
      case 0x00: UInt8(ascii: "0")
      case 0x07: UInt8(ascii: "a")
      case 0x08: UInt8(ascii: "b")
      case 0x09: UInt8(ascii: "t")
      case 0x0A: UInt8(ascii: "n")
      case 0x0B: UInt8(ascii: "v")
      case 0x0C: UInt8(ascii: "f")
      case 0x0D: UInt8(ascii: "r")
      case 0x1B: UInt8(ascii: "e")
      case 0x22: UInt8(ascii: "\"")
      case 0x5C: UInt8(ascii: "\\")
      case 0x85: UInt8(ascii: "N")
      case 0xA0: UInt8(ascii: "_")
      case 0x2028: UInt8(ascii: "L")
      case 0x2029: UInt8(ascii: "P")
      default: nil
      }
    if let short {
      put(short)
      return
    }
    let digits: Int
    if value <= 0xFF {
      put(UInt8(ascii: "x"))
      digits = 2
    } else if value <= 0xFFFF {
      put(UInt8(ascii: "u"))
      digits = 4
    } else {
      put(UInt8(ascii: "U"))
      digits = 8
    }
    for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
      let d = UInt8((value >> UInt32(k)) & 0x0F)
      put(d < 10 ? d + 48 : d - 10 + 65)
    }
  }

  private static func decodeScalar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let lead = s[i]
    let width = YAMLChar.width(lead)
    var value: UInt32 =
      lead & 0x80 == 0
      ? UInt32(lead & 0x7F)
      : lead & 0xE0 == 0xC0
        ? UInt32(lead & 0x1F)
        : lead & 0xF0 == 0xE0 ? UInt32(lead & 0x0F) : UInt32(lead & 0x07)
    var k = 1
    while k < width {
      value = (value << 6) + UInt32(YAMLChar.at(s, i + k) & 0x3F)
      k += 1
    }
    return (value, width)
  }

  private mutating func writeLiteral(_ s: UnsafeBufferPointer<UInt8>) {
    writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
    writeBlockScalarHints(s)
    putBreak()
    indention = true
    whitespace = true
    var breaks = true
    var i = 0
    while i < s.count {
      if YAMLChar.isBreak(s, i) {
        writeBreak(s, &i)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        write(s, &i)
        indention = false
        breaks = false
      }
    }
  }

  /// `|2` when the text starts with a space or a line break; `-`, nothing or `+` for the
  /// trailing line breaks.
  private mutating func writeBlockScalarHints(_ s: UnsafeBufferPointer<UInt8>) {
    if let first = s.first, first == 0x20 || YAMLChar.isBreak(s, 0) {
      writeIndicator("2", needWhitespace: false, isWhitespace: false, isIndention: false)
    }
    guard !s.isEmpty else {
      writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
      return
    }
    var last = s.count - 1
    while last > 0 && s[last] & 0xC0 == 0x80 { last -= 1 }
    if !YAMLChar.isBreak(s, last) {
      writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
    } else if last == 0 {
      writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
    } else {
      var previous = last - 1
      while previous > 0 && s[previous] & 0xC0 == 0x80 { previous -= 1 }
      if YAMLChar.isBreak(s, previous) {
        writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
      }
    }
  }

  // MARK: - Output primitives (libyaml's PUT, PUT_BREAK, WRITE, WRITE_BREAK)

  private mutating func writeIndent() {
    let indent = max(self.indent, 0)
    if !indention || column > indent || (column == indent && !whitespace) {
      putBreak()
    }
    while column < indent { put(0x20) }
    whitespace = true
    indention = true
  }

  private mutating func writeIndicator(
    _ indicator: StaticString, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
  ) {
    if needWhitespace && !whitespace { put(0x20) }
    indicator.withUTF8Buffer { for c in $0 { put(c) } }
    whitespace = isWhitespace
    indention = indention && isIndention
  }

  @inline(__always) private mutating func put(_ c: UInt8) {
    bytes.append(c)
    column += 1
  }

  @inline(__always) private mutating func putBreak() {
    bytes.append(0x0A)
    column = 0
  }

  /// Copies one character (all its UTF-8 bytes); a character is one column.
  @inline(__always) private mutating func write(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
    let w = min(YAMLChar.width(s[i]), s.count - i)
    for k in 0..<w { bytes.append(s[i + k]) }
    column += 1
    i += w
  }

  private mutating func writeBreak(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
    if s[i] == 0x0A {
      putBreak()
      i += 1
    } else {
      write(s, &i)
      column = 0
    }
  }
}

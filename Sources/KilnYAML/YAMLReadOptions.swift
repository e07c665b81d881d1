/// Departures from plain YAML that a caller can ask the parser for, to read a file the way a
/// particular Go YAML reader reads it. None is on by default: plain `YAMLParser` refuses what
/// YAML refuses and reads what YAML reads.
public struct YAMLReadOptions: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// A key written twice in one mapping is kept twice, in order, instead of being an error:
  /// lookups find the first, and `Node.duplicateKeys()` lists them, so the caller decides which
  /// one counts (Go's map-based readers keep the last; its node-based ones use the first).
  public static let keepDuplicateKeys = YAMLReadOptions(rawValue: 1 << 0)

  /// Documents as a reader that splits the stream at `---` lines and decodes each piece once
  /// (kyaml's): a byte-order mark may open any piece, text after `---` on its line (other than
  /// a comment) is an error, what follows a `...` line up to the next `---` is not read, a quoted `"<<"` key is dropped with its value, and a mapping may hold one `<<`
  /// merge key only.
  public static let documentsAsSplitPieces = YAMLReadOptions(rawValue: 1 << 1)

  /// A plain key that reads as a boolean or a number gets the text sigs.k8s.io/yaml gives it
  /// in JSON (`on:` is `"true"`, `0x1F:` is `"31"`: `GoMapKey`) instead of being an error; a
  /// null key is still one.
  public static let goMapKeys = YAMLReadOptions(rawValue: 1 << 2)
}

extension Node {
  /// A key written again in one mapping: where it was first and where it is repeated.
  public struct DuplicateKey: Sendable, Equatable {
    public var key: String
    public var first: SourceLocation
    public var repeated: SourceLocation
  }

  /// Every key this tree writes twice in one mapping (only a tree parsed with
  /// `.keepDuplicateKeys` can have them), in document order.
  public func duplicateKeys() -> [DuplicateKey] {
    var found: [DuplicateKey] = []
    collectDuplicates(into: &found)
    return found
  }

  private func collectDuplicates(into found: inout [DuplicateKey]) {
    switch value {
    case .scalar: return
    case .sequence(let items): for item in items { item.collectDuplicates(into: &found) }
    case .mapping(let entries):
      var seen: [String: SourceLocation] = [:]
      for entry in entries {
        if let first = seen[entry.key] {
          found.append(DuplicateKey(key: entry.key, first: first, repeated: entry.keyLocation))
        } else {
          seen[entry.key] = entry.keyLocation
        }
        entry.value.collectDuplicates(into: &found)
      }
    }
  }
}

/// Stream pieces as a reader that splits at `---` lines sees them (kyaml's splitter: a line
/// after the first that starts with `---` and ends with a line break).
enum SplitPieces {
  /// `bytes` as libyaml should read them to see what a piece-by-piece reader sees: without the
  /// byte-order marks that open a piece after the first (each piece is decoded on its own, and
  /// a decoder skips a mark at its start), and with the lines after a `...` line emptied up to
  /// the next `---` line (a piece is decoded once, so what follows its first document is never
  /// read; libyaml would want a `---` there). Lines keep their numbers. A separator line with
  /// anything but blanks or a comment after its `---` is an error, as in the splitter.
  static func prepared(_ bytes: [UInt8], fileID: UInt32) throws(YAMLError) -> [UInt8] {
    guard try needsPreparing(bytes, fileID: fileID) else { return bytes }
    let (newline, dot) = (UInt8(ascii: "\n"), UInt8(ascii: "."))
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var lineStart = 0
    var afterSeparator = false
    var skipping = false
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
      var line = bytes[lineStart..<lineEnd]
      if afterSeparator && line.starts(with: byteOrderMark) { line = line.dropFirst(3) }
      let isSeparator = lineStart > 0 && lineEnd < bytes.count && line.starts(with: separator)
      if isSeparator { skipping = false }
      if !skipping { result.append(contentsOf: line) }
      if lineEnd < bytes.count { result.append(newline) }
      if !skipping && line.starts(with: [dot, dot, dot]) && onlyBlanksOrComment(line.dropFirst(3)) { skipping = true }
      afterSeparator = isSeparator
      lineStart = lineEnd + 1
    }
    return result
  }

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let separator: [UInt8] = Array("---".utf8)

  /// Checks the separator lines; whether any line after the first opens with a byte-order mark
  /// or any line with `...`.
  private static func needsPreparing(_ bytes: [UInt8], fileID: UInt32) throws(YAMLError) -> Bool {
    var needed = false
    var atLineStart = true
    var line = 1
    for index in bytes.indices {
      let byte = bytes[index]
      if atLineStart {
        if (byte == 0xEF && index > 0) || byte == UInt8(ascii: ".") { needed = true }
        if byte == UInt8(ascii: "-") && index > 0 && bytes[index...].starts(with: separator),
          let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")), !onlyBlanksOrComment(bytes[(index + 3)..<end])
        {
          let text = String(decoding: bytes[index..<end], as: UTF8.self)
          throw YAMLError(
            "invalid document separator: \(text.trimmingTrailingBlanks) (only a comment may follow --- on its line)",
            at: SourceLocation(fileID: fileID, line: line, column: 1))
        }
      }
      atLineStart = byte == UInt8(ascii: "\n")
      if atLineStart { line += 1 }
    }
    return needed
  }

  private static func onlyBlanksOrComment(_ rest: ArraySlice<UInt8>) -> Bool {
    let text = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    return text.isEmpty || text.first == UInt8(ascii: "#")
  }
}

extension String {
  fileprivate var trimmingTrailingBlanks: String {
    var text = self[...]
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
    return String(text)
  }
}

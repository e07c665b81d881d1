/// An `envs:` file, read line by line as Kustomize reads it:
/// - lines end at `\n`, and one `\r` before it is dropped;
/// - a line that is not valid UTF-8 is an error, comment or not;
/// - a UTF-8 byte order mark is removed from the first line only;
/// - leading white space (Unicode's, so a no-break space too) is removed; the line is then
///   skipped when empty or starting with `#`;
/// - the rest is split at the first `=`: key and value are kept exactly, spaces and quotes
///   included, and a line without `=` gives the value `""`; `export ` is not special;
/// - a line with an empty key (`=value`) is skipped without a word;
/// - a line of 65,536 bytes or more ends the file there: Go's line scanner gives up and
///   Kustomize does not check why, so that line and every line after it are dropped.
enum EnvFile {
  struct Entry: Equatable {
    var key: String
    var value: String
    /// 1-based.
    var line: Int
  }

  struct InvalidUTF8: Error, Equatable {
    /// 1-based.
    var line: Int
  }

  /// Go's `bufio.MaxScanTokenSize`: a line and its `\n` must fit in this many bytes.
  static let longestLine = 64 * 1024 - 1

  static func parse(_ bytes: [UInt8]) throws(InvalidUTF8) -> [Entry] {
    var entries: [Entry] = []
    var start = 0
    var number = 0
    let n = bytes.count
    while start < n {
      let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
      let end = newline ?? n
      if end - start > longestLine { break }
      var line = bytes[start..<end]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      number += 1
      start = end + 1
      guard let text = UTF8Text.decode(line) else { throw InvalidUTF8(line: number) }
      if let entry = entry(text, isFirstLine: number == 1, line: number) { entries.append(entry) }
    }
    return entries
  }

  static func entry(_ raw: String, isFirstLine: Bool, line: Int) -> Entry? {
    var text = raw.unicodeScalars[...]
    if isFirstLine, text.first == "\u{FEFF}" { text = text.dropFirst() }
    while let first = text.first, isGoSpace(first) { text = text.dropFirst() }
    guard let first = text.first, first != "#" else { return nil }
    let body = Substring(text)
    guard let equals = body.firstIndex(of: "=") else { return Entry(key: String(body), value: "", line: line) }
    guard equals != body.startIndex else { return nil }
    return Entry(key: String(body[..<equals]), value: String(body[body.index(after: equals)...]), line: line)
  }

  /// Go's `unicode.IsSpace`.
  static func isGoSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}

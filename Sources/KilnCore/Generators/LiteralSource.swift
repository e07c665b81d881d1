/// A `literals:` entry, `key=value`: split at the first `=` (so the value may hold more), and
/// one pair of matching quotes (`"…"` or `'…'`) around the whole value removed. Spaces are
/// kept, the key is not validated (`SPACED =x` gives the key `SPACED `).
enum LiteralSource {
  struct Invalid: Error, Equatable {}

  static func parse(_ text: String) throws(Invalid) -> (key: String, value: String) {
    guard let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")), equals != text.utf8.startIndex else {
      throw Invalid()
    }
    let key = String(text[..<equals])
    let value = String(text[text.utf8.index(after: equals)...])
    return (key, removingQuotes(value))
  }

  /// `"x"` → `x`, `'x'` → `x`; `"x'`, `"` and `x"` stay as they are.
  static func removingQuotes(_ value: String) -> String {
    let bytes = value.utf8
    guard bytes.count >= 2, let first = bytes.first, first == bytes.last,
      first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
    else { return value }
    return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
  }
}

/// A `pattern` or `patternProperties` regular expression, read as JSON Schema reads one
/// (ECMA-262): unanchored, so `"^v[0-9]"` must say `^` to anchor and `"[0-9]"` matches
/// anywhere; `.` is one Unicode scalar; `\d` and `\w` are ASCII only.
///
/// Swift's `Regex` reads the common syntax (classes, groups, quantifiers, lookahead, named
/// groups); a pattern it refuses is a schema error at the pattern.
struct SchemaPattern: @unchecked Sendable {
  // `Regex` is not `Sendable`; a compiled schema is read by one checker at a time.
  let source: String
  private let regex: Regex<AnyRegexOutput>

  init(_ source: String) throws {
    self.source = source
    self.regex = try Regex(source)
      .matchingSemantics(.unicodeScalar)
      .asciiOnlyDigits()
      .asciiOnlyWordCharacters()
  }

  /// Whether the pattern matches somewhere in `text`.
  func matches(_ text: String) -> Bool {
    (try? regex.firstMatch(in: text)) != nil
  }
}

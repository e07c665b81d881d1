import KilnRegex

/// A `pattern` or `patternProperties` regular expression. JSON Schema leaves the dialect to the
/// validator; Helm's validator (Go) reads it with Go's `regexp`, and so does kiln: RE2 syntax,
/// unanchored (`"^v[0-9]"` must say `^` to anchor, `"[0-9]"` matches anywhere), `.` is one
/// Unicode scalar, `\d` and `\w` are ASCII only, and no lookaround or backreferences. Matching
/// takes time linear in the value, whatever the pattern.
struct SchemaPattern: Sendable {
  let source: String
  private let regex: RE2Regex

  init(_ source: String) throws(RegexSyntaxError) {
    self.source = source
    self.regex = try RE2Regex(source)
  }

  /// Whether the pattern matches somewhere in `text`.
  func matches(_ text: String) -> Bool {
    regex.matches(text)
  }
}

import KilnRegex
import Testing

/// Go's own error texts (`regexp.Compile`), pinned by example: RE2 C++ words them differently,
/// so the differential file records only that a pattern is refused.
@Suite struct SyntaxErrorTests {
  static let examples: [(String, String)] = [
    ("(a", "missing closing ): `(a`"),
    ("a(b", "missing closing ): `a(b`"),
    ("a)", "unexpected ): `a)`"),
    ("[a", "missing closing ]: `[a`"),
    ("[]", "missing closing ]: `[]`"),
    ("[z-a]", "invalid character class range: `z-a`"),
    ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
    (#"\p{Foo}"#, #"invalid character class range: `\p{Foo}`"#),
    (#"\pX"#, #"invalid character class range: `\pX`"#),
    (#"\p{Greek"#, #"invalid character class range: `\p{Greek`"#),
    ("*", "missing argument to repetition operator: `*`"),
    ("a|*", "missing argument to repetition operator: `*`"),
    ("{2}", "missing argument to repetition operator: `{2}`"),
    ("a**", "invalid nested repetition operator: `**`"),
    ("a??*", "invalid nested repetition operator: `??*`"),
    ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
    ("a{1001}", "invalid repeat count: `{1001}`"),
    ("a{2,1}", "invalid repeat count: `{2,1}`"),
    ("(a{500}){3}", "invalid repeat count: `{3}`"),
    ("a{100000000}", "invalid repeat count: `{100000000}`"),
    (#"\Z"#, #"invalid escape sequence: `\Z`"#),
    (#"\C"#, #"invalid escape sequence: `\C`"#),
    (#"(a)\1"#, #"invalid escape sequence: `\1`"#),
    (#"\x{110000}"#, #"invalid escape sequence: `\x{110000`"#),
    (#"\xZ"#, #"invalid escape sequence: `\xZ`"#),
    (#"[a-\d]"#, #"invalid escape sequence: `\d`"#),
    (#"a\"#, "trailing backslash at end of expression: ``"),
    ("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
    ("(?!a)", "invalid or unsupported Perl syntax: `(?!`"),
    ("(?P=n)", "invalid or unsupported Perl syntax: `(?P`"),
    ("(?z)", "invalid or unsupported Perl syntax: `(?z`"),
    ("(?i-)", "invalid or unsupported Perl syntax: `(?i-)`"),
    ("(?--i)", "invalid or unsupported Perl syntax: `(?--`"),
    ("(?P<n!>a)", "invalid named capture: `(?P<n!>`"),
    ("(?P<n", "invalid named capture: `(?P<n`"),
    // Go 1.22 and later read `(?<` as a named group, so lookbehind is refused as a bad name.
    ("(?<=a)", "invalid named capture: `(?<=a)`"),
    ("(?<>a)", "invalid named capture: `(?<>`"),
  ]

  @Test(arguments: examples) func goText(_ pattern: String, _ message: String) {
    #expect(throws: RegexSyntaxError.self) { try RE2Regex(pattern) }
    do {
      _ = try RE2Regex(pattern)
    } catch {
      #expect(error.description == "error parsing regexp: " + message)
    }
  }

  @Test func nestingDeeperThanAThousandIsRefused() {
    let deep = String(repeating: "(", count: 1001) + "a" + String(repeating: ")", count: 1001)
    #expect(throws: RegexSyntaxError.self) { try RE2Regex(deep) }
    do { _ = try RE2Regex(deep) } catch { #expect(error.code == "expression nests too deeply") }
    let fine = String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500)
    #expect((try? RE2Regex(fine))?.matches("a") == true)
  }

  @Test func unclosedParenthesesDoNotRecurse() {
    let open = String(repeating: "(", count: 100_000)
    do { _ = try RE2Regex(open) } catch { #expect(error.code == "missing closing )") }
  }

  @Test func programsLargerThanGoAllowsAreRefused() {
    // 1000 copies of 1000 copies of \pL-sized classes stay a tree; the size estimate refuses it.
    let huge = String(repeating: "(?:a{1000})", count: 4000)
    do {
      _ = try RE2Regex(huge)
      Issue.record("accepted")
    } catch {
      #expect(error.code == "expression too large")
    }
  }
}

import Testing

@testable import KilnYAML

/// Multi-line strings (research §1.7): literal blocks with chomping and indentation
/// indicators, or double quotes where a block cannot hold the text.
@Suite struct LiteralBlockTests {
  @Test(arguments: [
    ("line1\nline2\n", "key: |\n  line1\n  line2\n"),
    ("line1\nline2", "key: |-\n  line1\n  line2\n"),
    ("a\n\n", "key: |+\n  a\n\n"),
    ("\n", "key: |2+\n\n"),
    ("\nabc\n", "key: |2\n\n  abc\n"),
    ("  indented\nnext\n", "key: |2\n    indented\n  next\n"),
    ("a\n\nb\n", "key: |\n  a\n\n  b\n"),
    // A block cannot hold these: double quotes.
    ("a \nb\n", "key: \"a \\nb\\n\"\n"),
    ("a\nb ", "key: \"a\\nb \"\n"),
    ("a\tb\nc\n", "key: \"a\\tb\\nc\\n\"\n"),
    ("a\r\nb\r\n", "key: \"a\\r\\nb\\r\\n\"\n"),
  ])
  func block(_ input: String, _ expected: String) {
    #expect(emitted(input) == expected)
  }

  @Test func inAListTheBlockIsIndentedFromTheDash() throws {
    #expect(try render("items:\n- \"a\\nb\\n\"\n- x\n") == "items:\n- |\n  a\n  b\n- x\n")
  }

  @Test func foldedInputBecomesLiteral() throws {
    #expect(try render("key: >\n  folded\n  text\n") == "key: |\n  folded text\n")
  }
}

import Testing

@testable import KilnCore

/// `literals:` entries. Expected values are what kubectl kustomize put in `data`.
@Suite struct LiteralSourceTests {
  @Test(arguments: [
    ("a=b", "a", "b"),
    ("url=http://x/?a=1&b=2", "url", "http://x/?a=1&b=2"),
    ("key3= spaced ", "key3", " spaced "),
    ("SPACED =x", "SPACED ", "x"),
    ("export X=1", "export X", "1"),
    ("empty=", "empty", ""),
    ("html=<a>&b", "html", "<a>&b"),
  ])
  func splitAtTheFirstEquals(_ text: String, _ key: String, _ value: String) throws {
    let pair = try LiteralSource.parse(text)
    #expect(pair.key == key)
    #expect(pair.value == value)
  }

  @Test(arguments: [
    (#"b='x'"#, "x"),
    (#"b="x y""#, "x y"),
    (#"d="""#, ""),
    (#"f=" a ""#, " a "),
    // only one pair, and only when both ends are the same quote
    (#"c="x'"#, #""x'"#),
    (#"g=''x''"#, "'x'"),
    (#"h=x""#, #"x""#),
    // a lone quote is not a pair
    (#"a=""#, #"""#),
    (#"e='"#, "'"),
  ])
  func oneMatchingPairOfQuotesIsRemoved(_ text: String, _ value: String) throws {
    #expect(try LiteralSource.parse(text).value == value)
  }

  @Test(arguments: ["novalue", "=value", "=", ""])
  func aMissingOrLeadingEqualsIsAnError(_ text: String) {
    #expect(throws: LiteralSource.Invalid.self) { try LiteralSource.parse(text) }
  }
}

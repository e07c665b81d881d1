import Testing

@testable import KilnCore

/// Strings and objects written as Go's `json.Marshal` writes them.
@Suite struct GoJSONTests {
  func string(_ text: String) -> String {
    String(decoding: GoJSON.encode(.string(text)), as: UTF8.self)
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    ("quote \" backslash \\ slash /", #""quote \" backslash \\ slash /""#),
    ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
    ("\u{0}\u{1}\u{1B}\u{1F}", #""\u0000\u0001\u001b\u001f""#),
    ("<a href=x>&amp;</a>", #""\u003ca href=x\u003e\u0026amp;\u003c/a\u003e""#),
    ("line\u{2028}para\u{2029}", #""line\u2028para\u2029""#),
    ("del\u{7F} nel\u{85} nbsp\u{A0} é 😀 \u{FEFF}", "\"del\u{7F} nel\u{85} nbsp\u{A0} é 😀 \u{FEFF}\""),
  ])
  func stringsUseGoEscapes(_ text: String, _ json: String) {
    #expect(string(text) == json)
  }

  @Test func objectKeysAreSortedByBytesAndTheLastDuplicateWins() {
    let value = GoJSON.Value.object([
      ("b", .string("1")), ("B", .string("2")), ("a10", .number("1")), ("a9", .bool(true)), ("é", .null),
      ("_", .array([.number("1.5"), .string("x")])), ("b", .string("3")),
    ])
    #expect(
      String(decoding: GoJSON.encode(value), as: UTF8.self)
        == #"{"B":"2","_":[1.5,"x"],"a10":1,"a9":true,"b":"3","é":null}"#)
  }
}

import KilnCore
import KilnYAML
import Testing

/// JSON read as Go's encoding/json reads it (what `--set-json` accepts), into nodes that keep
/// key order and tell integers from other numbers.
@Suite struct JSONReaderTests {
  @Test(arguments: [
    (#"{"b":1,"a":[1,2.50,-0,1e3,true,false,null,"s"]}"#, #"{b: 1, a: [1, 2.50, 0, 1e3, true, false, null, "s"]}"#),
    (#" { "z" : { } , "y" : [ ] } "#, "{z: {}, y: []}"),
    ("9223372036854775807", "9223372036854775807"),
    ("-9223372036854775808", "-9223372036854775808"),
    ("9223372036854775808", "9223372036854775808"),  // too big for .int: a .float, as spelled
    ("-1.5E-3", "-1.5E-3"),
    ("0.0", "0.0"),
    (#""é \u00e9\n\t\"\\\/""#, #""é é\n\t\"\\/""#),
    (#""\ud83d\ude00""#, #""😀""#),
    (#""\ud83d" "#, "\"\u{FFFD}\""),  // a lone surrogate becomes U+FFFD, as in Go
    (#""\ude00\ud83dx""#, "\"\u{FFFD}\u{FFFD}x\""),
    (#""\ud83d\u0041""#, "\"\u{FFFD}A\""),
    (#"{"k":1,"j":2,"k":3}"#, "{k: 3, j: 2}"),  // last value, first place
  ])
  func reads(json: String, expected: String) throws {
    #expect(compact(try JSONReader.parse(json)) == expected)
  }

  @Test func integersAndOtherNumbersAreTaggedApart() throws {
    let node = try JSONReader.parse("[1, 1.0, 1e0, 12345678901234567890]")
    #expect(node.items?.map { $0.scalar?.tag } == [.int, .float, .float, .float])
  }

  @Test func nodesKnowTheirLineAndColumn() throws {
    let node = try JSONReader.parse("{\n  \"a\": [1,\n    \"x\"]\n}", file: "in.json")
    let a = try #require(node.entries?.first)
    #expect(a.keyLocation.description == "in.json:2:3")
    #expect(a.value.location.description == "in.json:2:8")
    #expect(a.value.items?.last?.location.description == "in.json:3:5")
  }

  @Test(arguments: [
    ("[1,‸]", "invalid character ']' looking for beginning of value"),
    (#"{"x":1,‸}"#, "invalid character '}' looking for beginning of object key string"),
    ("{‸1:2}", "invalid character '1' looking for beginning of object key string"),
    (#"{"x" ‸1}"#, "invalid character '1' after object key"),
    (#"{"a":1 ‸"b":2}"#, "invalid character '\"' after object key:value pair"),
    ("[1 ‸2]", "invalid character '2' after array element"),
    ("\"a‸\nb\"", #"invalid character '\n' in string literal"#),
    (#""\‸q""#, "invalid character 'q' in string escape code"),
    (#""\u12‸g4""#, #"invalid character 'g' in \u hexadecimal character escape"#),
    ("t‸x", "invalid character 'x' in literal true (expecting 'r')"),
    ("nul‸x", "invalid character 'x' in literal null (expecting 'l')"),
    ("-‸x", "invalid character 'x' in numeric literal"),
    ("1.‸x", "invalid character 'x' after decimal point in numeric literal"),
    ("1e‸x", "invalid character 'x' in exponent of numeric literal"),
    ("1‸x", "invalid character 'x' after top-level value"),
    ("0‸1", "invalid character '1' after top-level value"),
    ("‸'s'", #"invalid character '\'' looking for beginning of value"#),
    ("‸\u{7F}", #"invalid character '\x7f' looking for beginning of value"#),
    ("‸+1", "invalid character '+' looking for beginning of value"),
    ("[1‸", "unexpected end of JSON input"),
    (#""abc‸"#, "unexpected end of JSON input"),
    ("‸", "unexpected end of JSON input"),
    ("‸1e999", "json: cannot unmarshal number 1e999 into Go value of type float64"),
  ])
  func refusesWithGoMessages(json: String, message: String) throws {
    let (text, column) = marked(json)
    let error = #expect(throws: Diagnostic.self) { try JSONReader.parse(text) }
    #expect(error?.message == message)
    #expect(error?.location?.column == Int32(column))
  }

  @Test func anErrorOnALaterLineHasThatLine() throws {
    let error = #expect(throws: Diagnostic.self) {
      try JSONReader.parse("{\n  \"a\": 1,\n  \"b\": x\n}", file: "in.json")
    }
    #expect(error?.description == "in.json:3:8: error: invalid character 'x' looking for beginning of value")
  }

  @Test func nestingIsBounded() throws {
    let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
    let error = #expect(throws: Diagnostic.self) { try JSONReader.parse(deep) }
    #expect(error?.message == "exceeded max depth")
    let fine = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
    #expect(throws: Never.self) { try JSONReader.parse(fine) }
  }
}

import Testing

@testable import KilnYAML

/// Hostile input is refused before it can exhaust memory or the stack.
@Suite struct LimitsTests {
  @Test func billionLaughsIsRefused() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1..<10 {
      yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    do {
      _ = try parse(yaml)
      Issue.record("an alias bomb was accepted")
    } catch {
      #expect(error.message.contains("refusing a possible alias bomb"))
      #expect(error.location.line > 1)
    }
  }

  @Test func honestAnchorsAreFine() throws {
    #expect(try parse("a: &x {b: 1}\nc: *x\nd: *x\n")["d"]?["b"] != nil)
  }

  @Test func absurdNestingIsRefused() {
    let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    #expect(throws: YAMLError("nesting deeper than 256 levels", at: SourceLocation(file: "<input>", line: 1, column: 257))) {
      try parse(deep)
    }
  }

  @Test func deepButReasonableNestingIsFine() throws {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(try parse(deep).isSequence)
  }
}

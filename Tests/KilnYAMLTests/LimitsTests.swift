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

  /// One big string aliased many times is few nodes but much text: the text is bounded too,
  /// and the error points at the alias that crosses the bound.
  @Test func aBigStringAliasedManyTimesIsRefusedAtTheAliasThatCrossesTheBound() {
    let big = String(repeating: "x", count: 1 << 20)
    let yaml = "big: &a \"\(big)\"\nrefs:\n" + String(repeating: "  - *a\n", count: 10_000)
    // 16 aliases make exactly 16 MiB of text; the 17th, on line 19, goes past.
    #expect(
      throws: YAMLError(
        "aliases expand to more than 16 MiB of text; refusing a possible alias bomb",
        at: SourceLocation(file: "<input>", line: 19, column: 5))
    ) { try parse(yaml) }
  }

  @Test func theTextBoundCountsKeysAndNestedAliases() {
    let limits = YAMLLimits(maxAliasBytes: 100)
    // Making b expands `*a` twice (20 bytes); each `*b` is 24 bytes (its keys count): the
    // 4th `*b` brings the total to 116.
    let yaml = "a: &a 0123456789\nb: &b {k1: *a, k2: *a}\nc: [*b, *b, *b, *b, *b]\n"
    #expect(
      throws: YAMLError(
        "aliases expand to more than 100 bytes of text; refusing a possible alias bomb",
        at: SourceLocation(file: "f.yaml", line: 3, column: 17))
    ) { try YAMLParser.parseStream(Array(yaml.utf8), file: "f.yaml", limits: limits) }
  }

  @Test func honestAnchorsAreFine() throws {
    #expect(try parse("a: &x {b: 1}\nc: *x\nd: *x\n")["d"]?["b"] != nil)
  }

  @Test func absurdNestingIsRefused() {
    let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    #expect(
      throws: YAMLError("nesting deeper than 256 levels", at: SourceLocation(file: "<input>", line: 1, column: 257))
    ) {
      try parse(deep)
    }
  }

  @Test func deepButReasonableNestingIsFine() throws {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(try parse(deep).isSequence)
  }
}

import KilnYAML
import Testing

@testable import KilnCore

/// Numbers compare by value and divide exactly, whatever their spelling.
@Suite struct SchemaNumberTests {
  func number(_ text: String, _ tag: ScalarTag) throws -> SchemaNumber {
    try #require(SchemaNumber(Scalar(text, tag: tag)))
  }

  @Test func spellingsOfOneValueAreEqual() throws {
    #expect(try number("0x1F", .int) == number("31", .int))
    #expect(try number("0o17", .int) == number("017", .int))
    #expect(try number("1_000", .int) == number("1e3", .float))
    #expect(try number("2.50", .float) == number("2.5", .float))
    #expect(try number("-0.0", .float) == number("0", .int))
  }

  @Test func integersBeyondDoublePrecisionCompareExactly() throws {
    let big = try number("9223372036854775807", .int)
    let bigger = try number("9223372036854775808", .int)
    #expect(big.compare(bigger) == -1)
    #expect(try number("18446744073709551615", .int).compare(bigger) == 1)
  }

  @Test func multiplesAreExactForDecimals() throws {
    #expect(try number("0.3", .float).isMultiple(of: number("0.1", .float)))
    #expect(try number("1e2", .float).isMultiple(of: number("0.25", .float)))
    #expect(try !number("0.35", .float).isMultiple(of: number("0.1", .float)))
  }

  @Test func infinityAndNaNHaveNoExactForm() throws {
    #expect(try number(".inf", .float).compare(number("1e308", .float)) == 1)
    #expect(try number(".nan", .float).isNaN)
    #expect(SchemaNumber(Scalar("x", tag: .string)) == nil)
  }
}

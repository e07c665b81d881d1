import KilnTestSupport
import Testing

@testable import KilnCore

/// The same project gives the same bytes whatever order directories list in.
@Suite struct DeterminismTests {
  @Test func listingOrderDoesNotMatter() throws {
    let reference = try Fixtures.twoComponents().build("prod")
    for seed in 1...8 as ClosedRange<UInt64> {
      #expect(try Fixtures.twoComponents(scrambleSeed: seed).build("prod") == reference)
    }
  }

  @Test func buildingTwiceGivesTheSameBytes() throws {
    let p = Fixtures.twoComponents()
    #expect(try p.build("prod") == p.build("prod"))
  }
}

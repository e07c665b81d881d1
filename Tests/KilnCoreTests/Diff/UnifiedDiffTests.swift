import Testing

@testable import KilnCore

/// The line diff under `kiln diff`: hunks with three lines of context, as `diff -u` prints.
@Suite struct UnifiedDiffTests {
  @Test func aChangeInTheMiddleHasItsContextAndHeader() {
    let old = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    var new = old
    new[4] = "E"
    #expect(
      UnifiedDiff.lines(old: old, new: new) == [
        .hunk("@@ -2,7 +2,7 @@"), .context("b"), .context("c"), .context("d"), .removed("e"), .added("E"),
        .context("f"),
        .context("g"), .context("h"),
      ])
  }

  @Test func changesFarApartMakeTwoHunksAndCloseOnesOne() {
    let old = (1...20).map(String.init)
    var new = old
    new[1] = "two"
    new[18] = "nineteen"
    #expect(
      UnifiedDiff.lines(old: old, new: new).filter { if case .hunk = $0 { true } else { false } } == [
        .hunk("@@ -1,5 +1,5 @@"), .hunk("@@ -16,5 +16,5 @@"),
      ])
    new = old
    new[5] = "six"
    new[11] = "twelve"
    #expect(UnifiedDiff.lines(old: old, new: new).first == .hunk("@@ -3,13 +3,13 @@"))
  }

  @Test func anAddedObjectIsOneHunkFromNothing() {
    #expect(UnifiedDiff.lines(old: [], new: ["x", "y"]) == [.hunk("@@ -0,0 +1,2 @@"), .added("x"), .added("y")])
    #expect(UnifiedDiff.lines(old: ["x"], new: ["x"]) == [])
  }

  @Test(arguments: [("", 0), ("YQ==", 1), ("YWI=", 2), ("YWJj", 3), ("YWJjZA", 4), ("YWJjZGU", 5)])
  func secretSizesAreTheDecodedBytes(_ text: String, _ size: Int) {
    #expect(SecretMask.decodedSize(text) == size)
  }
}

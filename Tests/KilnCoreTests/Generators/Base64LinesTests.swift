import Testing

@testable import KilnCore

/// Secret values and ConfigMap binaryData: base64, cut into 70-character lines that each end
/// in a newline once the text reaches 70 characters.
@Suite struct Base64LinesTests {
  func encode(_ text: String) -> String { Base64Lines.encode(Array(text.utf8)) }

  @Test func standardAlphabetWithPadding() {
    #expect(encode("") == "")
    #expect(encode("x") == "eA==")
    #expect(encode("xy") == "eHk=")
    #expect(encode("xyz") == "eHl6")
    #expect(Base64Lines.encode([0x00, 0x01, 0xFF]) == "AAH/")
    #expect(Base64Lines.encode([0xFB, 0xEF, 0xBE]) == "++++")
    #expect(Base64Lines.encode([0xFF, 0xFF, 0xFF]) == "////")
  }

  @Test func sixtyEightCharactersStayOnOneLine() {
    let text = encode(String(repeating: "a", count: 51))
    #expect(text.utf8.count == 68)
    #expect(!text.contains("\n"))
  }

  /// Base64 lengths are multiples of 4, so the cut falls between 51 bytes (68 characters)
  /// and 52 bytes (72 characters).
  @Test func seventyCharactersOrMoreAreCutAndEveryLineEndsInANewline() {
    // 52 bytes → 72 characters: a 70-character line and a 2-character one.
    #expect(
      encode(String(repeating: "a", count: 52))
        == "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ\n==\n")
    // 105 bytes → exactly 140 characters: two full lines, each with its newline.
    let two = encode(String(repeating: "a", count: 105))
    #expect(two.split(separator: "\n").map(\.count) == [70, 70])
    #expect(two.hasSuffix("\n") && two.utf8.count == 142)
  }
}

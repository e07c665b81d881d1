import Testing

@testable import KilnCore

/// Which file contents count as text (`data`) and which as binary (`binaryData`): Go's
/// `utf8.Valid`.
@Suite struct UTF8TextTests {
  @Test func validUTF8IsText() {
    #expect(UTF8Text.decode(Array("héllo 😀 \u{FFFD} \u{FFFF}".utf8)) == "héllo 😀 \u{FFFD} \u{FFFF}")
    #expect(UTF8Text.decode([UInt8]()) == "")
  }

  @Test(arguments: [
    [0xFF] as [UInt8],  // never valid
    [0xC0, 0x80],  // overlong NUL
    [0xED, 0xA0, 0x80],  // a surrogate, U+D800
    [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
    [0x61, 0xE2, 0x82],  // cut short
    [0x80],  // a lone continuation byte
  ])
  func otherBytesAreBinary(_ bytes: [UInt8]) {
    #expect(UTF8Text.decode(bytes) == nil)
  }
}

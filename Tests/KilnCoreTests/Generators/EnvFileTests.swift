import Testing

@testable import KilnCore

/// `envs:` files, line by line. The expected pairs are what kubectl kustomize generated.
@Suite struct EnvFileTests {
  func pairs(_ text: String) throws -> [String] {
    try pairs(Array(text.utf8))
  }

  func pairs(_ bytes: [UInt8]) throws -> [String] {
    try EnvFile.parse(bytes).map { "\($0.line):\($0.key)=\($0.value)" }
  }

  @Test func keysAndValuesAreKeptExactly() throws {
    let file = """
      BAZ="quoted value"
        SPACED = x y  
      export X=1
      EMPTY=
      NOEQ
      A=b=c
      """
    #expect(
      try pairs(file) == [
        #"1:BAZ="quoted value""#, "2:SPACED = x y  ", "3:export X=1", "4:EMPTY=", "5:NOEQ=", "6:A=b=c",
      ])
  }

  @Test func commentsBlankLinesAndEmptyKeysAreSkipped() throws {
    #expect(try pairs("# comment\n\n   \n  # indented comment\n=skipped\nA=1\n") == ["6:A=1"])
  }

  @Test func aByteOrderMarkIsRemovedFromTheFirstLineOnly() throws {
    #expect(
      try pairs([0xEF, 0xBB, 0xBF] + Array("FIRST=1\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("SECOND=2".utf8))
        == ["1:FIRST=1", "2:\u{FEFF}SECOND=2"])
  }

  @Test func carriageReturnsBeforeNewlinesAreDropped() throws {
    #expect(try pairs("A=1\r\nB=2\r\r\nC=3\r") == ["1:A=1", "2:B=2\r", "3:C=3"])
  }

  @Test func leadingWhiteSpaceIsGosUnicodeSpace() throws {
    #expect(
      try pairs("\t LEAD=x \n\u{A0}NBSP=1\n\u{3000}WIDE=2\n\u{FEFF}BOM2=3\n")
        == ["1:LEAD=x ", "2:NBSP=1", "3:WIDE=2", "4:\u{FEFF}BOM2=3"])
  }

  @Test func invalidUTF8IsAnErrorEvenInAComment() {
    #expect(throws: EnvFile.InvalidUTF8(line: 2)) { try pairs(Array("A=1\n# bad ".utf8) + [0xFF] + Array("\n".utf8)) }
  }

  /// Go's line scanner stops at a line of 64 KiB or more, and Kustomize does not look at why:
  /// that line and the rest are dropped.
  @Test func aLineOf64KiBEndsTheFile() throws {
    let fits = "L=" + String(repeating: "x", count: 65_535 - 2)
    let tooLong = "M=" + String(repeating: "y", count: 65_536 - 2)
    let result = try pairs("A=1\n\(fits)\nB=2\n\(tooLong)\nC=3\n")
    #expect(result.map { $0.prefix(4) } == ["1:A=", "2:L=", "3:B="])
  }
}

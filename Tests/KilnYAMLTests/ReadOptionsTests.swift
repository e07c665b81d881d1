import KilnYAML
import Testing

/// `YAMLReadOptions`: each departure from plain YAML, off by default.
@Suite struct ReadOptionsTests {
  func documents(_ text: String, _ options: YAMLReadOptions) throws(YAMLError) -> [Node] {
    try YAMLParser.parseDocuments(Array(text.utf8), file: "r.yaml", dialect: .yaml12, options: options)
  }

  @Test func duplicateKeysAreKeptInOrderAndListed() throws {
    let node = try documents("a: 1\nb: {c: x, c: y}\na: 2\n", [.keepDuplicateKeys])[0]
    #expect(node.entries?.map(\.key) == ["a", "b", "a"])
    #expect(node["a"] == .int(1))
    #expect(node.duplicateKeys().map(\.key) == ["c", "a"])
    #expect(node.duplicateKeys().map(\.repeated.line) == [2, 3])
    #expect(throws: YAMLError.self) { try documents("a: 1\na: 2\n", []) }
  }

  @Test func goMapKeysGiveNonStringKeysGosText() throws {
    let text =
      "on: a\nN: b\n0x1F: c\n010: d\n1_000: e\n1.50: f\n1e6: g\n3.14159265: h\n-.inf: i\n2024-06-01: j\n\"on\": k\n99999999999999999999: l\n"
    let node = try YAMLParser.parseDocuments(Array(text.utf8), file: "r.yaml", dialect: .yaml11, options: [.goMapKeys])[
      0]
    #expect(
      node.entries?.map(\.key) == [
        "true", "false", "31", "8", "1000", "1.5", "1e+06", "3.1415927", "-.inf", "2024-06-01", "on", "1e+20",
      ])
    for refused in ["~: a\n", "null: a\n", "18446744073709551615: a\n"] {
      #expect(throws: YAMLError.self) {
        try YAMLParser.parseDocuments(Array(refused.utf8), file: "r.yaml", dialect: .yaml11, options: [.goMapKeys])
      }
    }
    #expect(throws: YAMLError.self) { try documents("1: a\n", []) }
  }

  @Test func aPieceMayOpenWithAByteOrderMark() throws {
    let text = "\u{FEFF}a: 1\n---\n\u{FEFF}b: 2\n"
    #expect(try documents(text, [.documentsAsSplitPieces]).count == 2)
  }

  @Test func onlyACommentMayFollowASeparator() throws {
    #expect(try documents("a: 1\n--- # next\nb: 2\n", [.documentsAsSplitPieces]).count == 2)
    // The first line is no separator to the splitter: YAML reads it.
    #expect(try documents("--- !!map\na: 1\n", [.documentsAsSplitPieces]).count == 1)
    do {
      _ = try documents("a: 1\n--- b: 2\n", [.documentsAsSplitPieces])
      Issue.record("text after --- was read")
    } catch {
      #expect(
        error.description
          == "r.yaml:2:1: error: invalid document separator: --- b: 2 (only a comment may follow --- on its line)")
    }
  }

  @Test func whatFollowsADocumentEndIsSkippedToTheNextSeparator() throws {
    let text = "a: 1\n...\nskipped: 2\n---\nc: 3\n"
    let read = try documents(text, [.documentsAsSplitPieces])
    #expect(read.map { $0.entries?.first?.key } == ["a", "c"])
    #expect(read[1]["c"]?.location.line == 5)
  }

  @Test func aQuotedMergeKeyIsDroppedAndASecondMergeKeyRefused() throws {
    let node = try documents("\"<<\": {x: 1}\nb: 2\n", [.documentsAsSplitPieces])[0]
    #expect(node.entries?.map(\.key) == ["b"])
    #expect(try documents("\"<<\": {x: 1}\n", [])[0].entries?.map(\.key) == ["<<"])
    #expect(throws: YAMLError.self) { try documents("<<: {x: 1}\n<<: {y: 2}\n", [.documentsAsSplitPieces]) }
    #expect(try documents("<<: {x: 1}\n<<: {y: 2}\n", [])[0].entries?.count == 2)
  }
}

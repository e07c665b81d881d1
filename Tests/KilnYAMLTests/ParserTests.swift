import Testing

@testable import KilnYAML

/// Reading YAML: positions on every node and key, types, and what is refused.
@Suite struct ParserTests {
  @Test func everyNodeAndKeyKnowsItsPosition() throws {
    let doc = try YAMLParser.parseStream(
      """
      apiVersion: v1
      kind: ConfigMap
      data:
        first: one
        second: [a, "b"]
      """, file: "cm.yaml")[0]
    let data = try #require(doc["data"])
    #expect(data.location == SourceLocation(file: "cm.yaml", line: 4, column: 3))
    let second = try #require(data.entries?.last)
    #expect(second.keyLocation == SourceLocation(file: "cm.yaml", line: 5, column: 3))
    #expect(second.value.location == SourceLocation(file: "cm.yaml", line: 5, column: 11))
    #expect(second.value.items?[1].location == SourceLocation(file: "cm.yaml", line: 5, column: 15))
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let doc = try parse("é: [x, ü, z]\n")
    #expect(doc["é"]?.items?[2].location.column == 11)
  }

  @Test func plainScalarsResolveAsKubernetesReadsThem() throws {
    let doc = try parse("a: 1\nb: 1.5\nc: yes\nd: ~\ne: 2024-01-01\nf: text\ng: '1'\nh: 0x10\ni: on\n")
    #expect(doc["a"]?.scalar?.tag == .int)
    #expect(doc["b"]?.scalar?.tag == .float)
    #expect(doc["c"]?.scalar?.tag == .bool)
    #expect(doc["d"]?.scalar?.tag == .null)
    #expect(doc["e"]?.scalar?.tag == .timestamp)
    #expect(doc["f"]?.scalar?.tag == .string)
    #expect(doc["g"]?.scalar?.tag == .string)
    #expect(doc["h"]?.scalar?.tag == .int)
    #expect(doc["i"]?.scalar?.tag == .bool)
  }

  @Test func explicitTags() throws {
    let doc = try parse("a: !!str 123\nb: !!int \"12\"\nc: !!float 1\n")
    #expect(doc["a"]?.scalar == Scalar("123", tag: .string))
    #expect(doc["b"]?.scalar?.tag == .int)
    #expect(doc["c"]?.scalar?.tag == .float)
    #expect(throws: YAMLError("cannot read \"abc\" as !!int", at: SourceLocation(file: "<input>", line: 1, column: 4)))
    {
      try parse("a: !!int abc\n")
    }
    #expect(throws: YAMLError("unsupported tag !Ref", at: SourceLocation(file: "<input>", line: 1, column: 4))) {
      try parse("a: !Ref thing\n")
    }
  }

  @Test func duplicateKeysAreRefused() {
    #expect(
      throws: YAMLError(
        "duplicate key \"name\"", at: SourceLocation(file: "<input>", line: 3, column: 3),
        notes: ["first defined at line 2, column 3"])
    ) {
      try parse("metadata:\n  name: a\n  name: b\n")
    }
  }

  @Test func duplicateKeysInLargeMappingsAreRefusedToo() throws {
    let keys = (0..<40).map { "k\($0): v" }.joined(separator: "\n")
    #expect(throws: YAMLError.self) { try parse(keys + "\nk7: again\n") }
  }

  @Test func keysMustBeStrings() {
    #expect(
      throws: YAMLError(
        "mapping key 1 is read as a integer, not a string", at: SourceLocation(file: "<input>", line: 1, column: 1),
        notes: ["quote the key if it is meant as text: \"1\""])
    ) {
      try parse("1: a\n")
    }
    #expect(throws: YAMLError.self) { try parse("? [a, b]\n: c\n") }
  }

  @Test func aliasesAndMergeKeysAreExpanded() throws {
    let doc = try parse(
      """
      base: &base {a: 1, b: 2}
      copy: *base
      merged:
        <<: *base
        b: 3
      """)
    #expect(doc["copy"] == doc["base"])
    #expect(doc["merged"]?["a"]?.scalar?.text == "1")
    #expect(doc["merged"]?["b"]?.scalar?.text == "3")
  }

  @Test func mergeListsLetTheFirstMappingWin() throws {
    let doc = try parse("a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n")
    #expect(doc["c"]?["x"]?.scalar?.text == "1")
    #expect(doc["c"]?["z"]?.scalar?.text == "2")
  }

  @Test func syntaxErrorsPointAtTheProblem() {
    do {
      _ = try parse("a: b\n  c: d\n")
      Issue.record("expected an error")
    } catch {
      #expect(error.location.line == 2)
      #expect(error.message == "mapping values are not allowed in this context")
    }
  }

  /// libyaml's reader reports bytes that are not UTF-8, and control characters, with a byte
  /// offset only: the error still points at the line and column of the byte.
  @Test(arguments: [
    // A byte that starts no UTF-8 character, after a two-byte é on the same line.
    ([UInt8]("a: 1\nb: café ".utf8) + [0xFF, 0x0A], "invalid leading UTF-8 octet", 2, 9),
    // A raw NUL, after a byte-order mark and CRLF line ends.
    (
      [0xEF, 0xBB, 0xBF] + [UInt8]("a: 1\r\nb: 2\r\nc: \"x".utf8) + [0x00] + [UInt8]("y\"\r\n".utf8),
      "control characters are not allowed", 3, 6
    ),
    // A character whose second byte is no continuation byte, after a line that ends in a
    // lone CR: the error is at that second byte.
    ([UInt8]("a: 1\rbb: ".utf8) + [0xC3, 0x28, 0x0A], "invalid trailing UTF-8 octet", 2, 6),
    // A character cut short by the end of the input.
    ([UInt8]("a: 1\nb: ".utf8) + [0xC3], "incomplete UTF-8 octet sequence", 2, 4),
  ])
  func bytesThatAreNotTextAreReportedWhereTheyAre(bytes: [UInt8], message: String, line: Int, column: Int) {
    #expect(throws: YAMLError(message, at: SourceLocation(file: "r.yaml", line: line, column: column))) {
      try YAMLParser.parseStream(bytes, file: "r.yaml")
    }
  }

  @Test func unknownAnchor() {
    #expect(throws: YAMLError("unknown anchor \"nope\"", at: SourceLocation(file: "<input>", line: 1, column: 4))) {
      try parse("a: *nope\n")
    }
  }

  @Test func documentsOfAStream() throws {
    let docs = try YAMLParser.parseDocuments(
      Array("---\n# only a comment\n---\na: 1\n---\n...\n---\nb: 2\n".utf8), file: "s.yaml")
    #expect(docs.count == 2)
  }
}

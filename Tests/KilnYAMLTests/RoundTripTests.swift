import Testing

@testable import KilnYAML

/// Whatever kiln writes reads back as the same tree, and writing it again gives the same bytes.
@Suite struct RoundTripTests {
  static let samples = [
    "a: 1\nb: [x, 'y', \"z\"]\nc: {d: {e: []}}\n",
    "s: \"a\\tb\"\nt: \"line\\nbreak\\n\"\nu: ' lead'\nv: 'a: b'\nw: \"\\U0001F600\"\n",
    "list:\n- - a\n  - b\n- {k: v, l: [1, 2]}\n- []\n- {}\n",
    "? |-\n  multi\n  key\n: v\n",
    "x: |+\n  keep\n\n\nz: |2\n   lead\n",
    // A key that is the string `<<`: printed plain, it read back as a merge key.
    "m: {\"<<\": {a: 1}, b: 2}\n",
  ]

  @Test(arguments: samples)
  func roundTrip(_ yaml: String) throws {
    let first = try YAMLParser.parseDocuments(Array(yaml.utf8), file: "a")
    let text = YAMLEmitter.renderString(first)
    let second = try YAMLParser.parseDocuments(Array(text.utf8), file: "b")
    #expect(first == second)
    #expect(YAMLEmitter.renderString(second) == text)
  }
}

import Testing

@testable import KilnYAML

/// Long lines (research §1.8): folded at a space once past column 80 when a width is set
/// (kubectl kustomize), never in kiln build's own output.
@Suite struct FoldingTests {
  static let words = (0..<30).map { $0 < 10 ? "word0\($0)" : "word\($0)" }.joined(separator: " ")

  @Test func kustomizeWidthFoldsAfterColumn80() {
    let out = emitted(Self.words, lineWidth: 80)
    let lines = out.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == "key: word00 word01 word02 word03 word04 word05 word06 word07 word08 word09 word10")
    #expect(lines[1].hasPrefix("  word11 "))
  }

  @Test func buildNeverFolds() {
    #expect(emitted(Self.words) == "key: \(Self.words)\n")
  }

  @Test func aStringWithoutSpacesIsNeverFolded() {
    let token = String(repeating: "x", count: 200)
    #expect(emitted(token, lineWidth: 80) == "key: \(token)\n")
  }

  @Test func keysAreNeverFolded() {
    let key = (0..<20).map { "k\($0)" }.joined(separator: " ")
    #expect(
      YAMLEmitter.renderString([.mapping([MapEntry(key: key, value: .string("v"))])], options: .init(lineWidth: 80))
        == "\(key): v\n")
  }
}

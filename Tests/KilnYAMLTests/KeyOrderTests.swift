import Testing

@testable import KilnYAML

/// goyaml.v2's key order, as kubectl kustomize prints it (research §1.3).
@Suite struct KeyOrderTests {
  @Test func observedOrder() {
    let expected = [
      "-x", "_u", "1", "9", "10", "A", "Z_", "a2", "a9", "a10", "b_", "b1", "b2", "b3", "b4", "b5", "b9", "b09",
      "b10", "bZ", "big", "ünï",
    ]
    var shuffled = expected
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      shuffled.shuffle(using: &random)
      let sorted = KeyOrder.sorted(shuffled.map { MapEntry(key: $0, value: .null()) }).map(\.key)
      #expect(sorted == expected)
    }
  }

  @Test func kubernetesObjectKeys() throws {
    #expect(
      try render("spec: {}\nmetadata: {}\nkind: K\ndata: {}\napiVersion: v1\n")
        == "apiVersion: v1\ndata: {}\nkind: K\nmetadata: {}\nspec: {}\n")
  }

  @Test func aPrefixSortsFirst() {
    #expect(KeyOrder.less("name", "nameSuffix"))
    #expect(!KeyOrder.less("nameSuffix", "name"))
  }

  @Test func nonTransitiveKeysStillGiveOneOrder() {
    // goyaml.v2 has x9y < x10y < x1y < x9y; kubectl's output varies run to run. kiln's does not.
    let keys = ["x9y", "x10y", "x1y", "v1", "v1beta1", "v2", "v10"]
    let first = KeyOrder.sorted(keys.map { MapEntry(key: $0, value: .null()) }).map(\.key)
    for permutation in [keys.reversed(), keys.shuffled(), keys.shuffled()] {
      #expect(KeyOrder.sorted(permutation.map { MapEntry(key: $0, value: .null()) }).map(\.key) == first)
    }
  }

  /// Keys of letters and the ASCII punctuation below `A` (labels, annotations, field names)
  /// skip the goyaml pass, which is only sound if goyaml orders every pair of them as bytes do.
  @Test func lettersAndLowPunctuationSortAsBytes() {
    let alphabet = Array("aAbBzZ-./:@ !#".utf8)
    var random = SystemRandomNumberGenerator()
    let keys = (0..<300).map { _ in
      String(
        decoding: (0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! },
        as: UTF8.self)
    }
    for a in keys {
      for b in keys where a != b {
        #expect(KeyOrder.less(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) vs \(b)")
      }
    }
    let sorted = KeyOrder.sorted(Set(keys).map { MapEntry(key: $0, value: .null()) }).map(\.key)
    #expect(sorted == Set(keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  /// One key with a digit or `_` in a mapping sends the whole mapping through goyaml's order.
  @Test func oneOtherKeyTakesTheGoyamlOrder() {
    let keys = ["name", "b10", "b9", "_x", "Z"]
    let sorted = KeyOrder.sorted(keys.map { MapEntry(key: $0, value: .null()) }).map(\.key)
    #expect(sorted == ["_x", "Z", "b9", "b10", "name"])
  }
}

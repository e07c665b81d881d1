import KilnYAML

/// Whether two trees mean the same once printed: `Node`'s equality (text and tag of each
/// scalar, mappings compared by key), except that a null is a null however it was spelled
/// (`~`, empty, `null`: the emitter prints all of them as `null`).
/// With `numbersBySpelling`, an integer and a number spelled alike are also the same. kiln
/// prints a number as it was spelled, without its tag, so the tag read back is the one the
/// spelling has: `!!float 1` prints as `1` and reads back as an integer (`kubectl kustomize`
/// prints `1` too), and the JSON reader's number 9223372036854775808 (beyond 64 bits) reads
/// back as YAML 1.1's integer (goyaml.v2 takes unsigned 64 bits).
public func sameTree(_ a: Node, _ b: Node, numbersBySpelling: Bool = false) -> Bool {
  switch (a.value, b.value) {
  case (.scalar(let x), .scalar(let y)):
    if x.tag == .null || y.tag == .null { return x.tag == y.tag }
    let numbers: Set<ScalarTag> = [.int, .float]
    if numbersBySpelling, numbers.contains(x.tag), numbers.contains(y.tag) { return x.text == y.text }
    return x == y
  case (.sequence(let x), .sequence(let y)):
    return x.count == y.count && zip(x, y).allSatisfy { sameTree($0, $1, numbersBySpelling: numbersBySpelling) }
  case (.mapping(let x), .mapping(let y)):
    guard x.count == y.count else { return false }
    let byKey = Dictionary(y.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    return x.allSatisfy { entry in
      byKey[entry.key].map { sameTree(entry.value, $0, numbersBySpelling: numbersBySpelling) } ?? false
    }
  default:
    return false
  }
}

/// The input libFuzzer hands over, as bytes.
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
  data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

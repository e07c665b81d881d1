import KilnYAML

/// Equality as JSON Schema's `enum`, `const` and `uniqueItems` see it: by value, so a number
/// equals a number of the same value whatever its spelling (`1`, `1.0`, `0x1`), a YAML `yes`
/// equals `true`, keys are compared without their order, and a string never equals a number.
enum JSONEquality {
  static func equal(_ a: Node, _ b: Node) -> Bool {
    switch (a.value, b.value) {
    case (.scalar(let x), .scalar(let y)): return equal(x, y)
    case (.sequence(let x), .sequence(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    case (.mapping(let x), .mapping(let y)):
      guard x.count == y.count else { return false }
      return x.allSatisfy { entry in
        y.first { $0.key == entry.key }.map { equal(entry.value, $0.value) } ?? false
      }
    default: return false
    }
  }

  private static func equal(_ a: Scalar, _ b: Scalar) -> Bool {
    let (x, y) = (JSONType(of: Node(.scalar(a))), JSONType(of: Node(.scalar(b))))
    switch (x, y) {
    case (.null, .null): return true
    case (.boolean, .boolean): return ScalarValue.bool(a.text) == ScalarValue.bool(b.text)
    case (.string, .string): return a.text == b.text
    case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
      guard let m = SchemaNumber(a), let n = SchemaNumber(b) else { return false }
      return m == n
    default: return false
    }
  }
}

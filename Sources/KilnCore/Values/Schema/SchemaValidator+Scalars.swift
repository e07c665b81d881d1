import KilnYAML

/// The keywords of numbers (`minimum`, `maximum`, their exclusive forms, `multipleOf`) and of
/// strings (`minLength`, `maxLength`, `pattern`).
extension SchemaValidator {
  func checkNumber(_ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation]) {
    guard let scalar = value.scalar, let number = SchemaNumber(scalar) else { return }
    for bound in subschema.minimum {
      let order = number.compare(bound.value.limit)
      if number.isNaN || order < 0 || (order == 0 && bound.value.exclusive) {
        let want = bound.value.exclusive ? "more than" : "at least"
        let message = "got \(number), want \(want) \(bound.value.limit)"
        found.append(SchemaViolation(path, at: value.location, message, by: bound))
      }
    }
    for bound in subschema.maximum {
      let order = number.compare(bound.value.limit)
      if number.isNaN || order > 0 || (order == 0 && bound.value.exclusive) {
        let want = bound.value.exclusive ? "less than" : "at most"
        let message = "got \(number), want \(want) \(bound.value.limit)"
        found.append(SchemaViolation(path, at: value.location, message, by: bound))
      }
    }
    if let divisor = subschema.multipleOf, !number.isMultiple(of: divisor.value) {
      let message = "got \(number), want a multiple of \(divisor.value)"
      found.append(SchemaViolation(path, at: value.location, message, by: divisor))
    }
  }

  func checkString(_ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation]) {
    guard JSONType(of: value) == .string, let text = value.scalar?.text else { return }
    // Characters as JSON Schema counts them: Unicode scalars, not grapheme clusters.
    let length = text.unicodeScalars.count
    checkCount(length, of: "character", subschema.minLength, subschema.maxLength, value, at: path, into: &found)
    if let pattern = subschema.pattern, !pattern.value.matches(text) {
      let message = "\(JSONDisplay.text(value)) does not match \(GoText.quote(pattern.value.source))"
      found.append(SchemaViolation(path, at: value.location, message, by: pattern))
    }
  }

  /// "1 item", "3 items", "2 properties".
  /// `minLength`/`maxLength`, `minItems`/`maxItems`, `minProperties`/`maxProperties`: the same
  /// bounds on a count of characters, items or properties.
  func checkCount(
    _ count: Int, of noun: String, _ minimum: Keyword<Int>?, _ maximum: Keyword<Int>?, _ value: Node,
    at path: ValuePath,
    into found: inout [SchemaViolation]
  ) {
    if let minimum, count < minimum.value {
      found.append(
        SchemaViolation(
          path, at: value.location, "got \(Self.count(count, noun)), want at least \(minimum.value)", by: minimum))
    }
    if let maximum, count > maximum.value {
      found.append(
        SchemaViolation(
          path, at: value.location, "got \(Self.count(count, noun)), want at most \(maximum.value)", by: maximum))
    }
  }

  static func count(_ n: Int, _ noun: String) -> String {
    guard n != 1 else { return "1 \(noun)" }
    return "\(n) " + (noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s")
  }
}

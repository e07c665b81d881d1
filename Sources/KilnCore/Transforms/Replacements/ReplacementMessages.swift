import KilnYAML

/// Every message of `replacements`, in one place.
enum ReplacementMessages {
  static let pathAndInline = "a replacements entry has both a path and an inline source or targets; give one"
  static let sourceAndTargetNeeded = "a replacement needs a source and at least one target"
  static let selectNeeded = "a replacement target needs a select"

  static func notAReplacementFile(_ path: String, found: String) -> String {
    "\(path) must hold a replacement (a mapping) or a list of them, not \(found)"
  }

  static func nothingSelected(_ selector: String) -> String {
    "the replacement source \(selector) selects no object"
  }

  static func manySelected(_ selector: String, _ first: ResourceID, _ second: ResourceID) -> String {
    "the replacement source \(selector) selects more than one object (\(first) and \(second))"
  }

  static func sourceFieldMissing(_ path: String, in id: ResourceID) -> String {
    "fieldPath \"\(path)\" is missing (or empty) in the replacement source \(id)"
  }

  static func indexOutOfBounds(_ index: Int, _ value: String) -> String {
    "options.index \(index) is out of bounds for the value \"\(value)\""
  }

  static let delimiterNeedsScalar = "the delimiter option can only be used on a scalar value"

  static func targetFieldMissing(_ path: String, in id: ResourceID, create: Bool) -> String {
    create
      ? "cannot find or create field \"\(path)\" in replacement target \(id)"
      : "cannot find field \"\(path)\" in replacement target \(id)"
  }

  static func badPathPart(_ part: String) -> String {
    "list path element \"\(part)\" must have the form [field=value]"
  }

  static func negativeIndex(_ index: Int) -> String {
    "array index \(index) cannot be negative"
  }

  static func badPattern(_ part: String, _ problem: String) -> String {
    "\"\(part)\" holds an invalid regular expression: \(problem)"
  }

  static func wrongKind(_ step: String, expected: String, found: String) -> String {
    "at \"\(step)\": expected a \(expected), found a \(found)"
  }

  static func indexBeyondEnd(_ index: Int, count: Int) -> String {
    "index \(index) specified but only \(count) elements found"
  }

  static func unreadable(_ text: String, as tag: ScalarTag) -> String {
    "the replacement puts \"\(text)\" in a field of type \(tag), which kubectl kustomize cannot read back as one"
  }

  static func badSelector(_ field: String, _ text: String, _ problem: String) -> String {
    "invalid \(field) \"\(text)\": \(problem)"
  }
}

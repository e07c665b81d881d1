public import KilnYAML

/// Reads a mapping from user input field by field, where every key must be known and every
/// value must have the right type. Problems are collected, each at the offending node, so one
/// run reports them all; unknown keys come with "did you mean" when a known key is close.
public struct StrictMapping {
  public let node: Node
  /// What the mapping is, for messages: "kustomization", "component \"api\"", …
  public let context: String

  public init(_ node: Node, context: String, problems: inout DiagnosticCollector) {
    self.node = node
    self.context = context
    if !node.isMapping && !node.isNull {
      problems.add(.error("\(context) must be a mapping, not a \(node.kindDescription)", at: node.location))
    }
  }

  public var entries: [MapEntry] { node.entries ?? [] }

  /// Reports every key not in `known`. `later` maps keys kiln knows but does not support yet
  /// to a note saying so, so they are refused clearly rather than called typos.
  public func checkKeys(_ known: [String], notYetSupported: [String] = [], problems: inout DiagnosticCollector) {
    for entry in entries where !known.contains(entry.key) {
      if notYetSupported.contains(entry.key) {
        problems.add(.error("\(context) field \"\(entry.key)\" is not supported by kiln yet", at: entry.keyLocation))
      } else {
        problems.add(
          .error(
            "unknown field \"\(entry.key)\" in \(context)", at: entry.keyLocation,
            hint: Suggestion.hint(for: entry.key, among: known)))
      }
    }
  }

  public subscript(key: String) -> Node? {
    guard let value = node[key], !value.isNull else { return nil }
    return value
  }

  public func keyLocation(_ key: String) -> SourceLocation? {
    entries.first { $0.key == key }?.keyLocation
  }

  public func string(_ key: String, problems: inout DiagnosticCollector) -> String? {
    guard let value = self[key] else { return nil }
    return Self.string(value, what: "\(key)", problems: &problems)
  }

  public func bool(_ key: String, problems: inout DiagnosticCollector) -> Bool? {
    guard let value = self[key] else { return nil }
    guard let scalar = value.scalar, scalar.tag == .bool else {
      problems.add(typeError(key, value, expected: "a boolean (true or false)"))
      return nil
    }
    return ScalarValue.bool(scalar.text)
  }

  public func int(_ key: String, problems: inout DiagnosticCollector) -> Int? {
    guard let value = self[key] else { return nil }
    guard let scalar = value.scalar, scalar.tag == .int, let number = ScalarValue.int(scalar.text) else {
      problems.add(typeError(key, value, expected: "an integer"))
      return nil
    }
    return number
  }

  public func mapping(_ key: String, problems: inout DiagnosticCollector) -> Node? {
    guard let value = self[key] else { return nil }
    guard value.isMapping else {
      problems.add(typeError(key, value, expected: "a mapping"))
      return nil
    }
    return value
  }

  public func sequence(_ key: String, problems: inout DiagnosticCollector) -> [Node]? {
    guard let value = self[key] else { return nil }
    guard let items = value.items else {
      problems.add(typeError(key, value, expected: "a list"))
      return nil
    }
    return items
  }

  /// A mapping of strings to strings (labels, annotations), entries keeping their nodes. With
  /// `nullIsEmpty`, a null value is the empty string, as Go reads it into a string field.
  public func stringMap(_ key: String, nullIsEmpty: Bool = false, problems: inout DiagnosticCollector) -> [MapEntry] {
    guard let map = mapping(key, problems: &problems) else { return [] }
    return Self.stringEntries(map, what: key, nullIsEmpty: nullIsEmpty, problems: &problems)
  }

  public static func stringEntries(
    _ map: Node, what: String, nullIsEmpty: Bool = false, problems: inout DiagnosticCollector
  ) -> [MapEntry] {
    (map.entries ?? []).compactMap { entry in
      if nullIsEmpty && entry.value.isNull {
        var empty = entry
        empty.value = .string("", at: entry.value.location)
        return empty
      }
      guard Self.string(entry.value, what: "\(what) \"\(entry.key)\"", problems: &problems) != nil else { return nil }
      return entry.value.string == nil ? entry.withTextValue : entry
    }
  }

  /// A string scalar; numbers and booleans are refused with a hint to quote them, because
  /// Kubernetes would refuse them too (`version: 1.0` is the number 1). A timestamp is taken
  /// as written: Go's YAML readers hand an unquoted date to a string field as its text.
  public static func string(_ value: Node, what: String, problems: inout DiagnosticCollector) -> String? {
    if let text = value.string { return text }
    if let scalar = value.scalar, scalar.tag == .timestamp { return scalar.text }
    if let scalar = value.scalar, scalar.tag != .null {
      problems.add(
        .error(
          "\(what) must be a string, not the \(scalar.tag) \(scalar.text)", at: value.location,
          hint: "quote it: \"\(scalar.text)\""))
    } else {
      problems.add(.error("\(what) must be a string, not a \(value.kindDescription)", at: value.location))
    }
    return nil
  }

  private func typeError(_ key: String, _ value: Node, expected: String) -> Diagnostic {
    var hint: String?
    if let scalar = value.scalar, scalar.tag == .string {
      // "3" where 3 was meant: the quotes are the problem.
      let unquoted = ScalarResolver.resolvePlain(scalar.text)
      if (unquoted == .int && expected.hasPrefix("an integer"))
        || (unquoted == .bool && expected.hasPrefix("a boolean"))
      {
        hint =
          value.location.file == "--set-string"
          ? "--set-string makes every value a string; use --set" : "remove the quotes: \(scalar.text)"
      }
    }
    let found =
      value.scalar.map { "the \($0.tag) \($0.tag == .string ? "\"\($0.text)\"" : $0.text)" }
      ?? "a \(value.kindDescription)"
    return .error("\(key) in \(context) must be \(expected), not \(found)", at: value.location, hint: hint)
  }
}

/// Values of resolved scalars.
public enum ScalarValue {
  public static func bool(_ text: String) -> Bool {
    switch text {
    case "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": true
    default: false
    }
  }

  /// Decimal, `0x`, `0o`, `0b` and leading-zero octal integers, underscores allowed.
  public static func int(_ text: String) -> Int? {
    var s = text.filter { $0 != "_" }[...]
    var negative = false
    if s.first == "-" || s.first == "+" {
      negative = s.first == "-"
      s = s.dropFirst()
    }
    var radix = 10
    if s.hasPrefix("0x") || s.hasPrefix("0X") {
      radix = 16
      s = s.dropFirst(2)
    } else if s.hasPrefix("0o") || s.hasPrefix("0O") {
      radix = 8
      s = s.dropFirst(2)
    } else if s.hasPrefix("0b") || s.hasPrefix("0B") {
      radix = 2
      s = s.dropFirst(2)
    } else if s.count > 1 && s.hasPrefix("0") {
      radix = 8
      s = s.dropFirst()
    }
    guard let magnitude = Int(s, radix: radix) else { return nil }
    return negative ? -magnitude : magnitude
  }
}

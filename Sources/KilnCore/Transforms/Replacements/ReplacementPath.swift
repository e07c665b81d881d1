import KilnRegex
import KilnYAML

/// A replacement's field path, split and read as Kustomize reads it.
///
/// The path splits at dots; `\.` is a dot inside a part, and a part in brackets keeps its dots:
/// `[name=com.example]` stays whole (a list element), `[cert-manager.io/inject-ca-from]` is the
/// key `cert-manager.io/inject-ca-from`. A source path (`SourceStep`) and a target path
/// (`TargetStep`) then read their parts differently, as Kustomize's two lookups do.
enum ReplacementPath {
  /// Kustomize's `SmarterPathSplitter`.
  static func split(_ path: String) -> [String] {
    var escaped: [String] = []
    for piece in path.split(separator: ".", omittingEmptySubsequences: false) {
      if let last = escaped.last, last.hasSuffix("\\") {
        escaped[escaped.count - 1] = String(last.dropLast()) + "." + piece
      } else {
        escaped.append(String(piece))
      }
    }
    var parts: [String] = []
    var i = 0
    while i < escaped.count {
      let part = escaped[i]
      guard part.hasPrefix("["), !part.hasSuffix("]") else {
        parts.append(part)
        i += 1
        continue
      }
      var bracketed = [part]
      while i < escaped.count - 1 {
        i += 1
        bracketed.append(escaped[i])
        if escaped[i].hasSuffix("]") { break }
      }
      let joined = bracketed.joined(separator: ".")
      if joined.contains("=") {
        parts.append(joined)
      } else {
        // Go's strings.Trim(s, "[]"): every bracket at either end goes.
        parts.append(
          String(joined.drop { $0 == "[" || $0 == "]" }.reversed().drop { $0 == "[" || $0 == "]" }.reversed()))
      }
      i += 1
    }
    return parts
  }

  /// Go's `strconv.Atoi`: an optional sign and decimal digits.
  static func integer(_ text: String) -> Int? {
    var digits = Substring(text)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
      return nil
    }
    return Int(text)
  }

  static func isListElement(_ part: String) -> Bool { part.hasPrefix("[") && part.hasSuffix("]") }

  /// `[field=value]` → (field, value); `[=value]` has an empty field.
  static func fieldAndValue(_ part: String, at location: SourceLocation) throws -> (field: String, value: String) {
    let inner = part.dropFirst().dropLast()
    guard let equals = inner.firstIndex(of: "=") else {
      throw Diagnostic.error(ReplacementMessages.badPathPart(part), at: location)
    }
    return (String(inner[..<equals]), String(inner[inner.index(after: equals)...]))
  }
}

/// One part of a source path (Kustomize's `PathGetter`): spaces around parts are dropped, a
/// number is an index, `-` the last element, `[field=value]` the first element whose field
/// has exactly that value.
enum SourceStep {
  case field(String)
  case index(Int)
  case last
  case element(field: String, value: String)

  static func parse(_ path: String, at location: SourceLocation) throws -> [SourceStep] {
    try ReplacementPath.split(path).compactMap { raw in
      let part = raw.trimmingSpace()
      if part.isEmpty { return nil }
      if let index = ReplacementPath.integer(part) {
        guard index >= 0 else { throw Diagnostic.error(ReplacementMessages.negativeIndex(index), at: location) }
        return .index(index)
      }
      if part == "-" { return .last }
      if ReplacementPath.isListElement(part) {
        let (field, value) = try ReplacementPath.fieldAndValue(part, at: location)
        return .element(field: field, value: value)
      }
      return .field(part)
    }
  }
}

/// One part of a target path (Kustomize's `PathMatcher`): a number is an index, `*` every
/// element, and `[field=value]` every element whose field matches the regular expression
/// `value` anywhere (`[name=web]` also matches `webapp`, as in Kustomize).
enum TargetStep {
  case field(String)
  case index(Int)
  case every
  case matching(field: String, pattern: ElementPattern, value: String)

  static func parse(_ path: Replacement.Path) throws -> [TargetStep] {
    let location = path.location
    var parts = ReplacementPath.split(path.text)
    // `.metadata.name` (how kubebuilder writes paths) starts at the object, as without the dot.
    if parts.count > 1 && parts[0].isEmpty { parts.removeFirst() }
    return try parts.map { part in
      if let index = ReplacementPath.integer(part), index >= 0 { return .index(index) }
      if ReplacementPath.isListElement(part) {
        let (field, value) = try ReplacementPath.fieldAndValue(part, at: location)
        do {
          return .matching(field: field, pattern: try ElementPattern(value), value: value)
        } catch {
          throw Diagnostic.error(ReplacementMessages.badPattern(part, "\(error)"), at: location)
        }
      }
      if part == "*" { return .every }
      return .field(part)
    }
  }

  /// The kind of node a missing part is created as, from the part after it.
  static func containerKind(before next: TargetStep?) -> ContainerKind {
    switch next {
    case .field?: .mapping
    case .index?, .matching?: .sequence
    case .every?: .mapping
    case nil: .leaf
    }
  }

  enum ContainerKind { case mapping, sequence, leaf }
}

/// The value of a `[field=value]` target step: Go's `regexp.MatchString`, a match anywhere in
/// the text. A plain word (most are container or variable names) is looked for as it is.
struct ElementPattern: Sendable {
  private let literal: [UInt8]?
  private let regex: RE2Regex?

  init(_ pattern: String) throws {
    if pattern.unicodeScalars.allSatisfy({ !"\\.+*?()|[]{}^$".unicodeScalars.contains($0) }) {
      literal = Array(pattern.utf8)
      regex = nil
    } else {
      literal = nil
      regex = try RE2Regex(pattern)
    }
  }

  func matches(_ text: String) -> Bool {
    guard let literal else { return regex?.matches(text) ?? false }
    if literal.isEmpty { return true }
    let bytes = Array(text.utf8)
    guard bytes.count >= literal.count else { return false }
    for start in 0...(bytes.count - literal.count) where bytes[start..<start + literal.count].elementsEqual(literal) {
      return true
    }
    return false
  }
}

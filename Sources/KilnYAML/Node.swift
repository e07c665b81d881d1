/// A YAML node: a scalar, a mapping or a sequence, with the place it came from.
///
/// Mappings keep their entries in input order; the emitter sorts keys when it writes them.
/// Equality compares content only (values, resolved tags), never locations or quoting style,
/// so tests can compare a parsed tree with one built by hand.
public struct Node: Sendable {
  public enum Value: Sendable {
    case scalar(Scalar)
    case mapping([MapEntry])
    case sequence([Node])
  }

  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation = .unknown) {
    self.value = value
    self.location = location
  }
}

/// One `key: value` pair. Keys are always strings: a plain key that YAML would read as a
/// number, boolean or null is refused by the parser, because Kubernetes turns such keys into
/// strings in ways nobody expects.
public struct MapEntry: Sendable {
  public var key: String
  public var keyLocation: SourceLocation
  public var value: Node

  public init(key: String, keyLocation: SourceLocation = .unknown, value: Node) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}

/// A scalar's text and what it resolves to.
public struct Scalar: Sendable, Hashable {
  /// The scalar's value after YAML unescaping and folding, exactly as spelled in the source
  /// (`0x1F` stays `0x1F`: kiln build never rewrites number spellings).
  public var text: String
  public var tag: ScalarTag
  /// How the source wrote it. The emitter does not copy it; it only tells "plain" apart.
  public var style: ScalarStyle

  public init(_ text: String, tag: ScalarTag = .string, style: ScalarStyle = .plain) {
    self.text = text
    self.tag = tag
    self.style = style
  }

  public static func == (a: Scalar, b: Scalar) -> Bool { a.text == b.text && a.tag == b.tag }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(tag)
  }
}

/// The type a scalar resolves to.
public enum ScalarTag: UInt8, Sendable, Hashable, CustomStringConvertible {
  case string, int, float, bool, null, timestamp

  public var description: String {
    switch self {
    case .string: "string"
    case .int: "integer"
    case .float: "number"
    case .bool: "boolean"
    case .null: "null"
    case .timestamp: "timestamp"
    }
  }
}

public enum ScalarStyle: UInt8, Sendable, Hashable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

extension Node: Equatable {
  public static func == (a: Node, b: Node) -> Bool {
    switch (a.value, b.value) {
    case (.scalar(let x), .scalar(let y)): return x == y
    case (.sequence(let x), .sequence(let y)): return x == y
    case (.mapping(let x), .mapping(let y)):
      guard x.count == y.count else { return false }
      // Key order is not meaning: compare as dictionaries.
      for entry in x {
        guard let other = y.first(where: { $0.key == entry.key }), other.value == entry.value
        else { return false }
      }
      return true
    default: return false
    }
  }
}

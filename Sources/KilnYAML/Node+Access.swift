/// Building and reading nodes without pattern matching at every call site.
extension Node {
  /// A string scalar, styled as a YAML writer would write it: plain unless YAML 1.1 would read
  /// the text as something else. (The emitter decides quoting itself; the style matters to
  /// strategic-merge patches, which keep a replaced value's style, as Kustomize does.)
  public static func string(_ text: String, at location: SourceLocation = .unknown) -> Node {
    let style: ScalarStyle = ScalarResolver.resolvePlain(text) == .string ? .plain : .doubleQuoted
    return Node(.scalar(Scalar(text, tag: .string, style: style)), at: location)
  }

  public static func int(_ value: Int, at location: SourceLocation = .unknown) -> Node {
    Node(.scalar(Scalar(String(value), tag: .int)), at: location)
  }

  public static func bool(_ value: Bool, at location: SourceLocation = .unknown) -> Node {
    Node(.scalar(Scalar(value ? "true" : "false", tag: .bool)), at: location)
  }

  public static func null(at location: SourceLocation = .unknown) -> Node {
    Node(.scalar(Scalar("null", tag: .null)), at: location)
  }

  public static func mapping(_ entries: [MapEntry], at location: SourceLocation = .unknown) -> Node {
    Node(.mapping(entries), at: location)
  }

  /// A mapping from pairs, in the order given.
  public static func mapping(_ pairs: KeyValuePairs<String, Node>, at location: SourceLocation = .unknown) -> Node {
    Node(.mapping(pairs.map { MapEntry(key: $0.key, keyLocation: location, value: $0.value) }), at: location)
  }

  public static func sequence(_ items: [Node], at location: SourceLocation = .unknown) -> Node {
    Node(.sequence(items), at: location)
  }

  public var scalar: Scalar? {
    if case .scalar(let s) = value { return s }
    return nil
  }

  /// The text of a string scalar; nil for numbers, booleans, null, collections.
  public var string: String? {
    if case .scalar(let s) = value, s.tag == .string { return s.text }
    return nil
  }

  /// The text of any scalar but a null: what Go code reading the field as a string sees.
  public var scalarText: String? {
    if case .scalar(let s) = value, s.tag != .null { return s.text }
    return nil
  }

  public var entries: [MapEntry]? {
    if case .mapping(let e) = value { return e }
    return nil
  }

  public var items: [Node]? {
    if case .sequence(let i) = value { return i }
    return nil
  }

  public var isMapping: Bool { if case .mapping = value { true } else { false } }
  public var isSequence: Bool { if case .sequence = value { true } else { false } }
  public var isNull: Bool { scalar?.tag == .null }

  /// "mapping", "sequence", "string", "integer", … for error messages.
  public var kindDescription: String {
    switch value {
    case .mapping: "mapping"
    case .sequence: "sequence"
    case .scalar(let s): s.tag.description
    }
  }

  /// Number of nodes in this tree (itself included); used to bound alias expansion.
  public var nodeCount: Int {
    switch value {
    case .scalar: 1
    case .sequence(let items): items.reduce(1) { $0 + $1.nodeCount }
    case .mapping(let entries): entries.reduce(1) { $0 + 1 + $1.value.nodeCount }
    }
  }

  /// Bytes of text in this tree, scalars and mapping keys (UTF-8); used to bound alias
  /// expansion, where one big string repeated is as costly as many nodes.
  public var textByteCount: Int {
    switch value {
    case .scalar(let s): s.text.utf8.count
    case .sequence(let items): items.reduce(0) { $0 + $1.textByteCount }
    case .mapping(let entries): entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.textByteCount }
    }
  }

  /// The entry for `key`, or nil when this is not a mapping or has no such key.
  /// Setting nil removes the key; setting a value on a non-mapping does nothing.
  public subscript(key: String) -> Node? {
    get {
      guard case .mapping(let entries) = value else { return nil }
      // Index loop: iterating `for entry in entries` would copy (and retain) every entry.
      var i = 0
      while i < entries.count {
        if entries[i].key.isSameKey(as: key) { return entries[i].value }
        i += 1
      }
      return nil
    }
    set {
      withEntries { entries in
        if let index = entries.firstIndex(where: { $0.key.isSameKey(as: key) }) {
          if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
        } else if let newValue {
          entries.append(MapEntry(key: key, keyLocation: newValue.location, value: newValue))
        }
      }
    }
  }

  /// The node at `path` (mapping keys only), if every step exists.
  public func value(at path: some Sequence<String>) -> Node? {
    var current = self
    for key in path {
      guard let next = current[key] else { return nil }
      current = next
    }
    return current
  }

  /// Mutates this mapping's entries in place (no copy of the entry array). Returns nil, and
  /// does nothing, when this node is not a mapping.
  @discardableResult
  public mutating func withEntries<R>(_ body: (inout [MapEntry]) throws -> R) rethrows -> R? {
    guard case .mapping(var entries) = value else { return nil }
    value = .sequence([])  // drop our reference so `entries` is uniquely owned
    defer { value = .mapping(entries) }
    return try body(&entries)
  }

  /// Mutates this sequence's items in place. Returns nil when this node is not a sequence.
  @discardableResult
  public mutating func withItems<R>(_ body: (inout [Node]) throws -> R) rethrows -> R? {
    guard case .sequence(var items) = value else { return nil }
    value = .sequence([])
    defer { value = .sequence(items) }
    return try body(&items)
  }

  /// Mutates the value under `key` in place; creates it with `create()` first when missing
  /// and `create` is given. Returns nil when this is not a mapping or the key is missing.
  @discardableResult
  public mutating func withValue<R>(
    forKey key: String, creating create: (() -> Node)? = nil, _ body: (inout Node) throws -> R
  ) rethrows -> R? {
    let result: R?? = try withEntries { entries -> R? in
      var index = entries.firstIndex(where: { $0.key.isSameKey(as: key) })
      if index == nil, let create {
        let made = create()
        entries.append(MapEntry(key: key, keyLocation: made.location, value: made))
        index = entries.count - 1
      }
      guard let index else { return nil }
      return try body(&entries[index].value)
    }
    return result ?? nil
  }
}

extension MapEntry {
  /// The entry with its value as the string it was written as (`5` → "5", `~` → "~"); a list or
  /// map becomes "". Go code reading a `map[string]string` sees values this way.
  public var withTextValue: MapEntry {
    var text = self
    text.value = .string(value.scalar?.text ?? "", at: value.location)
    return text
  }
}

extension String {
  /// Equality of mapping keys, answering at once for keys of different lengths (most keys a
  /// lookup passes): a length is stored in the string, while a full comparison is a call into
  /// the standard library for every key of every mapping a transform looks into. Keys of
  /// different bytes are different keys, as they are to Go, even where Unicode would call
  /// them equivalent.
  @inline(__always)
  public func isSameKey(as other: String) -> Bool {
    utf8.count == other.utf8.count && self == other
  }
}

import KilnYAML

/// Finds (and with `create`, makes) the fields a target path reaches in one object, the way
/// Kustomize's `PathMatcher` does, and hands each to a closure to rewrite.
///
/// - A missing field is made when creating: a map, or a list when the next part is an index or a
///   `[field=value]`, or at the end of the path, `create` itself (the kind of the value).
/// - An index one past the end appends when creating; further is an error.
/// - `[field=value]` with no match appends `{field: value}` (`[=value]`: `value`) when creating.
/// - A null on the way has nothing in it; when creating, what is made inside it is lost, as it
///   is in Kustomize (the null stays).
/// - `[=value]` stands for the element itself, whatever follows it in the path.
struct TargetWalk {
  /// The node to make at the end of the path, or nil when not creating.
  let create: Node?
  /// The field path, for errors.
  let location: SourceLocation
  /// What is being looked for, to begin errors with.
  let context: String

  /// The number of fields reached.
  func walk(_ node: inout Node, _ steps: ArraySlice<TargetStep>, _ body: (inout Node) throws -> Void) throws -> Int {
    guard let step = steps.first else {
      try body(&node)
      return 1
    }
    let rest = steps.dropFirst()
    if node.isNull {
      switch step {
      case .index(let i) where create == nil:
        throw Diagnostic.error(context + ": " + ReplacementMessages.indexBeyondEnd(i, count: 0), at: location)
      case _ where create == nil:
        return 0
      case .field:
        var scratch = Node.mapping([MapEntry]())
        return try walk(&scratch, steps, body)
      default:
        var scratch = Node.sequence([])
        return try walk(&scratch, steps, body)
      }
    }
    switch step {
    case .field(let key) where key.isEmpty:
      // Kustomize reads an empty part (`a..b`) as "this scalar, if it is empty".
      guard let scalar = node.scalar else { throw wrongKind(key, expected: "scalar", node) }
      return scalar.text.isEmpty || create != nil ? try walk(&node, rest, body) : 0
    case .field(let key):
      guard node.isMapping else { throw wrongKind(key, expected: "mapping", node) }
      let made = create.map { _ in newNode(before: rest.first) }
      return try node.withValue(forKey: key, creating: made.map { made in { made } }) { value in
        try walk(&value, rest, body)
      } ?? 0
    case .index(let i):
      guard node.isSequence else { throw wrongKind(String(i), expected: "list", node) }
      return try node.withItems { items in
        if items.count == i, create != nil { items.append(newNode(before: rest.first)) }
        guard i < items.count else {
          throw Diagnostic.error(
            context + ": " + ReplacementMessages.indexBeyondEnd(i, count: items.count), at: location)
        }
        return try walk(&items[i], rest, body)
      } ?? 0
    case .every:
      guard node.isSequence else { throw wrongKind("*", expected: "list", node) }
      return try node.withItems { items in
        var count = 0
        for i in items.indices { count += try walk(&items[i], rest, body) }
        return count
      } ?? 0
    case .matching(let field, let pattern, let value):
      guard node.isSequence else { throw wrongKind("[\(field)=\(value)]", expected: "list", node) }
      return try node.withItems { items in
        var count = 0
        for i in items.indices {
          if field.isEmpty {
            guard pattern.matches(Self.matchText(items[i])) else { continue }
            try body(&items[i])
            count += 1
          } else if let fieldValue = items[i][field], pattern.matches(Self.matchText(fieldValue)) {
            count += try walk(&items[i], rest, body)
          }
        }
        guard count == 0, create != nil else { return count }
        let text = Node(.scalar(Scalar(value, tag: ScalarResolver.resolvePlain(value, dialect: .yaml12))))
        if field.isEmpty {
          items.append(text)
          try body(&items[items.count - 1])
          return 1
        }
        items.append(.mapping([MapEntry(key: field, value: text)]))
        return try walk(&items[items.count - 1], rest, body)
      } ?? 0
    }
  }

  private func newNode(before next: TargetStep?) -> Node {
    switch TargetStep.containerKind(before: next) {
    case .mapping: .mapping([MapEntry]())
    case .sequence: .sequence([])
    case .leaf: create ?? .null()
    }
  }

  private func wrongKind(_ step: String, expected: String, _ node: Node) -> Diagnostic {
    .error(
      context + ": " + ReplacementMessages.wrongKind(step, expected: expected, found: node.kindDescription),
      at: location)
  }

  /// The text Kustomize matches a `[field=value]` pattern against: the YAML of the value, so a
  /// quoted scalar keeps its quotes.
  static func matchText(_ node: Node) -> String {
    guard let scalar = node.scalar else {
      return YAMLEmitter.renderString([node]).trimmingSpace()
    }
    switch scalar.style {
    case .doubleQuoted: return "\"" + scalar.text + "\""
    case .singleQuoted: return "'" + scalar.text + "'"
    default: return scalar.text.trimmingSpace()
    }
  }
}

extension String {
  /// Go's `strings.TrimSpace` for ASCII white space.
  func trimmingSpace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}

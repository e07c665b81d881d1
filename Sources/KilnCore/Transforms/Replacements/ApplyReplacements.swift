import KilnYAML

/// `replacements`: copies a value from one object into fields of others, each replacement in
/// turn (a later one sees what an earlier one wrote), as Kustomize's ReplacementTransformer does.
///
/// - The source must select exactly one object; its `fieldPath` must hold something (not null,
///   not an empty map or list). With `options.delimiter`, the value is part `index` of it.
/// - Each target writes into every field its `fieldPaths` reach in every object it selects; a
///   path that reaches nothing is an error, unless `options.create` makes the missing fields.
/// - Selectors compare whole values with the object's current id and every id it had before
///   (a name before a prefix, a namespace before `namespace:`), as Kustomize does.
/// - Writing into a scalar copies the text only and keeps the field's type: `replicas: 1`
///   given `"3"` becomes 3, an annotation given 3 becomes "3". A text the field's type cannot
///   hold (`abc` into an integer) fails, as it fails kubectl. A created scalar takes the type its
///   text reads as. A map or list field is replaced by the value whole.
public struct ApplyReplacements: Transform {
  public let replacements: [Replacement]
  public var name: String { "ApplyReplacements" }

  /// Each target field path read once (its patterns compiled once), by replacement, target and
  /// path; a path that cannot be read fails when its replacement runs.
  let targetSteps: [[[Result<[TargetStep], Diagnostic>]]]

  public init(replacements: [Replacement]) {
    self.replacements = replacements
    targetSteps = replacements.map { replacement in
      replacement.targets.map { target in
        target.fieldPaths.map { path in
          Result { try TargetStep.parse(path) }.mapError {
            $0 as? Diagnostic ?? Diagnostic.error("\($0)", at: path.location)
          }
        }
      }
    }
  }

  public func apply(to resources: inout [Resource]) throws {
    var index = ReplacementIndex(resources)
    try apply(to: &resources, index: &index)
  }

  /// The same with an index of `resources` kept by the caller, brought up to date here. Tells
  /// whether a write may have changed an image (`mayChangeImages`).
  @discardableResult
  func apply(to resources: inout [Resource], index: inout ReplacementIndex) throws -> Bool {
    index.extend(resources)
    var images = false
    for (r, replacement) in replacements.enumerated() {
      let value = try sourceValue(replacement, in: resources, index: index)
      for (t, target) in replacement.targets.enumerated() {
        let select = try CompiledSelector(target.select)
        let rejects = try target.reject.map(CompiledSelector.init)
        let paths = try zip(target.fieldPaths, targetSteps[r][t]).map { path, steps in (path, try steps.get()) }
        let renames = paths.contains { Self.mayChangeID($0.1) }
        images = images || paths.contains { Self.mayChangeImages($0.1, writing: value) }
        for i in index.candidates(target.select) where Self.selects(resources[i], select, rejects) {
          for (path, steps) in paths {
            try write(value, into: &resources[i], steps, path: path, options: target.options)
          }
          if renames { index.add(i, resources[i]) }
        }
      }
    }
    return images
  }

  /// Whether a field spec's path and a replacement's path meet: one leads into the other. Map keys
  /// are `.key`, list elements `nil`; a spec's `.list(name)` is the key and then its elements.
  static func meet(_ spec: [FieldSpec.Step], _ path: [FieldSpec.Step?]) -> Bool {
    var flat: [FieldSpec.Step?] = []
    for step in spec {
      switch step {
      case .key: flat.append(step)
      case .list(let name): flat += [.key(name), nil]
      }
    }
    for (a, b) in zip(flat, path) where a != b { return false }
    return true
  }

  // MARK: - Source

  private func sourceValue(_ replacement: Replacement, in resources: [Resource], index: ReplacementIndex) throws -> Node
  {
    let source = replacement.source
    let selector = try CompiledSelector(source.selector)
    var found: Int?
    for i in index.candidates(source.selector) where selector.matchesAnyID(of: resources[i]) {
      if let first = found {
        throw Diagnostic.error(
          ReplacementMessages.manySelected(source.selector.idDescription, resources[first].id, resources[i].id),
          at: replacement.location)
      }
      found = i
    }
    guard let found else {
      throw Diagnostic.error(
        ReplacementMessages.nothingSelected(source.selector.idDescription), at: replacement.location)
    }
    let steps = try SourceStep.parse(source.fieldPath.text, at: source.fieldPath.location)
    let node = try Self.lookup(resources[found].node, steps, at: source.fieldPath.location)
    guard var value = node, !Self.isNullOrEmpty(value) else {
      throw Diagnostic.error(
        ReplacementMessages.sourceFieldMissing(source.fieldPath.text, in: resources[found].id),
        at: source.fieldPath.location)
    }
    let options = source.options
    guard !options.delimiter.isEmpty else { return value }
    guard case .scalar(var scalar) = value.value else {
      throw Diagnostic.error(ReplacementMessages.delimiterNeedsScalar, at: source.fieldPath.location)
    }
    let parts = Self.split(scalar.text, at: options.delimiter)
    guard options.index >= 0, options.index < parts.count else {
      throw Diagnostic.error(
        ReplacementMessages.indexOutOfBounds(options.index, scalar.text), at: source.fieldPath.location)
    }
    scalar.text = parts[options.index]
    value.value = .scalar(scalar)
    return value
  }

  /// Kustomize's `PathGetter` over one object: nil when the path leads nowhere.
  static func lookup(_ node: Node, _ steps: [SourceStep], at location: SourceLocation) throws -> Node? {
    var current = node
    for step in steps {
      if current.isNull { return nil }
      switch step {
      case .field(let key):
        guard current.isMapping else { throw wrongKind(step, expected: "mapping", current, location) }
        guard let next = current[key] else { return nil }
        current = next
      case .index(let i):
        guard let items = current.items else { throw wrongKind(step, expected: "list", current, location) }
        guard i < items.count else { return nil }
        current = items[i]
      case .last:
        guard let items = current.items else { throw wrongKind(step, expected: "list", current, location) }
        guard let last = items.last else { return nil }
        current = last
      case .element(let field, let value):
        guard let items = current.items else { throw wrongKind(step, expected: "list", current, location) }
        let match = items.first { item in
          field.isEmpty ? item.scalar?.text == value : item.isMapping && item[field]?.scalar?.text == value
        }
        guard let match else { return nil }
        current = match
      }
    }
    return current
  }

  static func isNullOrEmpty(_ node: Node) -> Bool {
    switch node.value {
    case .scalar(let scalar): scalar.tag == .null
    case .mapping(let entries): entries.isEmpty
    case .sequence(let items): items.isEmpty
    }
  }

  // MARK: - Targets

  /// Kustomize's target choice: the label and annotation selectors of `select` must match and
  /// none of a reject's; then some id of the object must match `select`'s, and no id any
  /// reject's (a reject with neither only works through its selectors).
  static func selects(_ resource: Resource, _ select: CompiledSelector, _ rejects: [CompiledSelector]) -> Bool {
    guard select.matchesSelectors(resource) else { return false }
    for reject in rejects where reject.hasSelectors {
      if reject.matchesSelectors(resource) { return false }
    }
    guard select.matchesAnyID(of: resource) else { return false }
    return !rejects.contains { !$0.selector.namesNoID && $0.matchesAnyID(of: resource) }
  }

  /// A write to `kind`, `apiVersion`, `metadata.name` or `metadata.namespace` (or to the whole
  /// `metadata`, or through a step that is not a key) may give the object a new id; a write
  /// under `metadata.annotations` or `metadata.labels`, as in kubebuilder's CA injection,
  /// cannot.
  static func mayChangeID(_ steps: [TargetStep]) -> Bool {
    guard case .field(let first)? = steps.first else { return steps.first.map { _ in true } ?? false }
    if first == "kind" || first == "apiVersion" { return true }
    guard first == "metadata" else { return false }
    guard steps.count > 1, case .field(let second) = steps[1] else { return true }
    return second == "name" || second == "namespace"
  }

  private func write(
    _ value: Node, into resource: inout Resource, _ steps: [TargetStep], path: Replacement.Path,
    options: Replacement.Options
  ) throws {
    let id = resource.id
    let leaf: Node
    switch value.value {
    case .scalar: leaf = Node(.scalar(Scalar("", tag: .null)), at: Self.created)
    case .mapping: leaf = .mapping([MapEntry](), at: Self.created)
    case .sequence: leaf = .sequence([], at: Self.created)
    }
    let missing = ReplacementMessages.targetFieldMissing(path.text, in: id, create: options.create)
    let walk = TargetWalk(create: options.create ? leaf : nil, location: path.location, context: missing)
    let matches = try walk.walk(
      &resource.node, steps[...]
    ) { field in
      try Self.set(&field, to: value, options: options, at: path.location)
    }
    if matches == 0 { throw Diagnostic.error(missing, at: path.location) }
  }

  /// Where scalars made by `create` come from: Kustomize makes them without a type, so the
  /// text they are given decides it.
  static let created = SourceLocation.generated(by: "ApplyReplacements")

  static func set(_ field: inout Node, to value: Node, options: Replacement.Options, at location: SourceLocation)
    throws
  {
    var text = value.scalar?.text ?? ""
    if !options.delimiter.isEmpty {
      guard let current = field.scalar else {
        throw Diagnostic.error(ReplacementMessages.delimiterNeedsScalar, at: location)
      }
      var parts = split(current.text, at: options.delimiter)
      if options.index < 0 {
        parts.insert(text, at: 0)
      } else if options.index >= parts.count {
        parts.append(text)
      } else {
        parts[options.index] = text
      }
      text = parts.joined(separator: options.delimiter)
    }
    guard case .scalar(var scalar) = field.value else {
      try checkReadable(value, at: location)
      field = value
      return
    }
    if field.location == created {
      scalar = Scalar(text, tag: ScalarResolver.resolvePlain(text, dialect: .yaml12))
    } else {
      guard readable(text, as: scalar.tag) else {
        throw Diagnostic.error(ReplacementMessages.unreadable(text, as: scalar.tag), at: location)
      }
      scalar.text = text
      field.location = value.location
    }
    field.value = .scalar(scalar)
  }

  /// Whether goyaml.v3 reads `text` as a value of type `tag` (what kubectl does to every
  /// object once the transformers are done).
  static func readable(_ text: String, as tag: ScalarTag) -> Bool {
    if tag == .string { return true }
    let read = ScalarResolver.resolvePlain(text, dialect: .yaml12)
    return read == tag || (tag == .float && read == .int)
  }

  private static func checkReadable(_ value: Node, at location: SourceLocation) throws {
    if let scalar = value.scalar, !readable(scalar.text, as: scalar.tag) {
      throw Diagnostic.error(ReplacementMessages.unreadable(scalar.text, as: scalar.tag), at: location)
    }
  }

  /// Go's `strings.Split` with a non-empty separator.
  static func split(_ text: String, at separator: String) -> [String] {
    let bytes = Array(text.utf8)
    let sep = Array(separator.utf8)
    var parts: [String] = []
    var start = 0
    var i = 0
    while i + sep.count <= bytes.count {
      if bytes[i..<i + sep.count].elementsEqual(sep) {
        parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
        i += sep.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(String(decoding: bytes[start...], as: UTF8.self))
    return parts
  }

  static func wrongKind(_ step: SourceStep, expected: String, _ node: Node, _ location: SourceLocation) -> Diagnostic {
    .error(ReplacementMessages.wrongKind("\(step)", expected: expected, found: node.kindDescription), at: location)
  }
}

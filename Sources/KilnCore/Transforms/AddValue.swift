public import KilnYAML

/// A ValueAddTransformer plugin: one value written at each target's field path, in the objects
/// the target's selector picks (all of them without one), as Kustomize's `valueadd` filter
/// writes it.
///
/// - The path is `/`-separated map keys (`\/` inside a key); missing maps and the field are
///   created. A list or map at the end is an error.
/// - With a `filePathPosition` p > 0, the value is inserted into the old value as a path
///   segment before its segment p (1 prefixes, a large p appends).
/// - `metadata/namespace` moves the object as `namespace:` would (`SetNamespace`).
public struct AddValue: Transform {
  public var name: String { "AddValue" }

  public struct Target: Sendable {
    public var selector: PatchTarget?
    public var fieldPath: String
    public var filePathPosition: Int
    public var location: SourceLocation

    public init(selector: PatchTarget?, fieldPath: String, filePathPosition: Int, at location: SourceLocation) {
      self.selector = selector
      self.fieldPath = fieldPath
      self.filePathPosition = filePathPosition
      self.location = location
    }
  }

  public let value: String
  public let targets: [Target]

  public init(value: String, targets: [Target]) {
    self.value = value
    self.targets = targets
  }

  public func apply(to resources: inout [Resource]) throws {
    for target in targets {
      let selector = try target.selector.map { try TargetSelector($0) }
      let selected = resources.indices.filter { selector?.selects(resources[$0]) ?? true }
      if target.fieldPath == "metadata/namespace" {
        var part = selected.map { resources[$0] }
        try SetNamespace(namespace: .string(value, at: target.location), fieldSpecs: []).apply(to: &part)
        for (k, index) in selected.enumerated() { resources[index] = part[k] }
        continue
      }
      let keys = Self.keys(target.fieldPath)
      for index in selected {
        try set(in: &resources[index].node, keys[...], target)
      }
    }
  }

  /// The path's keys: split at `/`, a key ending in `\` joined with the next.
  public static func keys(_ path: String) -> [String] {
    var keys: [String] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if let last = keys.last, last.hasSuffix("\\") {
        keys[keys.count - 1] = last.dropLast() + "/" + part
      } else {
        keys.append(String(part))
      }
    }
    return keys
  }

  private func set(in node: inout Node, _ keys: ArraySlice<String>, _ target: Target) throws {
    guard let key = keys.first else {
      guard node.isNull || node.scalar != nil else {
        throw Diagnostic.error(
          "ValueAddTransformer: \(target.fieldPath) holds a \(node.kindDescription), not a value", at: node.location)
      }
      node = newValue(over: node, target)
      return
    }
    if node.isNull { node = Node(.mapping([]), at: .generated(by: name)) }
    guard node.isMapping else {
      throw Diagnostic.error(
        "ValueAddTransformer: \(target.fieldPath) meets a \(node.kindDescription) at \"\(key)\", where a map is needed",
        at: node.location)
    }
    var failure: (any Error)?
    node.withValue(forKey: key, creating: { Node.null(at: .generated(by: name)) }) { child in
      do { try set(in: &child, keys.dropFirst(), target) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// The new scalar, in the old one's quoting; read as a plain scalar reads when not quoted.
  private func newValue(over old: Node, _ target: Target) -> Node {
    let oldText = old.isNull ? "" : old.scalar?.text ?? ""
    let text =
      target.filePathPosition > 0 ? Self.insertPathPart(oldText, at: target.filePathPosition - 1, value) : value
    let style = old.isNull ? .plain : old.scalar?.style ?? .plain
    let tag = style == .plain ? ScalarResolver.resolvePlain(text, dialect: .yaml12) : .string
    return Node(.scalar(Scalar(text, tag: tag, style: style)), at: target.location)
  }

  /// `part` as a new segment of `path` before its segment `position` (from 0), a leading
  /// `/` kept; `position` past the end appends.
  public static func insertPathPart(_ path: String, at position: Int, _ part: String) -> String {
    guard !part.isEmpty else { return path }
    let absolute = path.hasPrefix("/")
    var segments = path.split(separator: "/").map(String.init)
    let at = min(max(position, 0), segments.count)
    segments.insert(part, at: at)
    return (absolute ? "/" : "") + segments.joined(separator: "/")
  }
}

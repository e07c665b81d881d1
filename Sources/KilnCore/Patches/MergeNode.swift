import KilnYAML

/// A YAML node with identity, for the strategic merge.
///
/// Kustomize's merge works on shared, mutable nodes: it merges a patch into an object in place,
/// keeps the same element in two lists at once and later replaces one by the other. Its
/// results (which element wins, where it lands) depend on that sharing, so the merge runs on
/// this reference tree and converts back to `Node` at the end.
final class MergeNode {
  enum Kind { case scalar, mapping, sequence }

  var kind: Kind
  var scalar: Scalar
  var entries: [Entry]
  var items: [MergeNode]
  var location: SourceLocation
  /// A null the merge kept (`key: null` of the object): kyaml re-creates it untagged, so it is
  /// set rather than taken for a deletion.
  var keepsNull = false

  struct Entry {
    var key: String
    var keyLocation: SourceLocation
    var value: MergeNode
  }

  init(
    kind: Kind, scalar: Scalar = Scalar(""), entries: [Entry] = [], items: [MergeNode] = [], location: SourceLocation
  ) {
    self.kind = kind
    self.scalar = scalar
    self.entries = entries
    self.items = items
    self.location = location
  }

  convenience init(_ node: Node) {
    switch node.value {
    case .scalar(let s):
      self.init(kind: .scalar, scalar: s, location: node.location)
    case .mapping(let e):
      self.init(
        kind: .mapping, entries: e.map { Entry(key: $0.key, keyLocation: $0.keyLocation, value: MergeNode($0.value)) },
        location: node.location)
    case .sequence(let i):
      self.init(kind: .sequence, items: i.map(MergeNode.init), location: node.location)
    }
  }

  /// A plain scalar made by the merge (Kustomize's untagged scalars resolve like plain text).
  static func plain(_ text: String, at location: SourceLocation) -> MergeNode {
    MergeNode(
      kind: .scalar, scalar: Scalar(text, tag: ScalarResolver.resolvePlain(text, dialect: .yaml12)), location: location)
  }

  var node: Node {
    switch kind {
    case .scalar: Node(.scalar(scalar), at: location)
    case .mapping:
      Node(
        .mapping(entries.map { MapEntry(key: $0.key, keyLocation: $0.keyLocation, value: $0.value.node) }), at: location
      )
    case .sequence: Node(.sequence(items.map(\.node)), at: location)
    }
  }

  var isNull: Bool { kind == .scalar && scalar.tag == .null }
  var isEmptyMapping: Bool { kind == .mapping && entries.isEmpty }

  /// The text Kustomize compares keys by: a scalar's text, empty for collections.
  var text: String { kind == .scalar ? scalar.text : "" }

  /// The first value under `key` of a mapping.
  func field(_ key: String) -> MergeNode? {
    guard kind == .mapping else { return nil }
    for entry in entries where entry.key == key { return entry.value }
    return nil
  }

  /// Removes the first entry named `key`.
  func removeField(_ key: String) {
    if let i = entries.firstIndex(where: { $0.key == key }) { entries.remove(at: i) }
  }

  /// Makes this node hold what `other` holds (Kustomize's `SetYNode`): it keeps its identity.
  func take(_ other: MergeNode) {
    guard other !== self else { return }
    kind = other.kind
    scalar = other.scalar
    entries = other.entries
    items = other.items
    location = other.location
  }

  /// Field names, each once, in byte order (the order Kustomize merges them in).
  static func fieldNames(_ a: MergeNode?, _ b: MergeNode?) -> [String] {
    var names: [String] = []
    var seen = Set<String>()
    for node in [a, b] {
      guard let node, node.kind == .mapping else { continue }
      for entry in node.entries where seen.insert(entry.key).inserted { names.append(entry.key) }
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

/// Missing, or a null scalar (`null`, `~`, or nothing at all after the colon).
func isMissingOrNull(_ node: MergeNode?) -> Bool { node?.isNull ?? true }

import KilnYAML

/// Rewrites one referring field of one object (one row of `NameReferenceTable` applied to one
/// referrer), as Kustomize's name-reference filter does:
///
/// - the path is walked through mappings, and through every element of a list met on the way;
///   a missing or null field ends the walk quietly; a scalar on the way is an error;
/// - a scalar at the end is a name; a mapping holds `name` (required) and maybe `namespace`,
///   and gets the chosen object's name and namespace; a list holds either, item by item (null
///   items are skipped).
struct ReferringFieldUpdate {
  let referrals: Referrals
  let referrer: Referrals.Referrer
  let field: NameReferenceTable.ReferringField
  /// For `roleRef/name`: the roleRef's `apiGroup` and `kind`, which a candidate must have.
  let roleRef: (group: String, kind: String)?
  /// Original namespaces the referrer can see, worked out on first use.
  var visibleOriginalNamespaces: Set<String>?
  /// How a field holding just a name gets its new name.
  let rewrite: ScalarRewrite

  init(
    referrals: Referrals, referrer: Referrals.Referrer, field: NameReferenceTable.ReferringField, in node: Node,
    rewrite: ScalarRewrite = .asString
  ) {
    self.referrals = referrals
    self.referrer = referrer
    self.field = field
    self.rewrite = rewrite
    self.roleRef = Self.roleRef(of: node, for: field.spec)
  }

  /// Kustomize reads roleRef only for fields ending in `roleRef/name`, and only when roleRef,
  /// its apiGroup and its kind are all there (otherwise any Role or ClusterRole will do).
  private static func roleRef(of node: Node, for spec: FieldSpec) -> (group: String, kind: String)? {
    guard spec.path.count >= 2, spec.path.suffix(2).map(\.name) == ["roleRef", "name"],
      let roleRef = node["roleRef"], let group = roleRef["apiGroup"], let kind = roleRef["kind"]
    else { return nil }
    return (group.scalar?.text ?? "", kind.scalar?.text ?? "")
  }

  mutating func apply(to node: inout Node) throws {
    try visit(&node, field.steps[...])
  }

  /// Whether the walk of `steps` can find anything to rewrite or complain about in `node`: a
  /// read-only look, since most referring fields of a kind are absent from most objects.
  static func mayApply(to node: Node, _ steps: ArraySlice<String>) -> Bool {
    guard let key = steps.first else { return true }
    switch node.value {
    case .sequence(let items): return items.contains { mayApply(to: $0, steps) }
    case .mapping: return node[key].map { mayApply(to: $0, steps.dropFirst()) } ?? false
    case .scalar(let scalar): return scalar.tag != .null
    }
  }

  // MARK: - Walking

  private mutating func visit(_ node: inout Node, _ steps: ArraySlice<String>) throws {
    guard let key = steps.first else {
      try set(&node)
      return
    }
    switch node.value {
    case .sequence:
      try node.withItems { items in
        for i in items.indices { try visit(&items[i], steps) }
      }
    case .mapping:
      try node.withValue(forKey: key) { child in try visit(&child, steps.dropFirst()) }
    case .scalar(let scalar):
      guard scalar.tag != .null else { return }
      throw Diagnostic.referringFieldNotWalkable(field.spec, of: referrer.facts.id, found: node)
    }
  }

  private mutating func set(_ node: inout Node) throws {
    switch node.value {
    case .scalar(let scalar):
      if scalar.tag != .null { try setName(&node) }
    case .mapping:
      try setNameAndNamespace(&node)
    case .sequence:
      try node.withItems { items in
        for i in items.indices {
          switch items[i].value {
          case .scalar(let scalar): if scalar.tag != .null { try setName(&items[i]) }
          case .mapping: try setNameAndNamespace(&items[i])
          case .sequence:
            throw Diagnostic.referringListItemNotANameOrMapping(field.spec, of: referrer.facts.id, found: items[i])
          }
        }
      }
    }
  }

  // MARK: - Rewriting

  /// A field holding just a name.
  private func setName(_ node: inout Node) throws {
    let old = node.scalar?.text ?? ""
    let candidates = referrals.named(old, kind: field.target.kind).filter(isCandidate)
    switch referrals.choose(among: candidates, for: referrer, sameNamespaceToo: false) {
    case .none:
      return
    case .one(let index):
      let new = referrals.facts[index].name
      if new != old { node = rewrite.node(new, replacing: node) }
    case .ambiguous(let indices):
      throw Diagnostic.multipleReferrals(
        old, field: field.spec, of: referrer.facts.id, candidates: indices.map { referrals.facts[$0] },
        at: node.location)
    }
  }

  /// A `{name, namespace}` mapping: a namespace narrows the candidates to those that started
  /// in it (when any object the referrer can see did) or else are in it now, and the chosen
  /// object's namespace is written back (unless it has none).
  private mutating func setNameAndNamespace(_ node: inout Node) throws {
    guard let nameNode = node["name"] else {
      throw Diagnostic.referenceWithoutName(
        field.spec, of: referrer.facts.id, target: field.target.kind, at: node.location)
    }
    let old = nameNode.scalar?.text ?? ""
    var candidates = referrals.named(old, kind: field.target.kind).filter(isCandidate)
    if let namespaceNode = node["namespace"] {
      let namespace = namespaceNode.scalar?.text ?? ""
      if visibleOriginalNamespaces == nil {
        visibleOriginalNamespaces = referrals.originalNamespaces(visibleTo: referrer)
      }
      let byOrigin = visibleOriginalNamespaces?.contains(namespace) ?? false
      candidates = candidates.filter { index in
        let facts = referrals.facts[index]
        return !facts.clusterScoped && (byOrigin ? facts.originalNamespace : facts.effectiveNamespace) == namespace
      }
    }
    switch referrals.choose(among: candidates, for: referrer, sameNamespaceToo: true) {
    case .none:
      return
    case .one(let index):
      let chosen = referrals.facts[index]
      if chosen.name == old && chosen.namespace.isEmpty { return }
      node["name"] = .string(chosen.name, at: nameNode.location)
      if !chosen.namespace.isEmpty {
        node["namespace"] = .string(
          chosen.namespace, at: node["namespace"]?.location ?? .generated(by: "UpdateNameReferences"))
      }
    case .ambiguous(let indices):
      throw Diagnostic.multipleReferrals(
        old, field: field.spec, of: referrer.facts.id, candidates: indices.map { referrals.facts[$0] },
        at: nameNode.location)
    }
  }

  /// Rules 2 to 4 of `Referrals` (rule 1 is the index lookup).
  private func isCandidate(_ index: Int) -> Bool {
    let facts = referrals.facts[index]
    guard field.target.selects(group: facts.group, version: facts.version) else { return false }
    if let roleRef {
      if !roleRef.group.isEmpty && roleRef.group != facts.group { return false }
      if !roleRef.kind.isEmpty && roleRef.kind != facts.kind { return false }
    }
    return referrer.reaches(facts)
  }
}

import KilnYAML

/// Rewrites references (a Deployment's ConfigMap, a RoleBinding's subjects, an Ingress's
/// Service …) to the final names of the objects they name, once per build, after the hash
/// suffixes (Kustomize's `FixBackReferences`).
///
/// Reads: every field of `NameReferenceTable` in the objects of its referrer kinds, and the
/// names, namespaces, prefixes and suffixes each object has had (`Referrals`). Writes: those
/// fields, with the chosen object's current name (and namespace, for `{name, namespace}`
/// fields such as RBAC subjects and webhook services). A reference that matches no object of
/// the build stays as written; one that matches several different objects is an error.
///
/// Kustomize's quirks are kept: subjects are matched by name whatever their `kind` (a `User`
/// named like a renamed ServiceAccount follows it), and a RoleBinding's ServiceAccount
/// subject must write its namespace as a string.
public struct UpdateNameReferences: Transform {
  public var name: String { "UpdateNameReferences" }

  /// The name-reference rows: the top-level kustomization's configuration, Kustomize's table
  /// unless `configurations` (or `crds`) add to it.
  public var rows: [NameReferenceTable.Row]

  /// Rows for the objects of one component of a kiln project (by component name): a
  /// component's `configurations` are in force for its own objects only.
  public var componentRows: [String: [NameReferenceTable.Row]]

  /// How a field holding just a name is rewritten (`ScalarRewrite`).
  public var rewrite: ScalarRewrite

  public init(
    rows: [NameReferenceTable.Row] = NameReferenceTable.rows, componentRows: [String: [NameReferenceTable.Row]] = [:],
    rewrite: ScalarRewrite = .asString
  ) {
    self.rows = rows
    self.componentRows = componentRows
    self.rewrite = rewrite
  }

  public func apply(to resources: inout [Resource]) throws {
    let referrals = Referrals(resources)
    let byKind = NameReferenceTable.referringFields(rows, forKindsOf: resources)
    let byComponent = componentRows.mapValues { NameReferenceTable.referringFields($0, forKindsOf: resources) }
    // Each referrer changes only its own fields, reading the names recorded before the update:
    // the objects are updated on every core, in pieces, and their problems kept in order.
    let pieces = InParallel.ranges(resources.count, minimum: 64) { [resources, byKind, byComponent, rewrite] range in
      var updated: [(index: Int, node: Node)] = []
      var problems = DiagnosticCollector()
      for index in range {
        var node = resources[index].node
        // Like Kustomize, a referrer stops at its first problem; other referrers go on.
        let changed = problems.recording {
          let fields = resources[index].component.flatMap { byComponent[$0] } ?? byKind
          return try Self.update(&node, of: resources[index], at: index, referrals, fields, rewrite)
        }
        if changed == true { updated.append((index, node)) }
      }
      return (updated: updated, problems: problems.diagnostics)
    }
    var problems = DiagnosticCollector()
    for piece in pieces {
      for (index, node) in piece.updated { resources[index].node = node }
      piece.problems.forEach { problems.add($0) }
    }
    try problems.throwIfErrors()
  }

  /// Updates the references in `node` (the object at `index`); false when it has none to update.
  private static func update(
    _ node: inout Node, of resource: Resource, at index: Int, _ referrals: Referrals,
    _ byKind: [String: [NameReferenceTable.ReferringField]], _ rewrite: ScalarRewrite
  ) throws -> Bool {
    let facts = referrals.facts[index]
    guard let fields = byKind[facts.kind] else { return false }
    let type = Resource.TypeInfo(group: facts.group, version: facts.version, kind: facts.kind)
    let applicable = Self.fields(fields, of: type, presentIn: node)
    guard !applicable.isEmpty else { return false }
    let referrer = Referrals.Referrer(
      index: index, facts: facts, subjectNamespaces: try Self.subjectNamespaces(of: resource))
    for field in applicable {
      var update = ReferringFieldUpdate(
        referrals: referrals, referrer: referrer, field: field, in: node, rewrite: rewrite)
      try update.apply(to: &node)
    }
    return true
  }

  /// The rows of `fields` for objects of `type` that lead to something in `node`.
  private static func fields(
    _ fields: [NameReferenceTable.ReferringField], of type: Resource.TypeInfo, presentIn node: Node
  ) -> [NameReferenceTable.ReferringField] {
    fields.filter { $0.spec.applies(to: type) && ReferringFieldUpdate.mayApply(to: node, $0.steps[...]) }
  }

  /// The namespaces a RoleBinding (of any group) writes on its ServiceAccount subjects:
  /// ServiceAccounts there are visible to it. Kustomize requires such a namespace to be a
  /// string, and every subject to be a mapping with a string `kind` (it crashes otherwise).
  static func subjectNamespaces(of resource: Resource) throws -> Set<String> {
    guard resource.kind == "RoleBinding", let subjects = resource.node["subjects"]?.items else { return [] }
    var result: Set<String> = []
    for subject in subjects {
      guard subject.isMapping else { throw Diagnostic.subjectNotAMapping(of: resource.id, found: subject) }
      guard let namespace = subject["namespace"], let kind = subject["kind"] else { continue }
      guard let kindText = kind.string else { throw Diagnostic.subjectKindNotAString(of: resource.id, found: kind) }
      guard kindText == "ServiceAccount" else { continue }
      guard let text = namespace.string else {
        throw Diagnostic.subjectNamespaceNotAString(of: resource.id, found: namespace)
      }
      result.insert(text)
    }
    return result
  }
}

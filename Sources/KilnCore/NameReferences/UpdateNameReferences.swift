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

  public init() {}

  public func apply(to resources: inout [Resource]) throws {
    let referrals = Referrals(resources)
    var problems = DiagnosticCollector()
    for index in resources.indices {
      let facts = referrals.facts[index]
      guard let fields = NameReferenceTable.byReferrerKind[facts.kind] else { continue }
      let type = Resource.TypeInfo(group: facts.group, version: facts.version, kind: facts.kind)
      let applicable = Self.fields(fields, of: type, presentIn: resources[index].node)
      guard !applicable.isEmpty else { continue }
      // Like Kustomize, a referrer stops at its first problem; other referrers go on.
      problems.recording {
        let referrer = Referrals.Referrer(
          index: index, facts: facts, subjectNamespaces: try Self.subjectNamespaces(of: resources[index]))
        for field in applicable {
          var update = ReferringFieldUpdate(referrals: referrals, referrer: referrer, field: field, in: resources[index].node)
          try update.apply(to: &resources[index].node)
        }
      }
    }
    try problems.throwIfErrors()
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
      guard let text = namespace.string else { throw Diagnostic.subjectNamespaceNotAString(of: resource.id, found: namespace) }
      result.insert(text)
    }
    return result
  }
}

public import KilnYAML

/// Moves every namespaced object into one namespace (`namespace:`), as Kustomize does.
///
/// - Objects Kustomize knows to be cluster-scoped keep no namespace (`ClusterScope`).
/// - A `v1 Namespace` object is renamed to the target (so a base can ship its Namespace).
/// - RoleBinding/ClusterRoleBinding subjects named `default` (of any kind) follow it. Other
///   subjects, ServiceAccounts included, are Kustomize's reference update's business: they get
///   their ServiceAccount's final name and namespace at the end of the build
///   (`UpdateNameReferences`).
/// - An APIService's `spec.service.namespace` and a CRD's conversion webhook service follow.
/// - Every object's current name is recorded in `previousNames`, as Kustomize records every
///   object's id before it sets the namespace: the reference update matches on these.
public struct SetNamespace: Transform {
  public var name: String { "SetNamespace" }

  public var namespace: Node
  /// Where the namespace goes: `namespace` of the kustomization's configuration, or a
  /// NamespaceTransformer's own `fieldSpecs`.
  public var fieldSpecs: [FieldSpec] {
    didSet { dataSpecs = Self.dataSpecs(fieldSpecs) }
  }
  /// Only where no namespace is set yet, missing or empty (a NamespaceTransformer's
  /// `unsetOnly`): a namespace already set is kept, a Namespace keeps its name.
  public var unsetOnly = false
  /// Which RoleBinding and ClusterRoleBinding subjects are moved by hand (a
  /// NamespaceTransformer's `setRoleBindingSubjects`).
  public var subjects = SubjectMode.defaultOnly

  public enum SubjectMode: String, Sendable, CaseIterable {
    /// Subjects named `default`, of any kind.
    case defaultOnly
    /// None (the reference update still moves those naming a ServiceAccount of the build).
    case none
    /// Subjects of kind ServiceAccount.
    case allServiceAccounts
  }

  /// The specs not done by hand, with whether a Namespace is renamed.
  private var dataSpecs: (specs: [FieldSpec], renamesNamespaces: Bool)

  public init(namespace: Node, fieldSpecs: [FieldSpec] = BuiltinFieldSpecs.namespace) {
    self.namespace = namespace
    self.fieldSpecs = fieldSpecs
    self.dataSpecs = Self.dataSpecs(fieldSpecs)
  }

  /// Kustomize sets `metadata/namespace` by hand whatever the specs say (cluster-scoped
  /// objects keep none), and a RoleBinding's `subjects` by hand (only those named `default`);
  /// a Namespace's `metadata/name` only on v1 Namespaces, and the object is renamed with it.
  private static func dataSpecs(_ specs: [FieldSpec]) -> (specs: [FieldSpec], renamesNamespaces: Bool) {
    var renames = false
    var rest: [FieldSpec] = []
    for spec in specs {
      let path = spec.pathDescription
      if path == "metadata.namespace" { continue }
      if path == "subjects", spec.kind == "RoleBinding" || spec.kind == "ClusterRoleBinding" { continue }
      if path == "metadata.name", spec.kind == "Namespace", spec.group == nil || spec.group == "" {
        renames = true
        continue
      }
      rest.append(spec)
    }
    return (rest, renames)
  }

  public func apply(to resources: inout [Resource]) throws {
    guard let target = namespace.string else { return }
    var problems = DiagnosticCollector()
    var applicable = ApplicableSpecs(dataSpecs.specs)
    for index in resources.indices {
      let resource = resources[index]
      // Kustomize's StorePreviousId: a reference may name the object as it is now.
      resources[index].recordID()
      if !ClusterScope.isClusterScoped(resource) && mayReplace(resource.node["metadata"]?["namespace"]) {
        resources[index].setNamespace(namespace)
      }
      if dataSpecs.renamesNamespaces && !unsetOnly && resource.kind == "Namespace" && resource.apiVersion == "v1" {
        resources[index].setName(target, at: namespace.location)
      }
      let specs = applicable.specs(for: resource.typeInfo)
      if !specs.isEmpty {
        problems.recording {
          for spec in specs { try set(in: &resources[index].node, spec) }
        }
      }
      if resource.kind == "RoleBinding" || resource.kind == "ClusterRoleBinding" {
        resources[index].node.withValue(forKey: "subjects") { subjects in
          subjects.withItems { items in
            for i in items.indices where movesSubject(items[i]) && mayReplace(items[i]["namespace"]) {
              items[i]["namespace"] = namespace
            }
          }
        }
      }
    }
    try problems.throwIfErrors()
  }

  private func movesSubject(_ subject: Node) -> Bool {
    switch subjects {
    case .defaultOnly: subject["name"]?.string == "default"
    case .none: false
    case .allServiceAccounts: subject["kind"]?.string == "ServiceAccount"
    }
  }

  /// Whether a namespace field holding `value` (nil when missing) is set.
  private func mayReplace(_ value: Node?) -> Bool {
    guard unsetOnly, let value else { return true }
    return value.scalar?.text == ""
  }

  /// Sets the namespace string at a field spec's path (the last step names the field itself).
  private func set(in node: inout Node, _ spec: FieldSpec) throws {
    var parent = spec
    guard let last = parent.path.popLast() else { return }
    let field = last.name
    try FieldPath.visit(&node, parent, transform: name) { (map: inout Node) in
      if (spec.create || map[field] != nil) && mayReplace(map[field]) { map[field] = namespace }
    }
  }
}

public import KilnYAML

/// Moves every namespaced object into one namespace (`namespace:`), as Kustomize does.
///
/// - Objects Kustomize knows to be cluster-scoped keep no namespace (`ClusterScope`).
/// - A `v1 Namespace` object is renamed to the target (so a base can ship its Namespace).
/// - RoleBinding/ClusterRoleBinding subjects named `default`, and ServiceAccount subjects
///   that name a ServiceAccount of this build (in its old namespace, or with none), follow it.
/// - An APIService's `spec.service.namespace` and a CRD's conversion webhook service follow.
public struct SetNamespace: Transform {
  public var name: String { "SetNamespace" }

  public var namespace: Node

  public init(namespace: Node) { self.namespace = namespace }

  public func apply(to resources: inout [Resource]) throws {
    guard let target = namespace.string else { return }
    // ServiceAccounts of this build, by name, with the namespace they had before the move.
    var accounts: [String: Set<String>] = [:]
    for r in resources where r.kind == "ServiceAccount" {
      accounts[r.name, default: []].insert(r.namespace ?? "")
    }
    var problems = DiagnosticCollector()
    for index in resources.indices {
      let resource = resources[index]
      if !ClusterScope.isClusterScoped(resource) {
        resources[index].move(toNamespace: namespace)
      }
      if resource.kind == "Namespace" && resource.apiVersion == "v1" {
        resources[index].rename(to: target, at: namespace.location)
      }
      problems.recording {
        if resource.group == "apiregistration.k8s.io" && resource.kind == "APIService" {
          try set(in: &resources[index].node, FieldSpec(path: "spec/service/namespace", create: true))
        }
        if resource.group == "apiextensions.k8s.io" && resource.kind == "CustomResourceDefinition" {
          try set(in: &resources[index].node, FieldSpec(path: "spec/conversion/webhook/clientConfig/service/namespace", create: false))
        }
      }
      if resource.kind == "RoleBinding" || resource.kind == "ClusterRoleBinding" {
        let rbac = resource.group == "rbac.authorization.k8s.io"
        resources[index].node.withValue(forKey: "subjects") { subjects in
          subjects.withItems { items in
            for i in items.indices { moveSubject(&items[i], accounts: rbac ? accounts : [:]) }
          }
        }
      }
    }
    try problems.throwIfErrors()
  }

  /// Subjects named `default` follow whatever the binding's group (Kustomize matches on the
  /// kind only); ServiceAccount subjects follow the accounts of this build, in RBAC bindings.
  private func moveSubject(_ subject: inout Node, accounts: [String: Set<String>]) {
    guard let name = subject["name"]?.string else { return }
    let followsBuild: Bool
    if name == "default" {
      followsBuild = true
    } else if subject["kind"]?.string == "ServiceAccount", let namespaces = accounts[name] {
      let current = subject["namespace"]?.string ?? ""
      followsBuild = current.isEmpty || namespaces.contains(current)
    } else {
      followsBuild = false
    }
    if followsBuild { subject["namespace"] = namespace }
  }

  /// Sets the namespace string at a field spec's path (the last step names the field itself).
  private func set(in node: inout Node, _ spec: FieldSpec) throws {
    var parent = spec
    let field = parent.path.removeLast().name
    guard parent.create || node.value(at: parent.path.map(\.name)) != nil else { return }
    try FieldPath.visit(&node, parent, transform: name) { (map: inout Node) in
      if spec.create || map[field] != nil { map[field] = namespace }
    }
  }

}

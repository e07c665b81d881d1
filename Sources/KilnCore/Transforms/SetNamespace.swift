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

  public init(namespace: Node) { self.namespace = namespace }

  public func apply(to resources: inout [Resource]) throws {
    guard let target = namespace.string else { return }
    var problems = DiagnosticCollector()
    for index in resources.indices {
      let resource = resources[index]
      // Kustomize's StorePreviousId: a reference may name the object as it is now.
      resources[index].recordID()
      if !ClusterScope.isClusterScoped(resource) {
        resources[index].setNamespace(namespace)
      }
      if resource.kind == "Namespace" && resource.apiVersion == "v1" {
        resources[index].setName(target, at: namespace.location)
      }
      problems.recording {
        if resource.group == "apiregistration.k8s.io" && resource.kind == "APIService" {
          try set(in: &resources[index].node, FieldSpec(path: "spec/service/namespace", create: true))
        }
        if resource.group == "apiextensions.k8s.io" && resource.kind == "CustomResourceDefinition" {
          try set(
            in: &resources[index].node,
            FieldSpec(path: "spec/conversion/webhook/clientConfig/service/namespace", create: false))
        }
      }
      if resource.kind == "RoleBinding" || resource.kind == "ClusterRoleBinding" {
        resources[index].node.withValue(forKey: "subjects") { subjects in
          subjects.withItems { items in
            for i in items.indices where items[i]["name"]?.string == "default" { items[i]["namespace"] = namespace }
          }
        }
      }
    }
    try problems.throwIfErrors()
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

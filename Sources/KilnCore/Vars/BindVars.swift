import KilnYAML

/// Ties each var of a kustomization to the one object its `objref` names, among the objects
/// that kustomization has built (its resources, generators and components, after its own
/// transformers). Kustomize's `MergeVars`: the value is read only at the end of the build
/// (`ResolveVars`), from that object as it is then; the tie is made here, so a var can only
/// name an object of its own kustomization's tree, by any name it has had so far.
///
/// Several objects named by one objref is an error; none is not, yet (the var cannot be
/// resolved at the end, and that is the error).
public struct BindVars: Transform {
  public var name: String { "BindVars" }
  public var batching: Batching { .varBinding(self) }
  let vars: [Var]

  public func apply(to resources: inout [Resource]) throws {
    var index = NameIndex()
    index.add(resources, from: 0)
    try apply(to: &resources, index: index)
  }

  /// Any object, by every name it has had.
  typealias NameIndex = KilnCore.NameIndex<EveryObject>

  /// The same, with the objects found through an index covering all of them.
  func apply(to resources: inout [Resource], index: NameIndex) throws {
    // In object order: the index lists each name's objects as they were appended.
    let matches: [[Int]] = vars.map { variable in
      (index.byName[variable.objref.name] ?? []).filter { Self.matches(resources[$0], variable.objref) }
    }
    var problems = DiagnosticCollector()
    for (variable, matched) in zip(vars, matches) {
      if matched.count > 1 {
        let named = matched.map { resources[$0].id.description }
        problems.add(
          .error(
            "var \"\(variable.name)\": objref \(variable.objref.description) matches \(matched.count) objects (\(named.joined(separator: ", ")))",
            at: variable.location, hint: "give the objref a namespace to tell them apart"))
      } else if let index = matched.first {
        resources[index].varNames.append(variable.name)
      }
    }
    try problems.throwIfErrors()
  }

  /// Whether any id the object has had is the objref's: group, version, kind and name equal,
  /// and the namespace too when the objref gives one (no namespace and `default` are one).
  static func matches(_ resource: Resource, _ objref: Var.ObjectReference) -> Bool {
    let clusterScoped = !objref.namespace.isEmpty && ClusterScope.isClusterScoped(resource)
    func same(_ id: ResourceID) -> Bool {
      guard id.name == objref.name, id.kind == objref.kind, id.version == objref.version, id.group == objref.group
      else { return false }
      if objref.namespace.isEmpty { return true }
      return !clusterScoped && effective(id.namespace) == effective(objref.namespace)
    }
    return same(resource.id) || resource.previousIDs.contains(where: same)
  }

  private static func effective(_ namespace: String) -> String { namespace.isEmpty ? "default" : namespace }
}

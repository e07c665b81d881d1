import KilnYAML

/// The id a strategic merge patch without target looks its object up by: the patch's own
/// group, version, kind, name and namespace, compared as Kustomize's `ResId.Equals` does (no
/// namespace and `default` are the same; cluster-scoped kinds ignore the namespace), against the
/// object's current and earlier ids.
struct PatchID: CustomStringConvertible {
  var group: String
  var version: String
  var kind: String
  var name: String
  var namespace: String

  init(_ patch: Node) {
    let apiVersion = patch["apiVersion"]?.scalar?.text ?? ""
    if let slash = apiVersion.firstIndex(of: "/") {
      group = String(apiVersion[..<slash])
      version = String(apiVersion[apiVersion.index(after: slash)...])
    } else {
      group = ""
      version = apiVersion
    }
    kind = patch["kind"]?.scalar?.text ?? ""
    name = patch["metadata"]?["name"]?.scalar?.text ?? ""
    namespace = patch["metadata"]?["namespace"]?.scalar?.text ?? ""
  }

  /// Kustomize's `GetById`: any id the object has or had (before a prefix, a suffix, or a
  /// patch allowed to change its name or kind) with this group, version, kind and name, in
  /// the same namespace (each id's own kind deciding whether namespaces count).
  func matches(_ resource: Resource) -> Bool {
    let patchScoped = ClusterScope.isClusterScoped(apiVersion: apiVersion, kind: kind)
    let wanted = TargetSelector.effectiveNamespace(namespace, clusterScoped: patchScoped)
    return ([resource.id] + resource.previousIDs).contains {
      guard $0.name == name, $0.kind == kind, $0.group == group, $0.version == version else { return false }
      return TargetSelector.effectiveNamespace($0.namespace, clusterScoped: patchScoped) == wanted
    }
  }

  private var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

  /// Kustomize's spelling, which users will search for: `Deployment.v1.apps/web.prod`.
  var description: String {
    "\(kind).\(version.isEmpty ? "[noVer]" : version).\(group.isEmpty ? "[noGrp]" : group)/\(name).\(namespace.isEmpty ? "[noNs]" : namespace)"
  }

  /// Objects of the same kind, to suggest when nothing matched.
  func hint(among resources: [Resource], _ index: PatchIndex) -> String? {
    let sameKind = index.all(ofKind: kind).map { resources[$0] }
    guard !sameKind.isEmpty else { return nil }
    let names = sameKind.prefix(5).map { r in
      r.namespace.map { "\(r.apiVersion) \(r.kind) \($0)/\(r.name)" } ?? "\(r.apiVersion) \(r.kind) \(r.name)"
    }
    return "objects of kind \(kind): " + names.joined(separator: ", ")
  }
}

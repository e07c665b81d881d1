/// The order `kubectl kustomize` prints objects in by default ("legacy" sort): kinds that
/// others depend on first (Namespaces, CRDs, ServiceAccounts, RBAC, ConfigMaps, Secrets,
/// Services …), webhooks last, everything else between.
///
/// Within a rank, objects compare by `group_version_kind` (an empty group written `~G`, so
/// core kinds sort after every named group), then by `namespace|name` byte by byte (an empty
/// namespace written `~X`, so cluster-wide objects follow namespaced ones).
public struct LegacyOrder: Sendable {
  public var first: [String]
  public var last: [String]

  public static let standard = LegacyOrder(
    first: [
      "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
      "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
      "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
      "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ],
    last: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"])

  public init(first: [String], last: [String]) {
    self.first = first
    self.last = last
  }

  public func sorted(_ resources: [Resource]) -> [Resource] {
    var rank: [String: Int] = [:]
    for (i, kind) in first.enumerated() { rank[kind] = i - first.count }
    for (i, kind) in last.enumerated() { rank[kind] = i + 1 }
    let keyed = resources.map { r in
      (r, rank[r.kind] ?? 0, Self.gvkKey(r), (r.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "~X") + "|" + (r.name.isEmpty ? "~N" : r.name))
    }
    return keyed.sorted { a, b in
      if a.1 != b.1 { return a.1 < b.1 }
      if a.2 != b.2 {
        // Kustomize reverses the comparison for two Namespace kinds when either is in the core
        // group, so the core Namespace comes before any custom one.
        if a.0.kind == "Namespace" && b.0.kind == "Namespace" && (a.0.group.isEmpty || b.0.group.isEmpty) {
          return b.2.utf8.lexicographicallyPrecedes(a.2.utf8)
        }
        return a.2.utf8.lexicographicallyPrecedes(b.2.utf8)
      }
      return a.3.utf8.lexicographicallyPrecedes(b.3.utf8)
    }.map(\.0)
  }

  private static func gvkKey(_ r: Resource) -> String {
    let g = r.group.isEmpty ? "~G" : r.group
    let v = r.version.isEmpty ? "~V" : r.version
    let k = r.kind.isEmpty ? "~K" : r.kind
    return g + "_" + v + "_" + k
  }
}

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
    // Keys as bytes, and indices sorted rather than the objects: comparing and moving these is
    // far cheaper than comparing strings' UTF-8 views and moving whole objects.
    let keys = resources.map { r in
      SortKey(
        rank: rank[r.kind] ?? 0, gvk: Array(Self.gvkKey(r).utf8),
        coreNamespace: r.kind == "Namespace" && r.group.isEmpty,
        id: Array(
          ((r.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "~X") + "|" + (r.name.isEmpty ? "~N" : r.name)).utf8))
    }
    let order = resources.indices.sorted { i, j in
      let a = keys[i]
      let b = keys[j]
      if a.rank != b.rank { return a.rank < b.rank }
      if a.gvk != b.gvk {
        // Kustomize reverses the comparison for two Namespace kinds when either is in the core
        // group, so the core Namespace comes before any custom one.
        if resources[i].kind == "Namespace" && resources[j].kind == "Namespace" && (a.coreNamespace || b.coreNamespace)
        {
          return b.gvk.lexicographicallyPrecedes(a.gvk)
        }
        return a.gvk.lexicographicallyPrecedes(b.gvk)
      }
      return a.id.lexicographicallyPrecedes(b.id)
    }
    return order.map { resources[$0] }
  }

  private struct SortKey {
    var rank: Int
    var gvk: [UInt8]
    var coreNamespace: Bool
    var id: [UInt8]
  }

  private static func gvkKey(_ r: Resource) -> String {
    let g = r.group.isEmpty ? "~G" : r.group
    let v = r.version.isEmpty ? "~V" : r.version
    let k = r.kind.isEmpty ? "~K" : r.kind
    return g + "_" + v + "_" + k
  }
}

import KilnYAML

/// The steps Kustomize runs once, for the whole build, after every directory is built:
/// content hashes on generated names, references updated to the final names, objects marked
/// `config.kubernetes.io/local-config: "true"` dropped, then the output order.
enum Finalizer {
  static func finish(_ resources: [Resource], order: Kustomization.SortOrder) throws -> [Resource] {
    var resources = resources
    try AddHashSuffixes().apply(to: &resources)
    try UpdateNameReferences().apply(to: &resources)
    resources.removeAll { $0.node.value(at: ["metadata", "annotations", "config.kubernetes.io/local-config"])?.string == "true" }
    switch order {
    case .legacy(let legacy): return legacy.sorted(resources)
    case .fifo: return resources
    }
  }
}

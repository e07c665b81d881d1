import KilnYAML

/// The steps Kustomize runs once, for the whole build, after every directory is built:
/// content hashes on generated names, references updated to the final names, `$(VAR)`
/// references replaced, objects marked `config.kubernetes.io/local-config` dropped, then the
/// output order.
enum Finalizer {
  /// `vars` are the build's (`kiln kustomize`); `scopedVars`, those of the parts of a kiln
  /// project, each over its own objects.
  static func finish(
    _ resources: [Resource], order: Kustomization.SortOrder, vars: VarSet = VarSet(), scopedVars: [VarScope] = [],
    varReference: [FieldSpec] = TransformerConfig.defaults.varReference
  ) throws -> [Resource] {
    var resources = resources
    try AddHashSuffixes().apply(to: &resources)
    try UpdateNameReferences().apply(to: &resources)
    try ResolveVars(vars: vars.vars, fieldSpecs: varReference).apply(to: &resources)
    for scope in scopedVars where !scope.vars.isEmpty {
      let members = resources.indices.filter { scope.contains(resources[$0]) }
      var part = members.map { resources[$0] }
      try ResolveVars(vars: scope.vars.vars, fieldSpecs: varReference).apply(to: &part)
      for (k, index) in members.enumerated() { resources[index] = part[k] }
    }
    resources.removeAll(where: isLocalConfig)
    switch order {
    case .legacy(let legacy): return legacy.sorted(resources)
    case .fifo: return resources
    }
  }

  /// Kustomize keeps an object marked local-config only when the mark says exactly `false`:
  /// `true`, `"yes"`, `""` and `null` all drop it.
  private static func isLocalConfig(_ resource: Resource) -> Bool {
    guard let mark = resource.node.value(at: ["metadata", "annotations", "config.kubernetes.io/local-config"]) else {
      return false
    }
    return mark.scalar?.text != "false"
  }
}

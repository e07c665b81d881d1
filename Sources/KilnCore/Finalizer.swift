import KilnYAML

/// The steps Kustomize runs once, for the whole build, after every directory is built:
/// content hashes on generated names, references updated to the final names, `$(VAR)`
/// references replaced, objects marked `config.kubernetes.io/local-config` dropped, then the
/// output order.
enum Finalizer {
  static func finish(
    _ resources: [Resource], order: Kustomization.SortOrder, vars: VarSet = VarSet(),
    varReference: [FieldSpec] = VarReferenceSpecs.builtin
  ) throws -> [Resource] {
    var resources = resources
    try AddHashSuffixes().apply(to: &resources)
    try UpdateNameReferences().apply(to: &resources)
    try ResolveVars(vars: vars.vars, fieldSpecs: varReference).apply(to: &resources)
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

import KilnYAML

extension BuildPlan {
  /// `vars` are the build's (`kiln kustomize`); `scopedVars`, those of the parts of a kiln
  /// project, each over its own objects.
  ///
  /// The steps Kustomize runs once, for the whole build, after every directory is built:
  /// content hashes on generated names, references updated to the final names, `$(VAR)`
  /// references replaced, objects marked `config.kubernetes.io/local-config` dropped, then the
  /// output order; for `kiln kustomize`, annotation values made strings as kubectl prints them.
  static func finish(
    order: Kustomization.SortOrder, vars: VarSet = VarSet(), scopedVars: [VarScope] = [],
    varReference: [FieldSpec] = TransformerConfig.defaults.varReference,
    nameReference: [NameReferenceTable.Row] = TransformerConfig.defaults.nameReference,
    componentNameReferences: [String: [NameReferenceTable.Row]] = [:], stringifyAnnotations: Bool = false,
    rewrite: ScalarRewrite = .asString
  ) -> BuildPlan {
    var steps = [
      PlanStep("hashSuffixes", .init(kind: "HashTransformer"), AddHashSuffixes()),
      PlanStep(
        "nameReferences", .init(kind: "NameReferenceTransformer"),
        UpdateNameReferences(rows: nameReference, componentRows: componentNameReferences, rewrite: rewrite)),
      PlanStep("vars", .init(kind: "VarResolver"), ResolveVars(vars: vars.vars, fieldSpecs: varReference)),
      PlanStep(
        "scopedVars", .init(kind: "VarResolver"), ResolveScopedVars(scopes: scopedVars, fieldSpecs: varReference)),
      PlanStep("localConfig", .init(kind: "LocalConfigFilter"), DropLocalConfig()),
      PlanStep("sortOrder", .init(kind: "SortOrderTransformer"), SortObjects(order: order)),
    ]
    if stringifyAnnotations {
      steps.append(PlanStep("stringifyAnnotations", .init(kind: "AnnotationsStringifier"), StringifyAnnotations()))
    }
    return BuildPlan(steps)
  }
}

/// Drops objects marked `config.kubernetes.io/local-config`. Kustomize keeps one only when the
/// mark says exactly `false`: `true`, `"yes"`, `""` and `null` all drop it.
struct DropLocalConfig: Transform {
  var name: String { "DropLocalConfig" }

  func apply(to resources: inout [Resource]) throws {
    resources.removeAll(where: Self.isLocalConfig)
  }

  static func isLocalConfig(_ resource: Resource) -> Bool {
    guard let mark = resource.node.value(at: ["metadata", "annotations", "config.kubernetes.io/local-config"]) else {
      return false
    }
    return mark.scalar?.text != "false"
  }
}

/// Puts the objects in output order: Kustomize's legacy order by kind, or as they came (`fifo`).
struct SortObjects: Transform {
  var name: String { "SortObjects" }
  let order: Kustomization.SortOrder

  func apply(to resources: inout [Resource]) throws {
    switch order {
    case .legacy(let legacy): resources = legacy.sorted(resources)
    case .fifo: break
    }
  }
}

/// The `vars` of each part of a kiln project, each resolved over that part's objects only.
struct ResolveScopedVars: Transform {
  var name: String { "ResolveScopedVars" }
  let scopes: [VarScope]
  let fieldSpecs: [FieldSpec]

  func apply(to resources: inout [Resource]) throws {
    for scope in scopes where !scope.vars.isEmpty {
      let members = resources.indices.filter { scope.contains(resources[$0]) }
      var part = members.map { resources[$0] }
      try ResolveVars(vars: scope.vars.vars, fieldSpecs: fieldSpecs).apply(to: &part)
      for (k, index) in members.enumerated() { resources[index] = part[k] }
    }
  }
}

extension BuildPlan {
  /// A kustomization's transformers, in Kustomize's fixed order whatever the order of keys in
  /// the file (its `builtinhelpers` transformer order), their field specs from `config` (the
  /// kustomization's merged configuration): patchesStrategicMerge, patches,
  /// namespace, namePrefix, nameSuffix, each `labels` entry, commonLabels, commonAnnotations,
  /// patchesJson6902, replicas, images, replacements; then the `transformers:` list, in the user's order
  /// (`userTransformers`, read by `PluginLoader`); then the binding of its `vars`.
  static func kustomization(
    _ k: Kustomization, config: TransformerConfig = .defaults, userTransformers: [PlanStep] = [],
    rewrite: ScalarRewrite = .asString
  ) -> BuildPlan {
    let file = k.location.file
    var steps: [PlanStep] = []
    func add(_ name: String, _ kind: String, _ transform: any Transform) {
      steps.append(PlanStep(name, .init(kind: kind, file: file), transform))
    }
    if !k.patchesStrategicMerge.isEmpty {
      add("patchesStrategicMerge", "PatchStrategicMergeTransformer", ApplyPatches(patches: k.patchesStrategicMerge))
    }
    if !k.patches.isEmpty { add("patches", "PatchTransformer", ApplyPatches(patches: k.patches)) }
    if let namespace = k.namespace {
      add("namespace", "NamespaceTransformer", SetNamespace(namespace: namespace, fieldSpecs: config.namespace))
    }
    if let prefix = k.namePrefix {
      add(
        "namePrefix", "PrefixTransformer",
        AddNamePrefix(prefix: prefix, fieldSpecs: config.namePrefix, rewrite: rewrite))
    }
    if let suffix = k.nameSuffix {
      add(
        "nameSuffix", "SuffixTransformer",
        AddNameSuffix(suffix: suffix, fieldSpecs: config.nameSuffix, rewrite: rewrite))
    }
    for set in k.labels {
      let reach: AddLabels.Reach = set.includeSelectors ? .selectors : set.includeTemplates ? .templates : .metadataOnly
      add(
        "labels", "LabelTransformer",
        set.fields.isEmpty && config.labels.isEmpty
          ? AddLabels(labels: set.pairs, reach: reach, config: config)
          : AddLabels(labels: set.pairs, fieldSpecs: KustomizeBuilder.configured(set, config)))
    }
    if !k.commonLabels.isEmpty {
      add("commonLabels", "LabelTransformer", AddLabels(labels: k.commonLabels, reach: .selectors, config: config))
    }
    if !k.commonAnnotations.isEmpty {
      add(
        "commonAnnotations", "AnnotationsTransformer",
        AddAnnotations(annotations: k.commonAnnotations, fieldSpecs: config.commonAnnotations))
    }
    if !k.patchesJson6902.isEmpty {
      add("patchesJson6902", "PatchJson6902Transformer", ApplyPatches(patches: k.patchesJson6902))
    }
    if !k.replicas.isEmpty {
      add("replicas", "ReplicaCountTransformer", SetReplicas(counts: k.replicas, fieldSpecs: config.replicas))
    }
    if !k.images.isEmpty {
      add(
        "images", "ImageTagTransformer",
        SetImages(overrides: k.images, fieldSpecs: config.images, scalarRewrite: rewrite))
    }
    if !k.replacements.isEmpty {
      add("replacements", "ReplacementTransformer", ApplyReplacements(replacements: k.replacements))
    }
    steps += userTransformers
    // Last: a var names an object by the id it has once everything has run.
    if !k.vars.isEmpty { add("vars", "VarBinder", BindVars(vars: k.vars)) }
    return BuildPlan(steps)
  }
}

import KilnYAML

/// Turns the node of a kustomization file into a `Kustomization`, refusing unknown fields
/// (as kubectl does) and fields kiln does not support yet (never ignoring them).
enum KustomizationDecoder {
  static let supported = [
    "apiVersion", "kind", "metadata", "resources", "bases", "namespace", "commonLabels", "labels",
    "commonAnnotations", "images", "replicas",
  ]

  /// Kustomize fields kiln does not implement yet.
  static let notYetSupported = [
    "openapi", "namePrefix", "nameSuffix", "patchesStrategicMerge", "patchesJson6902", "patches",
    "imageTags", "replacements", "vars", "sortOptions", "components", "crds", "configMapGenerator",
    "secretGenerator", "helmGlobals", "helmCharts", "helmChartInflationGenerator", "generatorOptions",
    "configurations", "generators", "transformers", "validators", "buildMetadata",
  ]

  static func decode(_ node: Node, file: String) throws -> Kustomization {
    var problems = DiagnosticCollector()
    let fields = StrictMapping(node, context: "kustomization", problems: &problems)
    fields.checkKeys(supported, notYetSupported: notYetSupported, problems: &problems)
    var kind = Kustomization.Kind.kustomization
    if let kindText = fields.string("kind", problems: &problems) {
      guard let parsed = Kustomization.Kind(rawValue: kindText) else {
        throw Diagnostic.error(
          "kind must be Kustomization or Component, not \"\(kindText)\"", at: fields["kind"]?.location,
          hint: Suggestion.hint(for: kindText, among: ["Kustomization", "Component"]))
      }
      kind = parsed
    }
    var result = Kustomization(kind: kind, location: SourceLocation(file: file, line: 1, column: 1))
    result.resources = entries("resources", fields, &problems)
    if fields["bases"] != nil {
      result.warnings.append(Diagnostic(
        .warning, "'bases' is deprecated; list the directories under 'resources' instead",
        at: fields.keyLocation("bases")))
      result.resources += entries("bases", fields, &problems)
    }
    if let namespace = fields["namespace"], fields.string("namespace", problems: &problems) != nil {
      result.namespace = namespace
    }
    if fields["commonLabels"] != nil {
      result.warnings.append(Diagnostic(
        .warning, "'commonLabels' is deprecated; use 'labels' (with includeSelectors: true to keep selecting pods)",
        at: fields.keyLocation("commonLabels")))
    }
    result.commonLabels = fields.stringMap("commonLabels", problems: &problems)
    result.commonAnnotations = fields.stringMap("commonAnnotations", problems: &problems)
    for item in fields.sequence("labels", problems: &problems) ?? [] {
      if let set = labelSet(item, &problems) { result.labels.append(set) }
    }
    for item in fields.sequence("images", problems: &problems) ?? [] {
      if let image = imageOverride(item, context: "images entry", &problems) { result.images.append(image) }
    }
    for item in fields.sequence("replicas", problems: &problems) ?? [] {
      let entry = StrictMapping(item, context: "replicas entry", problems: &problems)
      entry.checkKeys(["name", "count"], problems: &problems)
      guard let name = entry.string("name", problems: &problems) else {
        if item.isMapping { problems.add(.error("replicas entry needs a name", at: item.location)) }
        continue
      }
      guard let count = entry.int("count", problems: &problems), let countNode = entry["count"] else { continue }
      if count < 0 {
        problems.add(.error("replicas count must not be negative", at: countNode.location))
        continue
      }
      result.replicas.append(SetReplicas.Count(name: name, count: countNode, at: item.location))
    }
    try problems.throwIfErrors()
    return result
  }

  private static func entries(_ key: String, _ fields: StrictMapping, _ problems: inout DiagnosticCollector) -> [Kustomization.Entry] {
    (fields.sequence(key, problems: &problems) ?? []).compactMap { item in
      StrictMapping.string(item, what: "\(key) entry", problems: &problems).map {
        Kustomization.Entry(path: $0, location: item.location)
      }
    }
  }

  private static func labelSet(_ item: Node, _ problems: inout DiagnosticCollector) -> Kustomization.LabelSet? {
    let fields = StrictMapping(item, context: "labels entry", problems: &problems)
    fields.checkKeys(["pairs", "includeSelectors", "includeTemplates", "fields"], problems: &problems)
    var specs: [FieldSpec] = []
    for spec in fields.sequence("fields", problems: &problems) ?? [] {
      let f = StrictMapping(spec, context: "field spec", problems: &problems)
      f.checkKeys(["path", "group", "version", "kind", "create"], problems: &problems)
      guard let path = f.string("path", problems: &problems) else { continue }
      specs.append(FieldSpec(
        group: f.string("group", problems: &problems), version: f.string("version", problems: &problems),
        kind: f.string("kind", problems: &problems), path: path, create: f.bool("create", problems: &problems) ?? false))
    }
    return Kustomization.LabelSet(
      pairs: fields.stringMap("pairs", problems: &problems),
      includeSelectors: fields.bool("includeSelectors", problems: &problems) ?? false,
      includeTemplates: fields.bool("includeTemplates", problems: &problems) ?? false,
      fields: specs)
  }

  /// `{name, newName, newTag, digest, tagSuffix}`, shared with environment files.
  static func imageOverride(_ item: Node, context: String, _ problems: inout DiagnosticCollector) -> ImageOverride? {
    let fields = StrictMapping(item, context: context, problems: &problems)
    fields.checkKeys(["name", "newName", "newTag", "digest", "tagSuffix"], problems: &problems)
    guard let name = fields.string("name", problems: &problems) else {
      if item.isMapping { problems.add(.error("\(context) needs a name", at: item.location)) }
      return nil
    }
    return ImageOverride(
      name: name, newName: fields.string("newName", problems: &problems),
      newTag: fields.string("newTag", problems: &problems), digest: fields.string("digest", problems: &problems),
      tagSuffix: fields.string("tagSuffix", problems: &problems), at: item.location)
  }
}

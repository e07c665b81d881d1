import KilnYAML

/// The generator fields of a kustomization (`configMapGenerator`, `secretGenerator`,
/// `generatorOptions`) and `sortOptions`.
extension KustomizationDecoder {
  mutating func generator(_ item: Node, kind: GeneratorSpec.Kind) -> GeneratorSpec? {
    let context = kind == .configMap ? "configMapGenerator entry" : "secretGenerator entry"
    let fields = StrictMapping(item, context: context, problems: &problems)
    var keys = ["name", "namespace", "behavior", "literals", "files", "envs", "env", "options"]
    if kind == .secret { keys.append("type") }
    fields.checkKeys(keys, problems: &problems)
    guard let name = fields.string("name", problems: &problems), !name.isEmpty else {
      // A name of the wrong type has been reported already.
      if fields["name"]?.scalar?.tag ?? .string == .string {
        problems.add(.error("\(context) needs a name", at: item.location))
      }
      return nil
    }
    var spec = GeneratorSpec(kind: kind, name: name, location: item.location)
    spec.namespace = fields.string("namespace", problems: &problems)
    // Kustomize takes any behavior but merge and replace (a typo too) as create.
    if let behavior = fields.string("behavior", problems: &problems),
      let parsed = GeneratorSpec.Behavior(rawValue: behavior)
    {
      spec.behavior = parsed
    }
    spec.literals = sources("literals", fields)
    spec.files = sources("files", fields)
    spec.envs = sources("envs", fields)
    if let env = fields["env"], let text = fields.string("env", problems: &problems) {
      spec.envs.append(GeneratorSpec.Source(text: text, location: env.location))
    }
    if let options = fields.mapping("options", problems: &problems) {
      spec.options = generatorOptions(options, context: "generator options")
    }
    if kind == .secret { spec.type = fields.string("type", problems: &problems) }
    return spec
  }

  mutating func sources(_ key: String, _ fields: StrictMapping) -> [GeneratorSpec.Source] {
    (fields.sequence(key, problems: &problems) ?? []).compactMap { item in
      StrictMapping.string(item, what: "\(key) entry", problems: &problems).map {
        GeneratorSpec.Source(text: $0, location: item.location)
      }
    }
  }

  mutating func generatorOptions(_ node: Node, context: String) -> GeneratorOptions {
    let fields = StrictMapping(node, context: context, problems: &problems)
    fields.checkKeys(["labels", "annotations", "disableNameSuffixHash", "immutable"], problems: &problems)
    var options = GeneratorOptions()
    options.labels = fields.stringMap("labels", nullIsEmpty: true, problems: &problems)
    options.annotations = fields.stringMap("annotations", nullIsEmpty: true, problems: &problems)
    options.disableNameSuffixHash = fields.bool("disableNameSuffixHash", problems: &problems)
    options.immutable = fields.bool("immutable", problems: &problems)
    return options
  }

  // MARK: - Sorting

  mutating func sortOrder(_ node: Node, keyLocation: SourceLocation?) -> Kustomization.SortOrder? {
    let fields = StrictMapping(node, context: "sortOptions", problems: &problems)
    fields.checkKeys(["order", "legacySortOptions"], problems: &problems)
    let order = fields.string("order", problems: &problems)
    switch order {
    case "fifo":
      if fields["legacySortOptions"] != nil {
        problems.add(
          .error("legacySortOptions cannot be used with order fifo", at: fields.keyLocation("legacySortOptions")))
      }
      return .fifo
    case "legacy":
      guard let legacy = fields.mapping("legacySortOptions", problems: &problems) else { return .legacy(.standard) }
      let lists = StrictMapping(legacy, context: "legacySortOptions", problems: &problems)
      lists.checkKeys(["orderFirst", "orderLast"], problems: &problems)
      func kinds(_ key: String) -> [String] {
        (lists.sequence(key, problems: &problems) ?? []).compactMap {
          StrictMapping.string($0, what: "\(key) entry", problems: &problems)
        }
      }
      return .legacy(LegacyOrder(first: kinds("orderFirst"), last: kinds("orderLast")))
    default:
      if let order {
        problems.add(
          .error("sortOptions.order must be fifo or legacy, not \"\(order)\"", at: fields["order"]?.location))
      } else {
        problems.add(.error("sortOptions needs an order: fifo or legacy", at: keyLocation ?? node.location))
      }
      return nil
    }
  }
}

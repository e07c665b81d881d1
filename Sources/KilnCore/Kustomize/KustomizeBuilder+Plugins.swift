import KilnYAML

/// The `generators:`, `transformers:` and `validators:` lists of a kustomization (`PluginConfig`).
extension KustomizeBuilder {
  /// The plugin configurations an entry list names, in order. An entry is inline YAML (one
  /// or more documents, each a mapping), else the path of a file of configurations, or of a
  /// directory whose kustomization builds into configurations (its own transformers run on
  /// them, as on any objects).
  mutating func pluginConfigs(_ entries: [Kustomization.Entry], in directory: String, listedIn file: String) throws
    -> [Resource]
  {
    var configs: [Resource] = []
    for entry in entries {
      if let documents = try? YAMLParser.parseDocuments(Array(entry.path.utf8), file: file, dialect: .yaml12),
        !documents.isEmpty, documents.allSatisfy(\.isMapping)
      {
        configs += documents.map { node in
          // Inline text is located at its entry: its own lines would mislead.
          var node = node
          node.location = entry.location
          return Resource(node: node, sourcePath: file)
        }
        continue
      }
      configs += try buildEntry(entry, in: directory, component: nil).resources
    }
    if rules.readsAsKubectl {
      for index in configs.indices {
        let (node, warnings) = PluginConfigLeniency.apply(configs[index].node, kind: configs[index].kind)
        configs[index].node = node
        notices += warnings
      }
    }
    for config in configs where config.name.isEmpty {
      throw Diagnostic.error(
        "a plugin configuration (\(config.kind.isEmpty ? "no kind" : config.kind)) needs a metadata.name",
        at: config.node.location)
    }
    return configs
  }

  /// Reads a file a plugin configuration names, relative to the kustomization's directory.
  func pluginFileReader(in directory: String) -> KustomizationDecoder.FileReader {
    let (files, rules, fence) = (files, rules, fence(directory))
    return { path, at in
      let resolved = try files.resolve(path, in: directory, at: at, mayLeaveRoot: rules.filesInsideTheirKustomization)
      let bytes = try files.read(resolved, within: fence, at: at)
      return (String(decoding: bytes, as: UTF8.self), files.display(resolved))
    }
  }

  /// Runs the generator plugins of `kustomization` into the accumulation, each in turn, after
  /// its configMapGenerator and secretGenerator entries.
  mutating func runGeneratorPlugins(
    _ kustomization: Kustomization, in directory: String, into accumulation: inout Accumulation, component: String?
  ) throws {
    guard !kustomization.generators.isEmpty else { return }
    let listedIn = kustomization.location.file
    let configs = try pluginConfigs(kustomization.generators, in: directory, listedIn: listedIn)
    let reader = pluginFileReader(in: directory)
    for config in configs {
      var plugin = PluginConfig(config, listedIn: listedIn, readFile: reader)
      switch try plugin.generator() {
      case .object(var object):
        object.component = component
        object.origins = []
        accumulation.append([object])
      case .spec(let spec):
        var only = Kustomization(kind: .kustomization, location: kustomization.location)
        if spec.kind == .configMap { only.configMapGenerator = [spec] } else { only.secretGenerator = [spec] }
        let (files, fence) = (files, fence(directory))
        try accumulation.generate(
          { resources in
            try Generators.run(only, in: directory, files: files, fence: fence, into: &resources, component: component)
          }, readsExisting: spec.behavior != .create)
      }
      markGenerated(&accumulation, by: config, in: directory)
    }
  }

  /// The plan steps of a `transformers:` or `validators:` list.
  mutating func pluginSteps(
    _ entries: [Kustomization.Entry], as role: PluginConfig.Role, of kustomization: Kustomization,
    in directory: String
  ) throws -> [PlanStep] {
    guard !entries.isEmpty else { return [] }
    let listedIn = kustomization.location.file
    let reader = pluginFileReader(in: directory)
    return try pluginConfigs(entries, in: directory, listedIn: listedIn).map { config in
      var plugin = PluginConfig(config, listedIn: listedIn, readFile: reader)
      plugin.directoryName = Path.fileName(Path.normalize(files.absolute(directory)))
      plugin.rewrite = rules.scalarRewrite
      plugin.recordedIn = recordedIn(config, in: directory)
      return try plugin.transformer(as: role)
    }
  }
}

extension Accumulation {
  /// Runs a validator: it may look, and fails the build by throwing, but must change nothing.
  mutating func validate(_ step: PlanStep) throws {
    try flush()
    var copy = resources
    try step.transform.apply(to: &copy)
    let unchanged = copy.count == resources.count && zip(copy, resources).allSatisfy { $0.node == $1.node }
    guard unchanged else {
      throw Diagnostic.error(
        "validator \(step.configuredBy.kind) \"\(step.configuredBy.name ?? "")\" changed the objects; a validator must not modify them",
        at: nil)
    }
  }
}

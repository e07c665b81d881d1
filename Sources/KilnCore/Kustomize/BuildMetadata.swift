import KilnYAML

/// `buildMetadata` of the kustomization being built: what kubectl writes into every object
/// about how the build made it. Only the top kustomization's list counts (Kustomize gives it
/// to every kustomization below), and any entry at all, even an unknown word, makes Kustomize
/// track origins; what it prints at the end is what the list names.
struct BuildMetadata: Transform {
  var name: String { "BuildMetadata" }
  static let originKey = "config.kubernetes.io/origin"
  static let transformationsKey = "alpha.config.kubernetes.io/transformations"
  static let managedByKey = "app.kubernetes.io/managed-by"
  /// kubectl's Kustomize carries no release version of its own, so it labels with this.
  static let managedByValue = "kustomize-(devel)"

  var originAnnotations: Bool
  var transformerAnnotations: Bool
  var managedByLabel: Bool

  init(_ options: [String]) {
    originAnnotations = options.contains("originAnnotations")
    transformerAnnotations = options.contains("transformerAnnotations")
    managedByLabel = options.contains("managedByLabel")
  }

  /// The last step of a build: the managed-by label on every object, then the annotations
  /// asked for, written from what the build recorded in `Resource.origins`.
  func apply(to resources: inout [Resource]) throws {
    let annotations = [FieldSpec(path: "metadata/annotations", create: true)]
    for index in resources.indices {
      let origins = resources[index].origins
      var entries: [MapEntry] = []
      if originAnnotations, let origin = origins.first {
        entries.append(MapEntry(key: Self.originKey, value: .string(origin.yaml())))
      }
      if transformerAnnotations, origins.count > 1 {
        entries.append(MapEntry(key: Self.transformationsKey, value: .string(Origin.yaml(list: origins.dropFirst()))))
      }
      if !entries.isEmpty {
        try FieldPath.setEntries(
          entries, at: annotations, in: &resources, range: index..<index + 1, transform: "buildMetadata")
      }
      resources[index].origins = []
    }
    if managedByLabel {
      try FieldPath.setEntries(
        [MapEntry(key: Self.managedByKey, value: .string(Self.managedByValue))],
        at: [FieldSpec(path: "metadata/labels", create: true)], in: &resources, transform: "buildMetadata")
    }
  }

  /// The transformers Kustomize configures for a kustomization, by kind, in the order it runs
  /// them; each one, whether or not it changes anything, is recorded on every object present.
  static func transformerKinds(of k: Kustomization) -> [String] {
    var kinds: [String] = []
    if !k.patchesStrategicMerge.isEmpty { kinds.append("PatchStrategicMergeTransformer") }
    kinds += Array(repeating: "PatchTransformer", count: k.patches.count)
    if k.namespace != nil { kinds.append("NamespaceTransformer") }
    if k.namePrefix != nil { kinds.append("PrefixTransformer") }
    if k.nameSuffix != nil { kinds.append("SuffixTransformer") }
    // One per `labels` entry (an empty one too) and one for commonLabels, empty or not.
    if k.labelEntryCount > 0 || !k.commonLabels.isEmpty {
      kinds += Array(repeating: "LabelTransformer", count: k.labelEntryCount + 1)
    }
    if !k.commonAnnotations.isEmpty { kinds.append("AnnotationsTransformer") }
    kinds += Array(repeating: "PatchJson6902Transformer", count: k.patchesJson6902.count)
    kinds += Array(repeating: "ReplicaCountTransformer", count: k.replicas.count)
    kinds += Array(repeating: "ImageTagTransformer", count: k.imageEntryCount)
    if !k.replacements.isEmpty { kinds.append("ReplacementTransformer") }
    return kinds
  }
}

/// Where an object came from, as Kustomize records it: the file it was read from (relative to
/// the build's root, as the kustomizations wrote the way there), or the kustomization and
/// builtin plugin that made or changed it.
struct Origin: Sendable, Hashable {
  var path: String?
  var configuredIn: String?
  /// The builtin plugin kind (`ConfigMapGenerator`, `PatchTransformer` …).
  var configuredBy: String?
  /// The rest of the configuration's identity: `builtin` for a kustomization field; a plugin
  /// configuration's own apiVersion (omitted when empty), name and namespace.
  var configuredByAPIVersion = "builtin"
  var configuredByName: String?
  var configuredByNamespace: String?

  static func file(_ path: String) -> Origin { Origin(path: path) }
  /// The origin of an object a generator replaced (`behavior: replace`): Kustomize records the
  /// replacing generator's kustomization, which `markGenerated` fills in.
  static let replaced = Origin()
  static func builtin(_ kind: String, in file: String) -> Origin { Origin(configuredIn: file, configuredBy: kind) }
  /// Made by the plugin configuration `config` (a `generators:` entry) read from `file`.
  static func plugin(_ config: Resource, in file: String) -> Origin {
    let namespace = config.namespace ?? ""
    return Origin(
      configuredIn: file, configuredBy: config.kind, configuredByAPIVersion: config.apiVersion,
      configuredByName: config.name.isEmpty ? nil : config.name,
      configuredByNamespace: namespace.isEmpty ? nil : namespace)
  }

  /// Configured by the transformer plugin a plan step runs (a `transformers:` entry).
  static func plugin(_ configuration: PlanStep.Configuration, in file: String) -> Origin {
    Origin(
      configuredIn: file, configuredBy: configuration.kind, configuredByAPIVersion: configuration.apiVersion,
      configuredByName: configuration.name.flatMap { $0.isEmpty ? nil : $0 },
      configuredByNamespace: configuration.namespace.flatMap { $0.isEmpty ? nil : $0 })
  }

  /// Go's path.Join of a recorded path and one written in a kustomization.
  static func join(_ base: String, _ path: String) -> String {
    let joined = Path.normalize(base.isEmpty ? path : path.isEmpty ? base : base + "/" + path)
    return joined.isEmpty ? "." : joined
  }

  /// The YAML Kustomize's marshaller writes for it, each line after the first indented by `indent`.
  func yaml(indent: String = "") -> String {
    var text = ""
    if let path { text += "path: \(Self.scalar(path))\n" }
    if let configuredIn, let configuredBy {
      text += "\(text.isEmpty ? "" : indent)configuredIn: \(Self.scalar(configuredIn))\n"
      text += "\(indent)configuredBy:\n"
      if !configuredByAPIVersion.isEmpty { text += "\(indent)  apiVersion: \(Self.scalar(configuredByAPIVersion))\n" }
      text += "\(indent)  kind: \(Self.scalar(configuredBy))\n"
      if let configuredByName { text += "\(indent)  name: \(Self.scalar(configuredByName))\n" }
      if let configuredByNamespace { text += "\(indent)  namespace: \(Self.scalar(configuredByNamespace))\n" }
    }
    return text
  }

  static func yaml(list origins: ArraySlice<Origin>) -> String {
    origins.map { "- " + $0.yaml(indent: "  ") }.joined()
  }

  /// A value as Kustomize's YAML marshaller (go-yaml v3, no line width) writes it: plain when
  /// it reads back as that string and plain is allowed (`../with space/cm.yaml`), single-quoted
  /// when only plain is not (`'../a: b/cm.yaml'`), double-quoted when it would read as another
  /// type or holds a tab. The emitter kiln writes kubectl's output with decides it the same way.
  static func scalar(_ text: String) -> String {
    var emitter = YAMLEmitter(options: .init(lineWidth: nil))
    emitter.emitDocument(.mapping(["k": .string(text)]))
    // "k: <scalar>\n"
    return String(decoding: emitter.bytes.dropFirst(3).dropLast(), as: UTF8.self)
  }
}

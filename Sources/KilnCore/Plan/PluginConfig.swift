import KilnYAML

/// A plugin configuration from a `generators:`, `transformers:` or `validators:` list, read into
/// what kiln runs: a generator's object specification, or a plan step.
///
/// kubectl kustomize loads only Kustomize's built-in plugins (apiVersion `builtin`); any other
/// apiVersion names an exec, container or Go plugin, which it refuses without its alpha plugin
/// flags, and so does kiln. A configuration is read as Kustomize reads it: keys it does not
/// know are ignored, and its own `metadata` is not output.
struct PluginConfig {
  enum Role: String {
    case generator, transformer, validator
  }

  static let generatorKinds: Set<String> = [
    "ConfigMapGenerator", "SecretGenerator", "HelmChartInflationGenerator", "IAMPolicyGenerator",
  ]
  static let transformerKinds: Set<String> = [
    "AnnotationsTransformer", "HashTransformer", "ImageTagTransformer", "LabelTransformer", "NamespaceTransformer",
    "PatchJson6902Transformer", "PatchStrategicMergeTransformer", "PatchTransformer", "PrefixSuffixTransformer",
    "PrefixTransformer", "SuffixTransformer", "ReplacementTransformer", "ReplicaCountTransformer",
    "ValueAddTransformer",
  ]

  let config: Resource
  let fields: StrictMapping
  /// Reads a file the configuration names (a patch), relative to the kustomization.
  let readFile: KustomizationDecoder.FileReader
  /// The kustomization file that lists the configuration, as shown.
  let listedIn: String
  /// The last component of the kustomization's directory (a ValueAddTransformer's default value).
  var directoryName = ""
  /// How rewritten names and images are written (`BuildRules.scalarRewrite`).
  var rewrite = ScalarRewrite.asString
  /// Where `buildMetadata` says the configuration is: its file, relative to the build's root.
  var recordedIn: String?
  var problems = DiagnosticCollector()

  init(_ config: Resource, listedIn: String, readFile: @escaping KustomizationDecoder.FileReader) {
    self.config = config
    self.listedIn = listedIn
    self.readFile = readFile
    fields = StrictMapping(config.node, context: "plugin configuration", problems: &problems)
  }

  var kind: String { config.kind }
  var configName: String { config.name }
  private var location: SourceLocation { config.node.location }
  private var configuration: PlanStep.Configuration {
    .init(
      apiVersion: "builtin", kind: kind, name: configName,
      namespace: config.node.value(at: ["metadata", "namespace"])?.scalarText, file: recordedIn ?? listedIn)
  }

  /// Refuses what kubectl refuses before configuring a plugin: a plugin that is not built in,
  /// a kind Kustomize does not build in, a generator listed as a transformer and the reverse.
  func checkLoadable(as role: Role) throws {
    guard config.node["apiVersion"]?.scalarText == "builtin" else {
      throw Diagnostic.error(
        "\(kind) (apiVersion \(config.apiVersion.isEmpty ? "none" : config.apiVersion)) is an external plugin: kubectl kustomize loads only the builtin ones (apiVersion: builtin) without its alpha plugin flags",
        at: location)
    }
    let isGenerator = Self.generatorKinds.contains(kind)
    guard isGenerator || Self.transformerKinds.contains(kind) else {
      let known = Array(Self.generatorKinds.union(Self.transformerKinds)).sorted()
      throw Diagnostic.error(
        "\(kind) is not a builtin plugin kind", at: location, hint: Suggestion.hint(for: kind, among: known))
    }
    switch role {
    case .generator where !isGenerator:
      throw Diagnostic.error("plugin \(kind) \"\(configName)\" is a transformer, not a generator", at: location)
    case .transformer where isGenerator, .validator where isGenerator:
      throw Diagnostic.error("plugin \(kind) \"\(configName)\" is a generator, not a transformer", at: location)
    default: break
    }
  }

  private func decoder() -> KustomizationDecoder {
    var decoder = KustomizationDecoder(file: listedIn, readFile: readFile, context: "\(kind) configuration")
    decoder.readsPluginConfiguration = true
    return decoder
  }

  private func notSupported(_ what: String) -> Diagnostic {
    .error("\(kind) \"\(configName)\": \(what) is not supported by kiln", at: location)
  }

  /// The node of the configuration's keys among `keys`, for the kustomization decoder's readers.
  private func only(_ keys: [String], renaming: [String: String] = [:]) -> Node {
    let entries = fields.entries.compactMap { entry -> MapEntry? in
      guard keys.contains(entry.key) else { return nil }
      var entry = entry
      entry.key = renaming[entry.key] ?? entry.key
      return entry
    }
    return Node(.mapping(entries), at: location)
  }

  // MARK: - Generators

  /// What a generator plugin makes: an object specification, or, for the generators that make
  /// their object whole, the object.
  enum Generated {
    case spec(GeneratorSpec)
    case object(Resource)
  }

  mutating func generator() throws -> Generated {
    try checkLoadable(as: .generator)
    try problems.throwIfErrors()
    switch kind {
    case "ConfigMapGenerator", "SecretGenerator":
      // The object's name and namespace are the configuration's own, unless its own `name`
      // and `namespace` fields (Kustomize's generator arguments) say otherwise.
      var node = only(["behavior", "literals", "files", "envs", "env", "options", "type"])
      if case .mapping(var entries) = node.value {
        let name = fields["name"].flatMap { $0.scalarText?.isEmpty == false ? $0 : nil }
        entries.insert(MapEntry(key: "name", value: name ?? .string(configName, at: location)), at: 0)
        let ownNamespace = fields["namespace"].flatMap { $0.scalarText?.isEmpty == false ? $0 : nil }
        if let namespace = ownNamespace ?? config.node.value(at: ["metadata", "namespace"]) {
          entries.insert(MapEntry(key: "namespace", value: namespace), at: 1)
        }
        node = Node(.mapping(entries), at: location)
      }
      var decoder = decoder()
      let spec = decoder.generator(node, kind: kind == "ConfigMapGenerator" ? .configMap : .secret)
      try decoder.problems.throwIfErrors()
      guard let spec else { throw Diagnostic.error("\(kind) \"\(configName)\" makes nothing", at: location) }
      return .spec(spec)
    case "HelmChartInflationGenerator":
      throw Diagnostic.error(
        "HelmChartInflationGenerator \"\(configName)\" needs helm, which kubectl kustomize runs only with --enable-helm",
        at: location)
    default:
      return .object(try iamPolicyServiceAccount())
    }
  }

  /// IAMPolicyGenerator (`cloud: gke`): the Kubernetes service account bound to a Google
  /// service account by its `iam.gke.io/gcp-service-account` annotation.
  private mutating func iamPolicyServiceAccount() throws -> Resource {
    let cloud = fields.string("cloud", problems: &problems)
    let service = fields.mapping("kubernetesService", problems: &problems).map {
      StrictMapping($0, context: "kubernetesService", problems: &problems)
    }
    let account = fields.mapping("serviceAccount", problems: &problems).map {
      StrictMapping($0, context: "serviceAccount", problems: &problems)
    }
    try problems.throwIfErrors()
    guard cloud == "gke" else {
      throw Diagnostic.error("IAMPolicyGenerator \"\(configName)\": cloud must be gke", at: location)
    }
    let name = service?.string("name", problems: &problems) ?? ""
    let namespace = service?.string("namespace", problems: &problems)
    let gsa = account?.string("name", problems: &problems) ?? ""
    let project = account?.string("projectId", problems: &problems) ?? ""
    try problems.throwIfErrors()
    let at = SourceLocation.generated(by: "IAMPolicyGenerator")
    var metadata: [MapEntry] = [
      MapEntry(
        key: "annotations",
        value: Node(
          .mapping([
            MapEntry(
              key: "iam.gke.io/gcp-service-account", value: .string("\(gsa)@\(project).iam.gserviceaccount.com", at: at)
            )
          ]), at: at)),
      MapEntry(key: "name", value: .string(name, at: at)),
    ]
    if let namespace, !namespace.isEmpty {
      metadata.append(MapEntry(key: "namespace", value: .string(namespace, at: at)))
    }
    let node = Node(
      .mapping([
        MapEntry(key: "apiVersion", value: .string("v1", at: at)),
        MapEntry(key: "kind", value: .string("ServiceAccount", at: at)),
        MapEntry(key: "metadata", value: Node(.mapping(metadata), at: at)),
      ]), at: at)
    var resource = Resource(node: node, sourcePath: config.sourcePath, component: config.component)
    resource.isGenerated = true
    return resource
  }

  // MARK: - Transformers

  /// The plan step a transformer (or validator) plugin runs.
  mutating func transformer(as role: Role) throws -> PlanStep {
    try checkLoadable(as: role)
    try problems.throwIfErrors()
    var decoder = decoder()
    let transform: any Transform
    switch kind {
    case "LabelTransformer", "AnnotationsTransformer":
      let key = kind == "LabelTransformer" ? "labels" : "annotations"
      let entries = decoder.keyed(fields.stringMap(key, nullIsEmpty: true, problems: &decoder.problems))
      let specs = fieldSpecs(&decoder)
      transform =
        kind == "LabelTransformer"
        ? AddLabels(labels: entries, fieldSpecs: specs) : AddAnnotations(annotations: entries, fieldSpecs: specs)
    case "PatchTransformer":
      let spec = decoder.patch(only(["path", "patch", "target", "options"]), form: .either)
      transform = ApplyPatches(patches: spec.map { [$0] } ?? [])
    case "PatchJson6902Transformer":
      // Kustomize's plugin (unlike a patchesJson6902 entry) wants the target's name.
      let target = fields.mapping("target", problems: &decoder.problems)
      if let target, target["name"]?.scalarText?.isEmpty ?? true {
        throw Diagnostic.error(
          "PatchJson6902Transformer \"\(configName)\": the target needs a name", at: target.location)
      }
      let spec = decoder.patch(only(["path", "jsonOp", "target"], renaming: ["jsonOp": "patch"]), form: .json6902)
      transform = ApplyPatches(patches: spec.map { [$0] } ?? [])
    case "PatchStrategicMergeTransformer":
      var specs = (fields.sequence("paths", problems: &decoder.problems) ?? []).compactMap {
        decoder.strategicMergePatch($0)
      }
      if let text = fields.string("patches", problems: &decoder.problems), !text.isEmpty {
        specs.append(
          PatchSpec(
            form: .strategicMerge, text: text, file: listedIn, target: nil,
            location: fields["patches"]?.location ?? location))
      }
      transform = ApplyPatches(patches: specs)
    case "NamespaceTransformer":
      transform = try namespaceTransform(&decoder)
    case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer":
      transform = try nameAffixTransform(&decoder)
    case "ImageTagTransformer":
      let specs = fieldSpecs(&decoder)
      // Without an imageTag, Kustomize matches no image.
      let image = fields.mapping("imageTag", problems: &decoder.problems).flatMap {
        KustomizationDecoder.imageOverride($0, context: "imageTag", nameRequired: true, &decoder.problems)
      }
      transform = SetImages(overrides: image.map { [$0] } ?? [], fieldSpecs: specs, scalarRewrite: rewrite)
    case "ReplacementTransformer":
      // Kustomize reads a plugin's configuration without its strict check: unknown keys pass.
      let replacements = try KustomizationDecoder.replacements(
        fields["replacements"] ?? .null(at: location), file: listedIn, strict: false, readFile: readFile)
      transform = ApplyReplacements(replacements: replacements)
    case "ReplicaCountTransformer":
      transform = try replicaCountTransform(&decoder)
    case "HashTransformer":
      transform = AddHashSuffixes()
    case "ValueAddTransformer":
      transform = try valueAddTransform(&decoder)
    default:
      throw notSupported("this builtin plugin")
    }
    try decoder.problems.throwIfErrors()
    return PlanStep(role == .validator ? "validators" : "transformers", configuration, transform)
  }

  /// The configuration's `fieldSpecs`, read as Kustomize reads a plugin's: unknown keys
  /// (a `name` in a spec) are passed over.
  private func fieldSpecs(_ decoder: inout KustomizationDecoder) -> [FieldSpec] {
    (fields.sequence("fieldSpecs", problems: &decoder.problems) ?? []).compactMap {
      decoder.fieldSpec($0, strict: false)
    }
  }

  /// NamespaceTransformer: the namespace is the configuration's own `metadata.namespace`.
  private mutating func namespaceTransform(_ decoder: inout KustomizationDecoder) throws -> any Transform {
    let specs = fieldSpecs(&decoder)
    var mode = SetNamespace.SubjectMode.defaultOnly
    if let text = fields.string("setRoleBindingSubjects", problems: &decoder.problems), !text.isEmpty {
      guard let known = SetNamespace.SubjectMode(rawValue: text) else {
        let modes = SetNamespace.SubjectMode.allCases.map(\.rawValue)
        throw Diagnostic.error(
          "NamespaceTransformer \"\(configName)\": setRoleBindingSubjects is \"\(text)\"; it must be one of \(modes.map { "\"\($0)\"" }.joined(separator: ", "))",
          at: fields["setRoleBindingSubjects"]?.location ?? location, hint: Suggestion.hint(for: text, among: modes))
      }
      mode = known
    }
    let unsetOnly = fields.bool("unsetOnly", problems: &decoder.problems) ?? false
    try decoder.problems.throwIfErrors()
    guard let namespace = config.node.value(at: ["metadata", "namespace"]), namespace.string?.isEmpty == false else {
      // Kustomize does nothing without a namespace.
      return SetNamespace(namespace: .null(at: location), fieldSpecs: [])
    }
    var transform = SetNamespace(namespace: namespace, fieldSpecs: specs)
    transform.unsetOnly = unsetOnly
    transform.subjects = mode
    return transform
  }

  /// ReplicaCountTransformer: `replica` names the objects (`name`) and gives the `count`.
  private mutating func replicaCountTransform(_ decoder: inout KustomizationDecoder) throws -> any Transform {
    let specs = fieldSpecs(&decoder)
    let replica = fields.mapping("replica", problems: &decoder.problems).map {
      StrictMapping($0, context: "replica", problems: &decoder.problems)
    }
    let name = replica?.string("name", problems: &decoder.problems) ?? ""
    // Go reads the count into an int64: a number with no fraction (`2.0`) is that integer.
    var count = 0
    if let node = replica?["count"] {
      guard let scalar = node.scalar, let value = KustomizationDecoder.integral(scalar) else {
        throw Diagnostic.error(
          "ReplicaCountTransformer \"\(configName)\": count must be an integer, not \(node.kindDescription) \"\(node.scalar?.text ?? "")\"",
          at: node.location)
      }
      count = value
    }
    try decoder.problems.throwIfErrors()
    return SetReplicaCountAtSpecs(
      objectName: name, count: count, fieldSpecs: specs, at: fields["replica"]?.location ?? location)
  }

  /// ValueAddTransformer: `value` (the kustomization directory's name when empty) at each of
  /// `targets`, and of the targets in the file `targetFilePath`.
  private mutating func valueAddTransform(_ decoder: inout KustomizationDecoder) throws -> any Transform {
    var value = (fields.string("value", problems: &decoder.problems) ?? "").trimmingSpace()
    if value.isEmpty { value = directoryName }
    var items = fields.sequence("targets", problems: &decoder.problems) ?? []
    if let path = fields.string("targetFilePath", problems: &decoder.problems), !path.isEmpty,
      let (text, display) = decoder.load(path, at: fields["targetFilePath"]?.location ?? location)
    {
      let document = try YAMLParser.parseDocuments(Array(text.utf8), file: display, firstDocumentOnly: true).first
      if let document {
        let file = StrictMapping(document, context: "ValueAddTransformer targets file", problems: &decoder.problems)
        items += file.sequence("targets", problems: &decoder.problems) ?? []
      }
    }
    try decoder.problems.throwIfErrors()
    guard !items.isEmpty else {
      throw Diagnostic.error("ValueAddTransformer \"\(configName)\" must specify at least one target", at: location)
    }
    var targets: [AddValue.Target] = []
    for item in items {
      let target = StrictMapping(item, context: "ValueAddTransformer target", problems: &decoder.problems)
      let selector = target.mapping("selector", problems: &decoder.problems).map { node in
        let s = StrictMapping(node, context: "selector", problems: &decoder.problems)
        return PatchTarget(
          group: s.string("group", problems: &decoder.problems),
          version: s.string("version", problems: &decoder.problems),
          kind: s.string("kind", problems: &decoder.problems), name: s.string("name", problems: &decoder.problems),
          namespace: s.string("namespace", problems: &decoder.problems),
          labelSelector: s.string("labelSelector", problems: &decoder.problems),
          annotationSelector: s.string("annotationSelector", problems: &decoder.problems), location: node.location)
      }
      let path = target.string("fieldPath", problems: &decoder.problems) ?? ""
      let position = target.int("filePathPosition", problems: &decoder.problems) ?? 0
      try decoder.problems.throwIfErrors()
      guard !path.isEmpty else {
        throw Diagnostic.error(
          "ValueAddTransformer \"\(configName)\": a target's fieldPath cannot be empty", at: item.location)
      }
      guard position >= 0 else {
        throw Diagnostic.error(
          "ValueAddTransformer \"\(configName)\": filePathPosition (\(position)) cannot be negative",
          at: target["filePathPosition"]?.location ?? item.location)
      }
      targets.append(
        AddValue.Target(selector: selector, fieldPath: path, filePathPosition: position, at: item.location))
    }
    return AddValue(value: value, targets: targets)
  }

  /// PrefixSuffixTransformer, PrefixTransformer, SuffixTransformer over `metadata/name`, for
  /// the kinds their field specs select.
  private mutating func nameAffixTransform(_ decoder: inout KustomizationDecoder) throws -> any Transform {
    let specs = fieldSpecs(&decoder)
    try decoder.problems.throwIfErrors()
    if fields["fieldSpecs"] == nil {
      throw Diagnostic.error("\(kind) \"\(configName)\" needs fieldSpecs", at: location)
    }
    let prefix = kind == "SuffixTransformer" ? nil : fields["prefix"]
    let suffix = kind == "PrefixTransformer" ? nil : fields["suffix"]
    return AffixSelectedNames(prefix: prefix, suffix: suffix, specs: specs, rewrite: rewrite)
  }
}

/// A PrefixSuffixTransformer: a prefix, then a suffix, at the configuration's field specs
/// (`metadata/name` renames the objects the spec selects).
struct AffixSelectedNames: Transform {
  var name: String { "AffixSelectedNames" }
  let prefix: Node?
  let suffix: Node?
  let specs: [FieldSpec]
  let rewrite: ScalarRewrite

  func apply(to resources: inout [Resource]) throws {
    if let prefix { try NameAffix.apply(prefix, side: .prefix, specs: specs, writing: rewrite, to: &resources) }
    if let suffix { try NameAffix.apply(suffix, side: .suffix, specs: specs, writing: rewrite, to: &resources) }
  }
}

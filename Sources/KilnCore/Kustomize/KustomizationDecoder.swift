import KilnYAML

/// Turns the node of a kustomization file into a `Kustomization`, refusing unknown fields (as
/// kubectl does) and, when they say anything, the fields kiln does not implement.
struct KustomizationDecoder {
  /// Reads a file named by the kustomization (a patch `path`), relative to its directory and
  /// within its load restrictions: the text and the path to show in messages.
  typealias FileReader = (_ path: String, _ location: SourceLocation) throws -> (text: String, display: String)

  static let supported = [
    "apiVersion", "kind", "metadata", "resources", "bases", "components", "namespace", "namePrefix", "nameSuffix",
    "commonLabels", "labels", "commonAnnotations", "images", "imageTags", "replicas", "patches",
    "patchesStrategicMerge", "patchesJson6902", "configMapGenerator", "secretGenerator", "generatorOptions",
    "sortOptions", "configurations", "replacements", "vars", "buildMetadata", "helmGlobals", "helmCharts",
    "helmChartInflationGenerator", "openapi", "generators", "transformers", "validators", "crds",
  ]

  /// Kustomize fields kiln does not implement: an error when they hold anything.
  static let notSupported: [String] = []

  /// Deprecated fields and what replaces them, as kubectl words its warnings.
  static let deprecated: [String: String] = [
    "bases": "resources", "commonLabels": "labels", "imageTags": "images", "patchesJson6902": "patches",
    "patchesStrategicMerge": "patches", "vars": "replacements",
  ]

  let file: String
  let readFile: FileReader
  /// What the decoded mapping is, for messages: a kustomization, or the environment values
  /// (or a component in them) that write kustomization fields.
  var context = "kustomization"
  var problems = DiagnosticCollector()
  /// Reading a plugin configuration, as Kustomize reads one: unknown keys of a patch entry and
  /// its target are passed over, and a JSON 6902 target may use label selectors.
  var readsPluginConfiguration = false
  /// The kustomization was refused as empty.
  var saidNothing = false

  static func decode(
    _ node: Node, file: String, context: String = "kustomization",
    readFile: @escaping FileReader = { path, at in
      throw Diagnostic.error("cannot read \"\(path)\" here", at: at)
    }
  ) throws -> Kustomization {
    var decoder = KustomizationDecoder(file: file, readFile: readFile, context: context)
    let result = decoder.decode(node)
    if decoder.problems.hasErrors {
      // kubectl prints a file's deprecation warnings once the file has been read, so before
      // refusing it as empty; a file it cannot read (wrong types, unknown fields) has none.
      var failure = DiagnosticCollector()
      if decoder.problems.diagnostics.count == 1 && decoder.saidNothing { result.warnings.forEach { failure.add($0) } }
      decoder.problems.diagnostics.forEach { failure.add($0) }
      try failure.throwIfErrors()
    }
    return result
  }

  private mutating func decode(_ node: Node) -> Kustomization {
    let fields = StrictMapping(node, context: context, problems: &problems)
    if Self.saysNothing(fields) {
      saidNothing = true
      problems.add(.error("the kustomization is empty: it sets nothing but its apiVersion and kind", at: node.location))
    }
    fields.checkKeys(Self.supported + Self.notSupported, problems: &problems)
    var result = Kustomization(kind: kind(fields), location: SourceLocation(file: file, line: 1, column: 1))
    for key in Self.notSupported {
      guard let value = fields[key], !isEmpty(value) else { continue }
      problems.add(.error("kustomization field \"\(key)\" is not supported by kiln", at: fields.keyLocation(key)))
    }
    for key in Self.deprecated.keys.sorted() where fields[key] != nil {
      let replacement = Self.deprecated[key] ?? ""
      let experimental = key == "vars" ? " [EXPERIMENTAL]" : ""
      result.warnings.append(
        Diagnostic(
          .warning,
          "'\(key)' is deprecated. Please use '\(replacement)' instead.\(experimental) Run 'kustomize edit fix' to update your Kustomization automatically.",
          at: fields.keyLocation(key)))
    }
    result.resources = entries("resources", fields) + entries("bases", fields)
    result.components = entries("components", fields)
    result.configurations = entries("configurations", fields)
    result.crds = entries("crds", fields)
    result.namespace = scalarString("namespace", fields)
    result.namePrefix = scalarString("namePrefix", fields)
    result.nameSuffix = scalarString("nameSuffix", fields)
    result.commonLabels = keyed(fields.stringMap("commonLabels", nullIsEmpty: true, problems: &problems))
    result.commonAnnotations = keyed(fields.stringMap("commonAnnotations", nullIsEmpty: true, problems: &problems))
    for item in fields.sequence("labels", problems: &problems) ?? [] {
      result.labelEntryCount += 1
      if let set = labelSet(item), !set.pairs.isEmpty { result.labels.append(set) }
    }
    for key in ["images", "imageTags"] {
      for item in fields.sequence(key, problems: &problems) ?? [] {
        result.imageEntryCount += 1
        if let image = Self.imageOverride(item, context: "\(key) entry", nameRequired: false, &problems) {
          result.images.append(image)
        }
      }
    }
    for item in fields.sequence("replicas", problems: &problems) ?? [] {
      if let count = replicaCount(item) { result.replicas.append(count) }
    }
    result.generators = entries("generators", fields)
    result.transformers = entries("transformers", fields)
    result.validators = entries("validators", fields)
    result.replacements = replacements(fields.sequence("replacements", problems: &problems) ?? [])
    for item in fields.sequence("patchesStrategicMerge", problems: &problems) ?? [] {
      if let patch = strategicMergePatch(item) { result.patchesStrategicMerge.append(patch) }
    }
    for item in fields.sequence("patches", problems: &problems) ?? [] {
      if let patch = patch(item, form: .either) { result.patches.append(patch) }
    }
    for item in fields.sequence("patchesJson6902", problems: &problems) ?? [] {
      if let patch = patch(item, form: .json6902) { result.patchesJson6902.append(patch) }
    }
    for item in fields.sequence("configMapGenerator", problems: &problems) ?? [] {
      if let spec = generator(item, kind: .configMap) { result.configMapGenerator.append(spec) }
    }
    for item in fields.sequence("secretGenerator", problems: &problems) ?? [] {
      if let spec = generator(item, kind: .secret) { result.secretGenerator.append(spec) }
    }
    for item in fields.sequence("vars", problems: &problems) ?? [] {
      if let variable = variable(item) { result.vars.append(variable) }
    }
    if let options = fields.mapping("generatorOptions", problems: &problems) {
      result.generatorOptions = generatorOptions(options, context: "generatorOptions")
    }
    if let sort = fields.mapping("sortOptions", problems: &problems) {
      result.sortOrder = sortOrder(sort, keyLocation: fields.keyLocation("sortOptions"))
    }
    helm(fields)
    result.openAPI = openAPI(fields)
    for item in fields.sequence("buildMetadata", problems: &problems) ?? [] {
      if let option = StrictMapping.string(item, what: "buildMetadata entry", problems: &problems) {
        result.buildMetadata.append(option)
      }
    }
    return result
  }

  /// Labels or annotations to set: an empty key is refused (Kustomize fails on it at the
  /// first object).
  mutating func keyed(_ entries: [MapEntry]) -> [MapEntry] {
    for entry in entries where entry.key.isEmpty {
      problems.add(.error("a label or annotation key cannot be empty", at: entry.keyLocation))
    }
    return entries.filter { !$0.key.isEmpty }
  }

  private mutating func kind(_ fields: StrictMapping) -> Kustomization.Kind {
    var kind = Kustomization.Kind.kustomization
    if let text = fields.string("kind", problems: &problems), !text.isEmpty {
      if let known = Kustomization.Kind(rawValue: text) {
        kind = known
      } else {
        problems.add(
          .error(
            "kind must be Kustomization or Component, not \"\(text)\"", at: fields["kind"]?.location,
            hint: Suggestion.hint(for: text, among: ["Kustomization", "Component"])))
      }
    }
    // Each kind has its one API version; an empty or missing one is taken as that.
    let expected = kind == .component ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
    if let version = fields.string("apiVersion", problems: &problems), !version.isEmpty, version != expected {
      problems.add(
        .error(
          "apiVersion for \(kind.rawValue) should be \(expected), not \"\(version)\"",
          at: fields["apiVersion"]?.location))
    }
    return kind
  }

  /// Kustomize refuses a kustomization whose fields all keep Go's zero value once read (an empty
  /// file, only comments, only apiVersion and kind, `namePrefix: ""`). An empty list or map is
  /// not a zero value (`resources: []` builds nothing, fine), except under `bases` and
  /// `imageTags`, which Kustomize appends to `resources` and `images` and so drops.
  static func saysNothing(_ fields: StrictMapping) -> Bool {
    fields.entries.allSatisfy { entry in
      switch entry.key {
      case "apiVersion", "kind": return true
      case "bases", "imageTags": return entry.value.isNull || entry.value.items?.isEmpty == true
      default: return entry.value.isNull || entry.value.string == ""
      }
    }
  }

  private func isEmpty(_ node: Node) -> Bool {
    switch node.value {
    case .mapping(let entries): entries.isEmpty
    case .sequence(let items): items.isEmpty
    case .scalar(let scalar): scalar.tag == .null || scalar.text.isEmpty
    }
  }

  /// A string field kept as its node, so generated values point back at the kustomization; an
  /// empty string is no setting at all, as in Kustomize.
  mutating func scalarString(_ key: String, _ fields: StrictMapping) -> Node? {
    guard let value = fields[key], let text = fields.string(key, problems: &problems), !text.isEmpty else { return nil }
    return value.string == nil ? .string(text, at: value.location) : value
  }

  mutating func entries(_ key: String, _ fields: StrictMapping) -> [Kustomization.Entry] {
    (fields.sequence(key, problems: &problems) ?? []).compactMap { item in
      guard let path = StrictMapping.string(item, what: "\(key) entry", problems: &problems) else { return nil }
      guard !path.isEmpty else {
        problems.add(.error("an empty path in \(key)", at: item.location))
        return nil
      }
      return Kustomization.Entry(path: path, location: item.location)
    }
  }

  private mutating func labelSet(_ item: Node) -> Kustomization.LabelSet? {
    let fields = StrictMapping(item, context: "labels entry", problems: &problems)
    fields.checkKeys(["pairs", "includeSelectors", "includeTemplates", "fields"], problems: &problems)
    var specs: [FieldSpec] = []
    for spec in fields.sequence("fields", problems: &problems) ?? [] {
      if let fieldSpec = fieldSpec(spec) { specs.append(fieldSpec) }
    }
    let includeSelectors = fields.bool("includeSelectors", problems: &problems) ?? false
    let includeTemplates = fields.bool("includeTemplates", problems: &problems) ?? false
    let ownSpecs = specs
    if !specs.isEmpty {
      do {
        specs = try AddLabels.fieldSpecs(
          includeSelectors: includeSelectors, includeTemplates: includeTemplates, custom: specs)
      } catch let error as Diagnostic {
        problems.add(.error(error.message, at: fields.keyLocation("fields")))
      } catch {
        problems.record(error)
      }
    }
    return Kustomization.LabelSet(
      pairs: keyed(fields.stringMap("pairs", nullIsEmpty: true, problems: &problems)),
      includeSelectors: includeSelectors, includeTemplates: includeTemplates, fields: specs, ownFields: ownSpecs)
  }

  /// Not `strict`, unknown keys are passed over (a plugin configuration's field specs).
  mutating func fieldSpec(_ node: Node, strict: Bool = true) -> FieldSpec? {
    let f = StrictMapping(node, context: "field spec", problems: &problems)
    if strict { f.checkKeys(["path", "group", "version", "kind", "create"], problems: &problems) }
    guard let path = f.string("path", problems: &problems) else { return nil }
    return FieldSpec(
      group: f.string("group", problems: &problems), version: f.string("version", problems: &problems),
      kind: f.string("kind", problems: &problems), path: path, create: f.bool("create", problems: &problems) ?? false)
  }

  private mutating func replicaCount(_ item: Node) -> SetReplicas.Count? {
    let entry = StrictMapping(item, context: "replicas entry", problems: &problems)
    entry.checkKeys(["name", "count"], problems: &problems)
    guard let name = entry.string("name", problems: &problems) else {
      if item.isMapping { problems.add(.error("replicas entry needs a name", at: item.location)) }
      return nil
    }
    // Go reads the count into an int64: a missing or null count is 0, a number with no
    // fraction (`2.0`, `1e1`) is that integer, a negative one is taken as it is.
    var count = 0
    if let countNode = entry["count"] {
      guard let scalar = countNode.scalar, let value = Self.integral(scalar) else {
        problems.add(.error("replicas count must be an integer", at: countNode.location))
        return nil
      }
      count = value
    }
    return SetReplicas.Count(
      name: name, count: Node(.scalar(Scalar(String(count), tag: .int)), at: entry["count"]?.location ?? item.location),
      at: item.location)
  }

  static func integral(_ scalar: Scalar) -> Int? {
    switch scalar.tag {
    case .int: return ScalarValue.int(scalar.text)
    case .float:
      guard let value = Double(scalar.text.filter { $0 != "_" }), value.rounded() == value, abs(value) < 9e18 else {
        return nil
      }
      return Int(value)
    default: return nil
    }
  }

  /// `{name, newName, newTag, digest, tagSuffix}`, shared with environment files. Kustomize
  /// lets an entry without a name match nothing; environment files (`nameRequired`) refuse it.
  static func imageOverride(
    _ item: Node, context: String, nameRequired: Bool = true, _ problems: inout DiagnosticCollector
  ) -> ImageOverride? {
    let fields = StrictMapping(item, context: context, problems: &problems)
    fields.checkKeys(["name", "newName", "newTag", "digest", "tagSuffix"], problems: &problems)
    guard let name = fields.string("name", problems: &problems) else {
      if nameRequired && item.isMapping { problems.add(.error("\(context) needs a name", at: item.location)) }
      if !nameRequired {
        for key in ["newName", "newTag", "digest", "tagSuffix"] { _ = fields.string(key, problems: &problems) }
      }
      return nil
    }
    return ImageOverride(
      name: name, newName: fields.string("newName", problems: &problems),
      newTag: fields.string("newTag", problems: &problems), digest: fields.string("digest", problems: &problems),
      tagSuffix: fields.string("tagSuffix", problems: &problems), at: item.location)
  }
}

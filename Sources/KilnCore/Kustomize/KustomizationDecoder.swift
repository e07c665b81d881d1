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
    "sortOptions",
  ]

  /// Kustomize fields kiln does not implement: an error when they hold anything.
  static let notSupported = [
    "openapi", "replacements", "vars", "crds", "helmGlobals", "helmCharts", "helmChartInflationGenerator",
    "configurations", "generators", "transformers", "validators", "buildMetadata",
  ]

  /// Deprecated fields and what replaces them, as kubectl words its warnings.
  static let deprecated: [String: String] = [
    "bases": "resources", "commonLabels": "labels", "imageTags": "images", "patchesJson6902": "patches",
    "patchesStrategicMerge": "patches", "vars": "replacements",
  ]

  let file: String
  let readFile: FileReader
  var problems = DiagnosticCollector()
  /// The kustomization was refused as empty.
  var saidNothing = false

  static func decode(_ node: Node, file: String, readFile: @escaping FileReader = { path, at in
    throw Diagnostic.error("cannot read \"\(path)\" here", at: at)
  }) throws -> Kustomization {
    var decoder = KustomizationDecoder(file: file, readFile: readFile)
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
    let fields = StrictMapping(node, context: "kustomization", problems: &problems)
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
      result.warnings.append(Diagnostic(
        .warning,
        "'\(key)' is deprecated. Please use '\(replacement)' instead.\(experimental) Run 'kustomize edit fix' to update your Kustomization automatically.",
        at: fields.keyLocation(key)))
    }
    result.resources = entries("resources", fields) + entries("bases", fields)
    result.components = entries("components", fields)
    result.namespace = scalarString("namespace", fields)
    result.namePrefix = scalarString("namePrefix", fields)
    result.nameSuffix = scalarString("nameSuffix", fields)
    result.commonLabels = keyed(fields.stringMap("commonLabels", nullIsEmpty: true, problems: &problems))
    result.commonAnnotations = keyed(fields.stringMap("commonAnnotations", nullIsEmpty: true, problems: &problems))
    for item in fields.sequence("labels", problems: &problems) ?? [] {
      if let set = labelSet(item), !set.pairs.isEmpty { result.labels.append(set) }
    }
    for key in ["images", "imageTags"] {
      for item in fields.sequence(key, problems: &problems) ?? [] {
        if let image = Self.imageOverride(item, context: "\(key) entry", nameRequired: false, &problems) {
          result.images.append(image)
        }
      }
    }
    for item in fields.sequence("replicas", problems: &problems) ?? [] {
      if let count = replicaCount(item) { result.replicas.append(count) }
    }
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
    if let options = fields.mapping("generatorOptions", problems: &problems) {
      result.generatorOptions = generatorOptions(options, context: "generatorOptions")
    }
    if let sort = fields.mapping("sortOptions", problems: &problems) {
      result.sortOrder = sortOrder(sort, keyLocation: fields.keyLocation("sortOptions"))
    }
    return result
  }

  /// Labels or annotations to set: an empty key is refused (Kustomize fails on it at the
  /// first object).
  private mutating func keyed(_ entries: [MapEntry]) -> [MapEntry] {
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
        problems.add(.error(
          "kind must be Kustomization or Component, not \"\(text)\"", at: fields["kind"]?.location,
          hint: Suggestion.hint(for: text, among: ["Kustomization", "Component"])))
      }
    }
    // Each kind has its one API version; an empty or missing one is taken as that.
    let expected = kind == .component ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
    if let version = fields.string("apiVersion", problems: &problems), !version.isEmpty, version != expected {
      problems.add(.error(
        "apiVersion for \(kind.rawValue) should be \(expected), not \"\(version)\"", at: fields["apiVersion"]?.location))
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

  /// A string field kept as its node, so generated values point back at the kustomization.
  /// A string field as a node; an empty string is no setting at all, as in Kustomize.
  private mutating func scalarString(_ key: String, _ fields: StrictMapping) -> Node? {
    guard let value = fields[key], let text = fields.string(key, problems: &problems), !text.isEmpty else { return nil }
    return value.string == nil ? .string(text, at: value.location) : value
  }

  private mutating func entries(_ key: String, _ fields: StrictMapping) -> [Kustomization.Entry] {
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
    if !specs.isEmpty {
      do {
        specs = try AddLabels.fieldSpecs(includeSelectors: includeSelectors, includeTemplates: includeTemplates, custom: specs)
      } catch let error as Diagnostic {
        problems.add(.error(error.message, at: fields.keyLocation("fields")))
      } catch {
        problems.record(error)
      }
    }
    return Kustomization.LabelSet(
      pairs: keyed(fields.stringMap("pairs", nullIsEmpty: true, problems: &problems)),
      includeSelectors: includeSelectors, includeTemplates: includeTemplates, fields: specs)
  }

  private mutating func fieldSpec(_ node: Node) -> FieldSpec? {
    let f = StrictMapping(node, context: "field spec", problems: &problems)
    f.checkKeys(["path", "group", "version", "kind", "create"], problems: &problems)
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

  private static func integral(_ scalar: Scalar) -> Int? {
    switch scalar.tag {
    case .int: return ScalarValue.int(scalar.text)
    case .float:
      guard let value = Double(scalar.text.filter { $0 != "_" }), value.rounded() == value, abs(value) < 9e18 else { return nil }
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

  // MARK: - Patches

  /// A `patchesStrategicMerge` entry: inline YAML, or else the path of a file.
  private mutating func strategicMergePatch(_ item: Node) -> PatchSpec? {
    guard let text = StrictMapping.string(item, what: "patchesStrategicMerge entry", problems: &problems) else { return nil }
    if let documents = try? YAMLParser.parseDocuments(Array(text.utf8), file: file, dialect: .yaml12),
      !documents.isEmpty, documents.allSatisfy(\.isMapping)
    {
      return PatchSpec(form: .strategicMerge, text: text, file: file, target: nil, location: item.location)
    }
    return load(text, at: item.location).map {
      PatchSpec(form: .strategicMerge, text: $0.text, file: $0.display, target: nil, location: item.location)
    }
  }

  /// A `patches` or `patchesJson6902` entry: `{path | patch, target, options}`.
  private mutating func patch(_ item: Node, form: PatchSpec.Form) -> PatchSpec? {
    let context = form == .json6902 ? "patchesJson6902 entry" : "patches entry"
    let fields = StrictMapping(item, context: context, problems: &problems)
    fields.checkKeys(form == .json6902 ? ["path", "patch", "target"] : ["path", "patch", "target", "options"], problems: &problems)
    // An empty path or patch is none (Go's zero value).
    let path = fields.string("path", problems: &problems).flatMap { $0.isEmpty ? nil : $0 }
    let inline = fields.string("patch", problems: &problems).flatMap { $0.isEmpty ? nil : $0 }
    var target: PatchTarget?
    if let node = fields.mapping("target", problems: &problems) { target = patchTarget(node, json6902: form == .json6902) }
    if form == .json6902 && target == nil && item.isMapping {
      problems.add(.error("patchesJson6902 entry needs a target", at: item.location))
    }
    var spec: PatchSpec?
    switch (path, inline) {
    case (let path?, nil):
      spec = load(path, at: fields["path"]?.location ?? item.location).map {
        PatchSpec(form: form, text: $0.text, file: $0.display, target: target, location: item.location)
      }
    case (nil, let text?):
      spec = PatchSpec(form: form, text: text, file: file, target: target, location: fields["patch"]?.location ?? item.location)
    case (_?, _?):
      problems.add(.error("\(context) has both path and patch; give one", at: item.location))
    case (nil, nil):
      problems.add(.error("\(context) needs a path or a patch", at: item.location))
    }
    if let options = fields.mapping("options", problems: &problems) {
      // Kustomize reads the options as a map of booleans: any key, but only boolean values.
      let o = StrictMapping(options, context: "patch options", problems: &problems)
      for entry in o.entries where !["allowNameChange", "allowKindChange"].contains(entry.key) {
        _ = o.bool(entry.key, problems: &problems)
      }
      spec?.allowNameChange = o.bool("allowNameChange", problems: &problems) ?? false
      spec?.allowKindChange = o.bool("allowKindChange", problems: &problems) ?? false
    }
    return spec
  }

  private mutating func patchTarget(_ node: Node, json6902: Bool) -> PatchTarget {
    let fields = StrictMapping(node, context: "patch target", problems: &problems)
    let keys = ["group", "version", "kind", "name", "namespace"]
    fields.checkKeys(json6902 ? keys : keys + ["labelSelector", "annotationSelector"], problems: &problems)
    return PatchTarget(
      group: fields.string("group", problems: &problems), version: fields.string("version", problems: &problems),
      kind: fields.string("kind", problems: &problems), name: fields.string("name", problems: &problems),
      namespace: fields.string("namespace", problems: &problems),
      labelSelector: fields.string("labelSelector", problems: &problems),
      annotationSelector: fields.string("annotationSelector", problems: &problems), location: node.location)
  }

  private mutating func load(_ path: String, at location: SourceLocation) -> (text: String, display: String)? {
    do {
      return try readFile(path, location)
    } catch {
      problems.record(error)
      return nil
    }
  }

  // MARK: - Generators

  private mutating func generator(_ item: Node, kind: GeneratorSpec.Kind) -> GeneratorSpec? {
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
    if let behavior = fields.string("behavior", problems: &problems), let parsed = GeneratorSpec.Behavior(rawValue: behavior) {
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

  private mutating func sources(_ key: String, _ fields: StrictMapping) -> [GeneratorSpec.Source] {
    (fields.sequence(key, problems: &problems) ?? []).compactMap { item in
      StrictMapping.string(item, what: "\(key) entry", problems: &problems).map {
        GeneratorSpec.Source(text: $0, location: item.location)
      }
    }
  }

  private mutating func generatorOptions(_ node: Node, context: String) -> GeneratorOptions {
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

  private mutating func sortOrder(_ node: Node, keyLocation: SourceLocation?) -> Kustomization.SortOrder? {
    let fields = StrictMapping(node, context: "sortOptions", problems: &problems)
    fields.checkKeys(["order", "legacySortOptions"], problems: &problems)
    let order = fields.string("order", problems: &problems)
    switch order {
    case "fifo":
      if fields["legacySortOptions"] != nil {
        problems.add(.error("legacySortOptions cannot be used with order fifo", at: fields.keyLocation("legacySortOptions")))
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
        problems.add(.error("sortOptions.order must be fifo or legacy, not \"\(order)\"", at: fields["order"]?.location))
      } else {
        problems.add(.error("sortOptions needs an order: fifo or legacy", at: keyLocation ?? node.location))
      }
      return nil
    }
  }
}

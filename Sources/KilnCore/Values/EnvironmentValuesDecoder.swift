import KilnYAML

/// Checks merged values against what kiln understands, every key and every type, and turns
/// them into `EnvironmentValues`. Problems point at the file and line that set the value
/// (values remember where they came from through every merge).
enum EnvironmentValuesDecoder {
  static let environmentKeys = [
    "namespace", "commonLabels", "labels", "commonAnnotations", "images", "external", "patches", "configMapGenerator",
    "secretGenerator", "generatorOptions",
  ]
  static let componentKeys = [
    "enabled", "replicas", "image", "images", "resources", "env", "nodeSelector", "tolerations", "affinity",
    "podAnnotations", "podLabels", "patches", "configMapGenerator", "secretGenerator", "instances",
  ]
  /// An `instances` entry: the per-component settings (but `instances`), its namespace and suffix.
  static let instanceKeys = componentKeys.filter { $0 != "instances" } + ["namespace", "nameSuffix"]
  /// The keys an environment (or a component in it) writes as a kustomization would.
  static let kustomizationKeys = ["patches", "configMapGenerator", "secretGenerator", "generatorOptions"]

  /// `files` reads the patch and generator files values name (relative to `environments/`);
  /// without it, values may not name files.
  static func decode(_ values: Node, components: [String], files: ProjectFiles? = nil) throws -> EnvironmentValues {
    var problems = DiagnosticCollector()
    var result = EnvironmentValues()
    for name in components { result.components[name] = ComponentValues() }
    let top = StrictMapping(values, context: "environment values", problems: &problems)
    // Reported only when the values are otherwise valid: next to an error they are noise.
    var unused = DiagnosticCollector()
    let environment = EnvironmentKustomization(files: files)
    for entry in top.entries {
      let key = entry.key
      if environmentKeys.contains(key) { continue }
      if components.contains(key) {
        let settings = component(key, entry.value, environment, &problems)
        result.components[key] = settings
        if !settings.enabled { warnUnused(key, entry.value.entries ?? [], &unused) }
      } else {
        let known = components + environmentKeys
        problems.add(
          .error(
            "\"\(key)\" is neither a component nor an environment setting", at: entry.keyLocation,
            notes: ["components: \(components.joined(separator: ", "))"],
            hint: Suggestion.hint(for: key, among: known)))
      }
    }
    if let namespace = top["namespace"], let text = top.string("namespace", problems: &problems) {
      if let problem = DNSLabel.problem(text) {
        problems.add(.error("namespace \"\(text)\" \(problem)", at: namespace.location))
      } else {
        result.namespace = namespace
      }
    }
    result.commonLabels = top.stringMap("commonLabels", problems: &problems)
    result.labels = top.stringMap("labels", problems: &problems)
    result.commonAnnotations = top.stringMap("commonAnnotations", problems: &problems)
    for item in top.sequence("images", problems: &problems) ?? [] {
      checkNotEmpty(item, ["newName", "newTag", "digest"], context: "images entry", &problems)
      if let image = KustomizationDecoder.imageOverride(item, context: "images entry", &problems) {
        result.images.append(image)
      }
    }
    for item in top.sequence("external", problems: &problems) ?? [] {
      let fields = StrictMapping(item, context: "external entry", problems: &problems)
      fields.checkKeys(["kind", "name"], problems: &problems)
      if let kind = fields.string("kind", problems: &problems), let name = fields.string("name", problems: &problems) {
        result.external.append(ExternalObject(kind: kind, name: name, location: item.location))
      } else if item.isMapping {
        problems.add(.error("external entry needs a kind and a name", at: item.location))
      }
    }
    if let kustomization = environment.decode(top, keys: kustomizationKeys, problems: &problems) {
      result.patches = kustomization.patches
      result.generators = kustomization
    }
    // A component's settings are checked again inside each of its instances: one report each.
    var reported = DiagnosticCollector()
    for diagnostic in problems.diagnostics where !reported.diagnostics.contains(diagnostic) { reported.add(diagnostic) }
    try reported.throwIfErrors()
    result.warnings = reported.diagnostics + unused.diagnostics
    return result
  }

  /// An empty image tag, repository or digest is what an unset variable leaves
  /// (`--set api.image.tag=$TAG`): it would silently become `:latest`, so it is an error.
  private static func checkNotEmpty(
    _ item: Node, _ keys: [String], context: String, _ problems: inout DiagnosticCollector
  ) {
    for key in keys {
      guard let value = item[key], let scalar = value.scalar, scalar.tag == .string || scalar.tag == .null,
        scalar.text.isEmpty
      else { continue }
      problems.add(
        .error(
          "\(context): \(key) is empty", at: value.location,
          hint:
            "an empty \(key) would leave the image's own (often latest); give a value, or remove the key (an unset variable in CI?)"
        ))
    }
  }

  /// Settings on a component that is not enabled do nothing: a warning at each, so a typo'd
  /// `enabled` or a forgotten one shows. Settings in `environments/defaults.yaml` are shared by
  /// every environment, enabled or not, and are not reported.
  private static func warnUnused(_ name: String, _ entries: [MapEntry], _ problems: inout DiagnosticCollector) {
    for entry in entries where entry.key != "enabled" && !entry.value.isNull {
      guard !entry.keyLocation.isGenerated, Path.fileName(entry.keyLocation.file) != "defaults.yaml" else { continue }
      problems.add(
        Diagnostic(
          .warning, "\(name).\(entry.key) has no effect: component \"\(name)\" is not enabled", at: entry.keyLocation,
          hint: "set \(name).enabled: true, or remove the setting"))
    }
  }

  private static func component(
    _ name: String, _ node: Node, _ environment: EnvironmentKustomization, _ problems: inout DiagnosticCollector
  ) -> ComponentValues {
    var result = ComponentValues()
    let fields = StrictMapping(node, context: "component \"\(name)\"", problems: &problems)
    fields.checkKeys(componentKeys, problems: &problems)
    result.enabled = fields.bool("enabled", problems: &problems) ?? false
    if let kustomization = environment.decode(
      fields, keys: ["patches", "configMapGenerator", "secretGenerator"], problems: &problems)
    {
      result.patches = kustomization.patches
      result.generators = kustomization.configMapGenerator + kustomization.secretGenerator
    }
    for entry in fields.entries where componentKeys.contains(entry.key) && entry.key != "enabled" && !entry.value.isNull
    {
      let setting = ComponentSetting(component: name, key: entry.key, value: entry.value)
      switch entry.key {
      case "replicas":
        guard let count = fields.int("replicas", problems: &problems) else { continue }
        if count < 0 {
          problems.add(.error("\(name).replicas must not be negative", at: entry.value.location))
          continue
        }
      case "image":
        guard fields.mapping("image", problems: &problems) != nil else { continue }
        let image = StrictMapping(entry.value, context: "\(name).image", problems: &problems)
        image.checkKeys(["repository", "tag", "digest"], problems: &problems)
        checkNotEmpty(entry.value, ["repository", "tag", "digest"], context: "\(name).image", &problems)
        result.image = ImageShortcut(
          repository: image.string("repository", problems: &problems), tag: image.string("tag", problems: &problems),
          digest: image.string("digest", problems: &problems), setting: setting)
        continue
      case "images":
        for item in fields.sequence("images", problems: &problems) ?? [] {
          checkNotEmpty(item, ["newName", "newTag", "digest"], context: "\(name).images entry", &problems)
          if let image = KustomizationDecoder.imageOverride(item, context: "\(name).images entry", &problems) {
            result.images.append(image)
          }
        }
        continue
      case "resources":
        guard let map = fields.mapping("resources", problems: &problems) else { continue }
        checkResources(map, component: name, &problems)
      case "env":
        guard let map = fields.mapping("env", problems: &problems) else { continue }
        checkEnv(map, component: name, &problems)
      case "nodeSelector", "podAnnotations", "podLabels":
        guard let map = fields.mapping(entry.key, problems: &problems) else { continue }
        for value in map.entries ?? [] where !value.value.isNull {
          _ = StrictMapping.string(value.value, what: "\(name).\(entry.key) \"\(value.key)\"", problems: &problems)
        }
      case "tolerations":
        guard let items = fields.sequence("tolerations", problems: &problems) else { continue }
        for item in items where !item.isMapping {
          problems.add(
            .error("\(name).tolerations entries must be mappings, not a \(item.kindDescription)", at: item.location))
        }
      case "affinity":
        guard fields.mapping("affinity", problems: &problems) != nil else { continue }
      case "patches", "configMapGenerator", "secretGenerator", "instances":
        continue
      default:
        continue
      }
      result.settings.append(setting)
    }
    result.instances = instances(of: name, fields, environment, &problems)
    return result
  }

  /// Each entry's settings are the component's (but `instances`) with the entry's merged over
  /// them as values layers merge, checked as a component's are.
  private static func instances(
    of name: String, _ fields: StrictMapping, _ environment: EnvironmentKustomization,
    _ problems: inout DiagnosticCollector
  ) -> [ComponentInstance] {
    guard let entries = fields.sequence("instances", problems: &problems) else { return [] }
    let shared = Node(
      .mapping(fields.entries.filter { $0.key != "instances" && $0.key != "enabled" }), at: fields.node.location)
    var result: [ComponentInstance] = []
    for (index, entry) in entries.enumerated() {
      let context = "\(name).instances[\(index)]"
      let own = StrictMapping(entry, context: context, problems: &problems)
      own.checkKeys(instanceKeys, problems: &problems)
      // Unknown keys are reported once, above, not again as the component's.
      let settingsNode = Node(
        .mapping(
          own.entries.filter {
            instanceKeys.contains($0.key) && !["namespace", "nameSuffix", "enabled"].contains($0.key)
          }),
        at: entry.location)
      var instance = ComponentInstance(
        settings: component(name, ValuesMerge.merge(shared, settingsNode), environment, &problems),
        location: entry.location)
      instance.enabled = own.bool("enabled", problems: &problems) ?? true
      if let namespace = own["namespace"], let text = own.string("namespace", problems: &problems) {
        if let problem = DNSLabel.problem(text) {
          problems.add(.error("namespace \"\(text)\" \(problem)", at: namespace.location))
        } else {
          instance.namespace = namespace
        }
      }
      if let suffix = own["nameSuffix"], own.string("nameSuffix", problems: &problems) != nil {
        instance.nameSuffix = suffix
      }
      if own["namespace"] == nil && own["nameSuffix"] == nil && entry.isMapping {
        problems.add(
          .error(
            "\(context) needs a namespace or a nameSuffix, or its objects would be those of every other copy",
            at: entry.location))
      }
      result.append(instance)
    }
    return result
  }

  /// `{requests: {cpu: 500m, memory: 1Gi}, limits: {…}}`: quantities are numbers or strings.
  private static func checkResources(_ map: Node, component: String, _ problems: inout DiagnosticCollector) {
    let fields = StrictMapping(map, context: "\(component).resources", problems: &problems)
    fields.checkKeys(["requests", "limits", "claims"], problems: &problems)
    for key in ["requests", "limits"] {
      guard let quantities = fields.mapping(key, problems: &problems) else { continue }
      for q in quantities.entries ?? [] {
        guard let scalar = q.value.scalar, [.string, .int, .float, .null].contains(scalar.tag) else {
          problems.add(
            .error(
              "\(component).resources.\(key).\(q.key) must be a quantity such as 500m or 1Gi, not a \(q.value.kindDescription)",
              at: q.value.location))
          continue
        }
      }
    }
  }

  /// `NAME: value` (a string) or `NAME: {valueFrom: …}`.
  private static func checkEnv(_ map: Node, component: String, _ problems: inout DiagnosticCollector) {
    for variable in map.entries ?? [] where !variable.value.isNull {
      if variable.value.isMapping {
        let fields = StrictMapping(variable.value, context: "\(component).env.\(variable.key)", problems: &problems)
        fields.checkKeys(["value", "valueFrom"], problems: &problems)
      } else {
        _ = StrictMapping.string(variable.value, what: "\(component).env.\(variable.key)", problems: &problems)
      }
    }
  }
}

/// Kubernetes names for namespaces: RFC 1123 labels.
enum DNSLabel {
  static func problem(_ name: String) -> String? {
    if name.isEmpty { return "is empty" }
    if name.utf8.count > 63 { return "is longer than 63 characters" }
    let ok = name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    if !ok { return "may only hold lowercase letters, digits and '-'" }
    if name.hasPrefix("-") || name.hasSuffix("-") { return "must start and end with a letter or digit" }
    return nil
  }
}

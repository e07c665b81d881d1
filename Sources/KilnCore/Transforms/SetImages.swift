import KilnYAML

/// Rewrites container images (`images:`), one entry after another, exactly as Kustomize does.
///
/// Kustomize makes two passes per entry over every object but CRDs: a walk that finds every
/// `containers`/`initContainers` list at any depth (CronJobs, custom resources), then the
/// standard pod-spec field specs (`FieldSpecs.images`). The second pass only matters for
/// `tagSuffix`, which Kustomize v5.5 therefore adds twice on standard paths
/// (`redis:6-alpine-alpine`); kiln reproduces that so its output stays byte-identical.
///
/// Each image is rewritten on its own, so kiln walks each object once and applies, at every
/// image, each entry in order (twice on the standard paths): the same result, one walk.
public struct SetImages: Transform {
  public var name: String { "SetImages" }
  /// Images through an index, unless field specs of a configuration reach other fields.
  public var batching: Batching { extraFieldSpecs.isEmpty && onStandardPaths ? .images(self) : .none }

  public var overrides: [ImageOverride]
  /// Fields beyond the standard pod-spec ones (`FieldSpecs.images`) that hold an image: from
  /// `images` of the kustomization's configuration, or an ImageTagTransformer's `fieldSpecs`.
  /// Each image there is rewritten once per entry.
  public var extraFieldSpecs: [FieldSpec]
  /// How a rewritten image is written (`ScalarRewrite`).
  public var scalarRewrite: ScalarRewrite
  /// Whether the field specs hold every standard pod-spec one, as a kustomization's `images`
  /// always do; an ImageTagTransformer's own `fieldSpecs` may not, and then only the walk
  /// rewrites there (once), and the standard specs it lists are extra ones.
  public var onStandardPaths: Bool

  public init(
    overrides: [ImageOverride], fieldSpecs: [FieldSpec] = FieldSpecs.images, scalarRewrite: ScalarRewrite = .asString
  ) {
    self.overrides = overrides
    onStandardPaths = FieldSpecs.images.allSatisfy(fieldSpecs.contains)
    extraFieldSpecs = onStandardPaths ? fieldSpecs.filter { !FieldSpecs.images.contains($0) } : fieldSpecs
    self.scalarRewrite = scalarRewrite
  }

  public func apply(to resources: inout [Resource]) throws {
    var extras = ApplicableSpecs(extraFieldSpecs)
    var problems = DiagnosticCollector()
    for index in resources.indices where resources[index].kind != "CustomResourceDefinition" {
      try Self.checkContainers(in: resources[index].node)
      if onStandardPaths { Self.emptyNullContainerLists(&resources[index].node) }
      rewrite(&resources[index].node)
      guard !extraFieldSpecs.isEmpty else { continue }
      for spec in extras.specs(for: resources[index].typeInfo) {
        problems.recording {
          try FieldPath.visit(&resources[index].node, spec, transform: name) { image in
            for override in overrides { Self.rewrite(&image, override, scalarRewrite) }
          }
        }
      }
    }
    try problems.throwIfErrors()
  }

  /// What Kustomize's two passes refuse, checked on every object an images entry meets (so
  /// even when nothing matches): a `containers` or `initContainers` list whose element is not
  /// a mapping, or whose element's `image` is not a scalar, at any depth; and a standard
  /// pod-spec `containers` that is neither a list nor a mapping. The same walk hands `image`
  /// the text of every image an entry would visit, so that indexing costs no second walk.
  static func checkContainers(in object: Node, images image: (String) -> Void = { _ in }) throws {
    if let spec = object["spec"] {
      for podSpec in [spec, spec["template"]?["spec"]].compactMap({ $0 }) where podSpec.isMapping {
        for key in ["containers", "initContainers"] {
          if let value = podSpec[key], value.scalar != nil, !value.isNull {
            throw Diagnostic.error(
              "\(key) should be a list of containers, not a \(value.kindDescription)", at: value.location)
          }
        }
      }
    }
    try checkContainerLists(in: object, image)
  }

  private static func checkContainerLists(in node: Node, _ found: (String) -> Void) throws {
    // By index, and without descending into scalars: this walk visits every node of every
    // object an images entry meets, and `for entry in entries` copies each entry.
    switch node.value {
    case .mapping(let entries):
      for i in entries.indices {
        if isContainerList(entries[i].key) { try checkContainerEntry(entries[i], found) }
        if case .scalar = entries[i].value.value { continue }
        try checkContainerLists(in: entries[i].value, found)
      }
    case .sequence(let items):
      for i in items.indices {
        if case .scalar = items[i].value { continue }
        try checkContainerLists(in: items[i], found)
      }
    case .scalar:
      break
    }
  }

  /// One `containers` or `initContainers` entry: a list of mappings whose `image`, if any, is a
  /// scalar, or a single container mapping.
  private static func checkContainerEntry(_ entry: MapEntry, _ found: (String) -> Void) throws {
    guard let items = entry.value.items else {
      if let image = entry.value["image"]?.scalarText { found(image) }
      return
    }
    for item in items where !item.isNull {
      guard item.isMapping else {
        throw Diagnostic.error(
          "\(entry.key) should hold containers (mappings), not a \(item.kindDescription)", at: item.location)
      }
      if let image = item["image"] {
        guard image.scalar != nil else {
          throw Diagnostic.error(
            "a container's image should be a string, not a \(image.kindDescription)", at: image.location)
        }
        if let text = image.scalarText { found(text) }
      }
    }
  }

  /// The field-spec pass meets `containers: null` (or `initContainers`) at a standard pod-spec
  /// path as a list it may not create, and leaves `[]` there, whatever the entry's name.
  static func emptyNullContainerLists(_ object: inout Node) {
    guard let spec = object["spec"], spec.isMapping else { return }
    let inTemplate = spec["template"]?["spec"]?.isMapping == true
    func hasNullList(_ podSpec: Node?) -> Bool {
      podSpec?["containers"]?.isNull == true || podSpec?["initContainers"]?.isNull == true
    }
    guard hasNullList(spec) || (inTemplate && hasNullList(spec["template"]?["spec"])) else { return }
    func empty(_ podSpec: inout Node) {
      for key in ["containers", "initContainers"] where podSpec[key]?.isNull == true {
        podSpec[key] = Node(.sequence([]), at: podSpec[key]?.location ?? .generated(by: "SetImages"))
      }
    }
    object.withValue(forKey: "spec") { spec in
      empty(&spec)
      if inTemplate { spec.withValue(forKey: "template") { $0.withValue(forKey: "spec") { empty(&$0) } } }
    }
  }

  /// Every entry, in order, on one object.
  func rewrite(_ object: inout Node) {
    Self.walkContainers(&object) { image, onStandardPath in
      for override in overrides {
        Self.rewrite(&image, override, scalarRewrite)
        if onStandardPath && onStandardPaths { Self.rewrite(&image, override, scalarRewrite) }
      }
    }
  }

  /// Kustomize matches an image by its text, whatever its YAML type (`image: 5`).
  private static func rewrite(_ image: inout Node, _ override: ImageOverride, _ scalarRewrite: ScalarRewrite) {
    guard let text = image.scalarText, override.matches(text) else { return }
    image = scalarRewrite.node(override.rewrite(text), replacing: image)
  }

  /// `containers` or `initContainers`: asked of every key of every object an entry meets.
  @inline(__always)
  private static func isContainerList(_ key: String) -> Bool {
    key.isSameKey(as: "containers") || key.isSameKey(as: "initContainers")
  }

  /// Calls `body` with the `image` of every element of every `containers` or
  /// `initContainers` list, at any depth, saying whether the list is at one of the standard
  /// pod-spec paths (`spec/…` or `spec/template/spec/…`).
  static func walkContainers(_ node: inout Node, _ body: (inout Node, _ onStandardPath: Bool) -> Void) {
    walk(&node, .root, body)
  }

  /// How far down the standard paths a walk is.
  private enum Place { case root, spec, template, templateSpec, elsewhere }

  private static func walk(_ node: inout Node, _ place: Place, _ body: (inout Node, Bool) -> Void) {
    switch node.value {
    case .mapping:
      node.withEntries { entries in
        for i in entries.indices {
          let key = entries[i].key
          let standard = place == .spec || place == .templateSpec
          if isContainerList(key) && entries[i].value.isSequence {
            entries[i].value.withItems { items in
              for j in items.indices { items[j].withValue(forKey: "image") { body(&$0, standard) } }
            }
          } else if isContainerList(key) && standard && entries[i].value.isMapping {
            // The field-spec pass takes a single container mapping for the list's one element
            // (the walk of lists does not see it): its image is rewritten once.
            entries[i].value.withValue(forKey: "image") { body(&$0, false) }
          }
          let next: Place =
            switch (place, key) {
            case (.root, "spec"): .spec
            case (.spec, "template"): .template
            case (.template, "spec"): .templateSpec
            default: .elsewhere
            }
          walk(&entries[i].value, next, body)
        }
      }
    case .sequence:
      node.withItems { items in
        for i in items.indices { walk(&items[i], .elsewhere, body) }
      }
    case .scalar:
      break
    }
  }
}

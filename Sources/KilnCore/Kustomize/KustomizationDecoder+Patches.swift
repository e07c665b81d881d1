import KilnYAML

/// The patch fields of a kustomization: `patches`, `patchesStrategicMerge`, `patchesJson6902`.
extension KustomizationDecoder {
  /// A `patchesStrategicMerge` entry: inline YAML, or else the path of a file.
  mutating func strategicMergePatch(_ item: Node) -> PatchSpec? {
    guard let text = StrictMapping.string(item, what: "patchesStrategicMerge entry", problems: &problems) else {
      return nil
    }
    // Inline text or a path: a key written twice still makes text (whether it is accepted is
    // the patch reader's business).
    if let documents = try? YAMLParser.parseDocuments(
      Array(text.utf8), file: file, dialect: .yaml12, options: [.keepDuplicateKeys]),
      !documents.isEmpty, documents.allSatisfy(\.isMapping)
    {
      return PatchSpec(form: .strategicMerge, text: text, file: file, target: nil, location: item.location)
    }
    return load(text, at: item.location).map {
      PatchSpec(form: .strategicMerge, text: $0.text, file: $0.display, target: nil, location: item.location)
    }
  }

  /// A `patches` or `patchesJson6902` entry: `{path | patch, target, options}`.
  mutating func patch(_ item: Node, form: PatchSpec.Form) -> PatchSpec? {
    let context = form == .json6902 ? "patchesJson6902 entry" : "patches entry"
    let fields = StrictMapping(item, context: context, problems: &problems)
    if !readsPluginConfiguration {
      fields.checkKeys(
        form == .json6902 ? ["path", "patch", "target"] : ["path", "patch", "target", "options"], problems: &problems)
    }
    // An empty path or patch is none (Go's zero value).
    let path = fields.string("path", problems: &problems).flatMap { $0.isEmpty ? nil : $0 }
    let inline = fields.string("patch", problems: &problems).flatMap { $0.isEmpty ? nil : $0 }
    var target: PatchTarget?
    if let node = fields.mapping("target", problems: &problems) {
      target = patchTarget(node, json6902: form == .json6902 && !readsPluginConfiguration)
    }
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
      spec = PatchSpec(
        form: form, text: text, file: file, target: target, location: fields["patch"]?.location ?? item.location)
    case (_?, _?):
      problems.add(.error("\(context) has both path and patch; give one", at: item.location))
    case (nil, nil) where item.isMapping || item.isNull:
      // (An entry of another kind, a string say, was reported as such already.)
      problems.add(.error("\(context) needs a path or a patch", at: item.location))
    case (nil, nil):
      break
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

  mutating func patchTarget(_ node: Node, json6902: Bool) -> PatchTarget {
    let fields = StrictMapping(node, context: "patch target", problems: &problems)
    let keys = ["group", "version", "kind", "name", "namespace"]
    if !readsPluginConfiguration {
      fields.checkKeys(json6902 ? keys : keys + ["labelSelector", "annotationSelector"], problems: &problems)
    }
    return PatchTarget(
      group: fields.string("group", problems: &problems), version: fields.string("version", problems: &problems),
      kind: fields.string("kind", problems: &problems), name: fields.string("name", problems: &problems),
      namespace: fields.string("namespace", problems: &problems),
      labelSelector: fields.string("labelSelector", problems: &problems),
      annotationSelector: fields.string("annotationSelector", problems: &problems), location: node.location)
  }

  mutating func load(_ path: String, at location: SourceLocation) -> (text: String, display: String)? {
    do {
      return try readFile(path, location)
    } catch {
      problems.record(error)
      return nil
    }
  }
}

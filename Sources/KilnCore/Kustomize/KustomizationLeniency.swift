import KilnYAML

/// kubectl reads a kustomization with sigs.k8s.io/yaml: the YAML goes into Go maps, out as JSON
/// (keys sorted), and into Go structs with encoding/json. So a key written twice keeps its last
/// value, and a field name in other letter case (`nameprefix`, `NamePrefix`) sets the field;
/// when several spellings of one field appear, the one whose key sorts last (by bytes) wins.
/// `kiln kustomize` reads the file the same way, warning at each place kubectl reads silently;
/// `kiln build` refuses both.
enum KustomizationLeniency {
  /// The struct fields Kustomize matches in any letter case, by where they are: "" is the
  /// kustomization itself, `images[]` an entry of its `images` list, `patches[].target` the
  /// target of a patch. Maps of the user's own keys (labels, annotations) are not here: their
  /// keys are taken as written.
  static func structFields(topLevel: [String]) -> [String: [String]] {
    let generator = ["name", "namespace", "behavior", "literals", "files", "envs", "env", "options", "type"]
    let options = ["labels", "annotations", "disableNameSuffixHash", "immutable"]
    let target = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"]
    let image = ["name", "newName", "newTag", "digest", "tagSuffix"]
    return [
      "": topLevel,
      "images[]": image, "imageTags[]": image,
      "replicas[]": ["name", "count"],
      "labels[]": ["pairs", "includeSelectors", "includeTemplates", "fields"],
      "patches[]": ["path", "patch", "target", "options"], "patches[].target": target,
      "patchesJson6902[]": ["path", "patch", "target"], "patchesJson6902[].target": target,
      "configMapGenerator[]": generator, "secretGenerator[]": generator,
      "configMapGenerator[].options": options, "secretGenerator[].options": options,
      "generatorOptions": options,
      "sortOptions": ["order", "legacySortOptions"], "sortOptions.legacySortOptions": ["orderFirst", "orderLast"],
    ]
  }

  /// `node` as kubectl's decoder sees it, and a warning for each place it reads differently
  /// from the text.
  static func apply(_ node: Node, topLevel: [String]) -> (node: Node, warnings: [Diagnostic]) {
    var warnings: [Diagnostic] = []
    let fields = structFields(topLevel: topLevel)
    let result = normalized(node, path: "", fields: fields, warnings: &warnings)
    return (result, warnings)
  }

  /// The same for another document Kustomize decodes this way (a plugin configuration), with
  /// its own table of struct fields.
  static func apply(_ node: Node, fields: [String: [String]]) -> (node: Node, warnings: [Diagnostic]) {
    var warnings: [Diagnostic] = []
    let result = normalized(node, path: "", fields: fields, warnings: &warnings)
    return (result, warnings)
  }

  private static func normalized(_ node: Node, path: String?, fields: [String: [String]], warnings: inout [Diagnostic])
    -> Node
  {
    switch node.value {
    case .scalar:
      return node
    case .sequence(let items):
      let itemPath = path.map { $0 + "[]" }
      return Node(
        .sequence(items.map { normalized($0, path: itemPath, fields: fields, warnings: &warnings) }), at: node.location)
    case .mapping(let entries):
      var kept = lastOfEach(entries, warnings: &warnings)
      if let path, let known = fields[path] { kept = folded(kept, known: known, warnings: &warnings) }
      let structure = path.flatMap { fields[$0] }
      return Node(
        .mapping(
          kept.map { entry in
            // Below a struct field the path goes on; below a map of the user's keys it ends.
            let childPath = structure == nil ? nil : (path!.isEmpty ? entry.key : path! + "." + entry.key)
            var entry = entry
            entry.value = normalized(entry.value, path: childPath, fields: fields, warnings: &warnings)
            return entry
          }),
        at: node.location)
    }
  }

  /// Each key once, with the value it was last given (a Go map keeps the last assignment).
  private static func lastOfEach(_ entries: [MapEntry], warnings: inout [Diagnostic]) -> [MapEntry] {
    var last: [String: Int] = [:]
    for (index, entry) in entries.enumerated() { last[entry.key] = index }
    guard last.count < entries.count else { return entries }
    var kept: [MapEntry] = []
    for (index, entry) in entries.enumerated() {
      if last[entry.key] == index {
        kept.append(entry)
      } else if let later = last[entry.key] {
        let repeated = entries[later].keyLocation
        warnings.append(
          Diagnostic(
            .warning,
            "key \"\(entry.key)\" is written again at line \(repeated.line), column \(repeated.column); kubectl kustomize uses the last value and ignores this one",
            at: entry.keyLocation))
      }
    }
    return kept
  }

  /// Keys that name a known field in other letter case, renamed to it. Where one field is
  /// spelled several ways, encoding/json sets it from each key in byte order of the keys, so
  /// the key that sorts last wins.
  private static func folded(_ entries: [MapEntry], known: [String], warnings: inout [Diagnostic]) -> [MapEntry] {
    let exact = Set(known)
    guard entries.contains(where: { !exact.contains($0.key) }) else { return entries }
    var byLowercase: [String: String] = [:]
    for name in known { byLowercase[name.lowercased()] = name }
    func field(of key: String) -> String? { exact.contains(key) ? key : byLowercase[key.lowercased()] }
    var winner: [String: String] = [:]
    for entry in entries {
      guard let name = field(of: entry.key) else { continue }
      if let current = winner[name], !current.utf8.lexicographicallyPrecedes(entry.key.utf8) { continue }
      winner[name] = entry.key
    }
    var kept: [MapEntry] = []
    for entry in entries {
      guard let name = field(of: entry.key) else {
        kept.append(entry)
        continue
      }
      let chosen = winner[name] ?? entry.key
      if chosen != entry.key {
        warnings.append(
          Diagnostic(
            .warning,
            "\"\(entry.key)\" and \"\(chosen)\" both set \(name); kubectl kustomize uses \"\(chosen)\" (its key sorts last) and ignores this one",
            at: entry.keyLocation))
        continue
      }
      var renamed = entry
      if entry.key != name {
        warnings.append(
          Diagnostic(
            .warning,
            "\"\(entry.key)\" is read as \"\(name)\": kubectl kustomize matches field names in any letter case",
            at: entry.keyLocation))
        renamed.key = name
      }
      kept.append(renamed)
    }
    return kept
  }
}

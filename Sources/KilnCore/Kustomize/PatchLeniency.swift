import KilnYAML

/// A patch that writes a key twice in one mapping. kubectl kustomize reads a strategic merge
/// patch with kyaml, which keeps both entries: the merge uses the first where the object has
/// the map, and copies both where it does not, which then fails when kubectl reads the object
/// back. A JSON 6902 patch goes through sigs.k8s.io/yaml into Go maps: the last value wins.
/// `kiln kustomize` does the same and warns at each repeated key; `kiln build` refuses them.
enum PatchLeniency {
  /// Marks each patch of `kustomization` whose text writes a key twice, so that it is read
  /// with both entries, and adds a warning for each such key.
  static func mark(_ kustomization: inout Kustomization) {
    var notices: [Diagnostic] = []
    mark(&kustomization.patchesStrategicMerge, &notices)
    mark(&kustomization.patches, &notices)
    mark(&kustomization.patchesJson6902, &notices)
    kustomization.notices += notices
  }

  private static func mark(_ specs: inout [PatchSpec], _ notices: inout [Diagnostic]) {
    for index in specs.indices {
      specs[index].readsAsKubectl = true
      let spec = specs[index]
      guard spec.text.contains(":"), !spec.text.drop(while: \.isWhitespace).hasPrefix("[") else { continue }
      // A JSON 6902 patch (a `patches:` entry holding a list) is read as sigs.k8s.io/yaml
      // reads it: YAML 1.1, keys as Go's text (`on:` and `y:` are both "true").
      func read(asJSONPatch: Bool) -> [Node]? {
        try? YAMLParser.parseDocuments(
          Array(spec.text.utf8), file: spec.file, dialect: asJSONPatch ? .yaml11 : .yaml12,
          options: asJSONPatch ? [.keepDuplicateKeys, .goMapKeys] : [.keepDuplicateKeys])
      }
      guard var documents = read(asJSONPatch: spec.form == .json6902) else { continue }
      let isJSONPatch = spec.form == .json6902 || documents.first?.items != nil
      if isJSONPatch && spec.form == .either {
        guard let asJSON = read(asJSONPatch: true) else { continue }
        documents = asJSON
      }
      let duplicates = documents.flatMap { $0.duplicateKeys() }
      guard !duplicates.isEmpty else { continue }
      specs[index].keepsDuplicateKeys = true
      let inline = spec.location.file == spec.file
      for duplicate in duplicates {
        let place = inline ? spec.location : duplicate.repeated
        let first = inline ? "" : " (first at line \(duplicate.first.line), column \(duplicate.first.column))"
        notices.append(
          Diagnostic(
            .warning,
            isJSONPatch
              ? "key \"\(duplicate.key)\" is written twice in one mapping of this JSON patch\(first); kubectl kustomize uses the last value"
              : "key \"\(duplicate.key)\" is written twice in one mapping of this strategic merge patch\(first); kubectl kustomize merges the first value",
            at: place))
      }
    }
  }

  /// `node` with each key of each mapping once, holding the value it was given last (Go maps).
  static func lastOfEach(_ node: Node) -> Node {
    switch node.value {
    case .scalar: return node
    case .sequence(let items): return Node(.sequence(items.map(lastOfEach)), at: node.location)
    case .mapping(let entries):
      var last: [String: Int] = [:]
      for (index, entry) in entries.enumerated() { last[entry.key] = index }
      let kept = entries.enumerated().compactMap { index, entry -> MapEntry? in
        guard last[entry.key] == index else { return nil }
        var entry = entry
        entry.value = lastOfEach(entry.value)
        return entry
      }
      return Node(.mapping(kept), at: node.location)
    }
  }

  /// kubectl reads the patched object back into Go maps, and fails on a key written twice (a
  /// repeated key of the patch copied into a map the object did not have).
  static func checkReadable(_ object: Node, patchedBy spec: PatchSpec) throws {
    guard let duplicate = object.duplicateKeys().first else { return }
    throw Diagnostic.error(
      "the patched object has key \"\(duplicate.key)\" twice in one mapping (the patch writes it twice where the object has no such field), and kubectl kustomize cannot read it back",
      at: spec.location.file == spec.file ? spec.location : duplicate.repeated)
  }
}

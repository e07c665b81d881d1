import KilnYAML

extension GeneratorOptions {
  /// A generator's own `options` with the file's `generatorOptions` merged in, as Kustomize
  /// merges them: a global label or annotation is added unless the generator sets the same
  /// key (the generator wins), and a global `disableNameSuffixHash: true` or `immutable: true`
  /// cannot be turned off by a generator.
  static func merging(_ local: GeneratorOptions?, global: GeneratorOptions?) -> GeneratorOptions {
    var merged = local ?? GeneratorOptions()
    guard let global else { return merged }
    merged.labels = adding(global.labels, to: merged.labels)
    merged.annotations = adding(global.annotations, to: merged.annotations)
    if global.disableNameSuffixHash == true { merged.disableNameSuffixHash = true }
    if global.immutable == true { merged.immutable = true }
    return merged
  }

  /// Whether the generated name gets a content hash.
  var addsHashSuffix: Bool { disableNameSuffixHash != true }

  private static func adding(_ extra: [MapEntry], to entries: [MapEntry]) -> [MapEntry] {
    var result = entries
    var present = Set(entries.map(\.key))
    for entry in extra where !present.contains(entry.key) {
      present.insert(entry.key)
      result.append(entry)
    }
    return result
  }
}

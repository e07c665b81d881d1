import KilnYAML

/// What happens to a generator entry on its way into Kustomize's generator, and the keys the
/// generated object cannot have.
///
/// Kustomize hands each entry (name, namespace, sources, type, and the options merged with
/// `generatorOptions`) to the generator as JSON written by Go and read back as YAML. So:
/// - DEL, the C1 controls other than NEL (U+0080–U+0084, U+0086–U+009F), U+FFFE and U+FFFF,
///   which Go's JSON writes as they are, are refused by the YAML reader ("control characters
///   are not allowed"), and the build fails;
/// - NEL (U+0085), also written as it is, is a line break to that reader, so it is folded
///   like a line break inside a double-quoted scalar (`Self.foldingNextLines`).
///
/// The generated object's keys (in `data`, `binaryData`, labels and annotations) are written
/// without a type and read again by YAML 1.2 rules, so a key such as `10`, `1.5`, `true`,
/// `null` or `2024-01-01` becomes a number, boolean, null or time, which Kustomize then cannot
/// turn into JSON ("json: unsupported type"), and the build fails.
enum GeneratorSettings {
  static func isRefused(_ scalar: Unicode.Scalar) -> Bool { JSONRoundTrip.isRefusedByYAMLReader(scalar) }

  /// Problems for every setting holding a refused character.
  static func check(_ spec: GeneratorSpec, options: GeneratorOptions, problems: inout DiagnosticCollector) {
    func look(_ text: String, at location: SourceLocation) {
      guard text.utf8.contains(where: { $0 == 0x7F || $0 >= 0xC2 }),
        let bad = text.unicodeScalars.first(where: isRefused)
      else { return }
      problems.add(.generatorControlCharacter(bad, in: text, at: location))
    }
    look(spec.name, at: spec.location)
    if let namespace = spec.namespace { look(namespace, at: spec.location) }
    if let type = spec.type { look(type, at: spec.location) }
    for source in spec.envs + spec.literals + spec.files { look(source.text, at: source.location) }
    for entry in options.labels + options.annotations {
      look(entry.key, at: entry.keyLocation)
      look(entry.value.string ?? "", at: entry.value.location)
    }
  }

  /// The entry and options as the generator receives them: every string with its NELs folded.
  static func received(_ spec: GeneratorSpec, options: GeneratorOptions) -> (GeneratorSpec, GeneratorOptions) {
    var spec = spec
    var options = options
    spec.name = foldingNextLines(spec.name)
    spec.namespace = spec.namespace.map(foldingNextLines)
    spec.type = spec.type.map(foldingNextLines)
    for i in spec.literals.indices { spec.literals[i].text = foldingNextLines(spec.literals[i].text) }
    for i in spec.files.indices { spec.files[i].text = foldingNextLines(spec.files[i].text) }
    for i in spec.envs.indices { spec.envs[i].text = foldingNextLines(spec.envs[i].text) }
    func fold(_ entries: inout [MapEntry]) {
      for i in entries.indices {
        entries[i].key = foldingNextLines(entries[i].key)
        if let text = entries[i].value.string {
          entries[i].value = .string(foldingNextLines(text), at: entries[i].value.location)
        }
      }
    }
    fold(&options.labels)
    fold(&options.annotations)
    return (spec, options)
  }

  static func foldingNextLines(_ text: String) -> String { JSONRoundTrip.foldingNextLines(text) }

  /// Throws for the first key of `data`, `binaryData`, labels or annotations that YAML 1.2
  /// reads as something other than a string.
  static func checkKeys(of node: Node) throws {
    let maps = [
      node["data"], node["binaryData"], node.value(at: ["metadata", "labels"]),
      node.value(at: ["metadata", "annotations"]),
    ]
    for map in maps {
      for entry in map?.entries ?? [] where !entry.key.isEmpty {
        let tag = ScalarResolver.resolvePlain(entry.key, dialect: .yaml12)
        if tag != .string { throw Diagnostic.generatedKeyNotAString(entry.key, tag, at: entry.keyLocation) }
      }
    }
  }
}

import KilnYAML

/// Adds a generated object to the objects built so far, following the entry's `behavior`.
///
/// The object it concerns is found by kind (`v1` ConfigMap or Secret), name and namespace,
/// where an empty namespace and `default` are the same, and where the name and namespace
/// may also be ones the object had before (a base's `cfg`, since renamed `p-cfg`, is still
/// `cfg` to an overlay's generator).
/// - `create`: added at the end; an error when such an object already exists.
/// - `merge`, `replace`: an error when none exists. The existing object keeps its name,
///   namespace and place in the list, and its labels and annotations, to which the new ones
///   are added (the new value wins). `merge` also merges `data` and `binaryData` key by key
///   (the new value wins); `replace` keeps only the new data. Everything else (a Secret's
///   `type`, `immutable`) is the new object's.
/// - The name gets a hash only when both the existing object and the new entry want one, so
///   merging into a ConfigMap from `resources:` never adds one.
enum GeneratorBehavior {
  static func absorb(
    _ generated: Resource, behavior: GeneratorSpec.Behavior, addsHash: Bool, at location: SourceLocation,
    into resources: inout [Resource]
  ) throws {
    let id = generated.id
    let matches = resources.indices.filter { Self.matches(resources[$0], id) }
    switch (matches.count, behavior) {
    case (0, .create):
      resources.append(generated)
    case (0, _):
      throw Diagnostic.generatorTargetMissing(id, behavior: behavior, at: location)
    case (1, .create):
      throw Diagnostic.generatedObjectExists(id, at: location, existing: resources[matches[0]].location)
    case (1, _):
      let index = matches[0]
      let combined = combine(resources[index], with: generated, behavior: behavior, addsHash: addsHash)
      try GeneratorSettings.checkKeys(of: combined.node)
      resources[index] = combined
    default:
      throw Diagnostic.generatorTargetAmbiguous(id, candidates: matches.map { resources[$0] }, at: location)
    }
  }

  /// Whether `resource` has, or once had, the id `id`.
  static func matches(_ resource: Resource, _ id: ResourceID) -> Bool {
    guard resource.kind == id.kind, resource.apiVersion == "v1" else { return false }
    let wanted = effective(id.namespace)
    return ([resource.id] + resource.previousIDs).contains { $0.name == id.name && effective($0.namespace) == wanted }
  }

  private static func effective(_ namespace: String) -> String { namespace.isEmpty ? "default" : namespace }

  static func combine(_ old: Resource, with new: Resource, behavior: GeneratorSpec.Behavior, addsHash: Bool) -> Resource
  {
    var result = old
    var node = new.node
    let at = new.node.location
    node.withMapping(forKey: "metadata", generatedBy: "Generators") { metadata in
      setStringMap(
        &metadata, "labels",
        merged(
          stringMap(old.node.value(at: ["metadata", "labels"])),
          stringMap(metadata["labels"])), at: at)
      setStringMap(
        &metadata, "annotations",
        merged(
          stringMap(old.node.value(at: ["metadata", "annotations"])),
          stringMap(metadata["annotations"])), at: at)
      metadata["name"] = .string(old.name, at: at)
      if let namespace = old.namespace, !namespace.isEmpty {
        metadata["namespace"] = .string(namespace, at: at)
      } else {
        metadata["namespace"] = nil
      }
    }
    if behavior == .merge {
      for field in ["data", "binaryData"] {
        setStringMap(&node, field, merged(stringMap(old.node[field]), stringMap(node[field])), at: at)
      }
    }
    result.node = node
    // A replaced object's origin is the replacing generator's; what transformed it is kept.
    if behavior == .replace, !old.origins.isEmpty {
      result.origins = [.replaced] + old.origins.dropFirst()
    }
    result.needsHashSuffix = old.needsHashSuffix && addsHash
    result.isGenerated = true
    return result
  }

  /// A string-to-string map as Kustomize reads one: each scalar's text (numbers and booleans
  /// become strings), "" for anything else.
  private static func stringMap(_ node: Node?) -> [(key: String, value: String, location: SourceLocation)] {
    (node?.entries ?? []).map { ($0.key, $0.value.scalar?.text ?? "", $0.value.location) }
  }

  private static func merged(
    _ old: [(key: String, value: String, location: SourceLocation)],
    _ new: [(key: String, value: String, location: SourceLocation)]
  ) -> [(key: String, value: String, location: SourceLocation)] {
    var result = old
    var index: [String: Int] = [:]
    for (i, entry) in result.enumerated() { index[entry.key] = i }
    for entry in new {
      if let i = index[entry.key] {
        result[i] = entry
      } else {
        index[entry.key] = result.count
        result.append(entry)
      }
    }
    return result
  }

  /// Sets `field` to the map, sorted by key; removes the field when the map is empty.
  private static func setStringMap(
    _ node: inout Node, _ field: String, _ entries: [(key: String, value: String, location: SourceLocation)],
    at location: SourceLocation
  ) {
    guard !entries.isEmpty else {
      node[field] = nil
      return
    }
    let sorted = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    node[field] = .mapping(
      sorted.map { MapEntry(key: $0.key, keyLocation: $0.location, value: .string($0.value, at: $0.location)) },
      at: location)
  }
}

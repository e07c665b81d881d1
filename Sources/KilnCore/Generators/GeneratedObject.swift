import KilnYAML

/// The ConfigMap or Secret a generator entry makes, laid out as Kustomize lays it out:
/// `apiVersion: v1`, `kind`, `metadata` (name, the namespace when given, labels and
/// annotations from the options), then
/// - ConfigMap: `data` for UTF-8 values and `binaryData` (base64) for the rest, each only when
///   it has a key;
/// - Secret: `type` (`Opaque` unless set) and `data`, always present, every value in base64;
/// - `immutable: true` when the options ask for it.
///
/// Base64 text of 70 characters or more is cut into lines (`Base64Lines`).
enum GeneratedObject {
  static func make(_ spec: GeneratorSpec, pairs: [GeneratorPair], options: GeneratorOptions) -> Node {
    let at = spec.location
    var metadata: [MapEntry] = [MapEntry(key: "name", keyLocation: at, value: .string(spec.name, at: at))]
    if let namespace = spec.namespace, !namespace.isEmpty {
      metadata.append(MapEntry(key: "namespace", keyLocation: at, value: .string(namespace, at: at)))
    }
    if !options.labels.isEmpty {
      metadata.append(MapEntry(key: "labels", keyLocation: at, value: stringMap(options.labels, at: at)))
    }
    if !options.annotations.isEmpty {
      metadata.append(MapEntry(key: "annotations", keyLocation: at, value: stringMap(options.annotations, at: at)))
    }

    var object: [MapEntry] = [
      MapEntry(key: "apiVersion", keyLocation: at, value: .string("v1", at: at)),
      MapEntry(key: "kind", keyLocation: at, value: .string(spec.kind.rawValue, at: at)),
      MapEntry(key: "metadata", keyLocation: at, value: .mapping(metadata, at: at)),
    ]
    let sorted = pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    switch spec.kind {
    case .configMap:
      var data: [MapEntry] = []
      var binary: [MapEntry] = []
      for pair in sorted {
        switch pair.content {
        case .text(let text):
          data.append(MapEntry(key: pair.key, keyLocation: pair.location, value: .string(text, at: pair.location)))
        case .bytes(let bytes):
          binary.append(
            MapEntry(
              key: pair.key, keyLocation: pair.location, value: .string(Base64Lines.encode(bytes), at: pair.location)))
        }
      }
      if !data.isEmpty { object.append(MapEntry(key: "data", keyLocation: at, value: .mapping(data, at: at))) }
      if !binary.isEmpty {
        object.append(MapEntry(key: "binaryData", keyLocation: at, value: .mapping(binary, at: at)))
      }
    case .secret:
      let type = spec.type.flatMap { $0.isEmpty ? nil : $0 } ?? "Opaque"
      object.append(MapEntry(key: "type", keyLocation: at, value: .string(type, at: at)))
      let data = sorted.map {
        MapEntry(
          key: $0.key, keyLocation: $0.location, value: .string(Base64Lines.encode($0.content.bytes), at: $0.location))
      }
      object.append(MapEntry(key: "data", keyLocation: at, value: .mapping(data, at: at)))
    }
    if options.immutable == true {
      object.append(MapEntry(key: "immutable", keyLocation: at, value: .bool(true, at: at)))
    }
    return .mapping(object, at: at)
  }

  private static func stringMap(_ entries: [MapEntry], at location: SourceLocation) -> Node {
    .mapping(
      entries.map {
        MapEntry(key: $0.key, keyLocation: $0.keyLocation, value: .string($0.value.string ?? "", at: $0.value.location))
      },
      at: location)
  }
}

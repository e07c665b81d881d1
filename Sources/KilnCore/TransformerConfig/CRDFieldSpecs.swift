import KilnYAML

/// Reads a file of a kustomization's `crds:` list into transformer configuration, as
/// Kustomize's `LoadConfigFromCRDs` does.
///
/// The file is not a CustomResourceDefinition: it is a map of OpenAPI definitions, as
/// `openapi-gen` writes them (`{"<package>.<Type>": {"Schema": {...}, "Dependencies": [...]}}`,
/// in JSON or YAML). A definition whose properties include `apiVersion`, `kind` and
/// `metadata` describes a kind, the last dot-separated part of its name. Its properties, and
/// those of the definitions they `$ref` (followed to any depth), add field specs for that kind:
/// - `x-kubernetes-object-ref-kind` with `x-kubernetes-object-ref-api-version`: a name
///   reference to objects of that kind and version (any group), from the property's
///   `x-kubernetes-object-ref-name-key` field (`name` unless it says otherwise);
/// - `x-kubernetes-annotation`: a `commonAnnotations` field;
/// - `x-kubernetes-label-selector`: a `commonLabels` field;
/// - `x-kubernetes-identity`: a `namePrefix` field.
/// An extension counts only when its value is a string, as in Kustomize (`x-…: ""`).
/// Kustomize ignores a key's letter case for `Schema`, `Dependencies` and `properties`.
public struct CRDFieldSpecs {
  let file: String
  private var definitions: [String: [MapEntry]] = [:]

  /// The configuration a `crds:` file adds.
  public static func configuration(_ bytes: [UInt8], file: String, at location: SourceLocation) throws
    -> TransformerConfig
  {
    // Kustomize reads the first byte of the file to tell JSON from YAML: an empty file makes
    // it crash.
    guard !bytes.isEmpty else {
      throw Diagnostic.error(
        "the crds file \"\(file)\" is empty: it should map OpenAPI type names to definitions", at: location)
    }
    let documents: [Node]
    do {
      documents = try YAMLParser.parseDocuments(bytes, file: file, firstDocumentOnly: true)
    } catch {
      throw Diagnostic(error)
    }
    var reader = CRDFieldSpecs(file: file)
    if let root = documents.first { try reader.readDefinitions(root) }
    return try reader.configuration()
  }

  private init(file: String) { self.file = file }

  private mutating func readDefinitions(_ root: Node) throws {
    if root.isNull { return }
    guard case .mapping(let entries) = root.value else {
      throw invalid("it should map OpenAPI type names to definitions", at: root.location)
    }
    for entry in entries {
      definitions[entry.key] = try properties(ofDefinition: entry.value)
    }
  }

  /// A definition's `Schema.properties`, checked as far as Kustomize's decoding checks them.
  private func properties(ofDefinition node: Node) throws -> [MapEntry] {
    if node.isNull { return [] }
    guard case .mapping(let fields) = node.value else {
      throw invalid("a definition should be a mapping with a Schema", at: node.location)
    }
    if let dependencies = Self.field(fields, "Dependencies"), !dependencies.isNull {
      guard case .sequence(let items) = dependencies.value, items.allSatisfy({ $0.scalar?.tag == .string }) else {
        throw invalid("Dependencies should be a list of type names", at: dependencies.location)
      }
    }
    guard let schema = Self.field(fields, "Schema"), !schema.isNull else { return [] }
    guard case .mapping(let schemaFields) = schema.value else {
      throw invalid("a Schema should be a mapping", at: schema.location)
    }
    guard let properties = Self.field(schemaFields, "properties"), !properties.isNull else { return [] }
    guard case .mapping(let entries) = properties.value else {
      throw invalid("properties should map names to schemas", at: properties.location)
    }
    for entry in entries where !entry.value.isNull && !entry.value.isMapping {
      throw invalid("the schema of property \"\(entry.key)\" should be a mapping", at: entry.value.location)
    }
    return entries
  }

  /// The configuration of every definition that describes a kind, in the order of their
  /// names (Kustomize's is a map's, and its merge sorts what matters).
  private func configuration() throws -> TransformerConfig {
    var result = TransformerConfig()
    for name in definitions.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let keys = Set((definitions[name] ?? []).map(\.key))
      guard keys.contains("kind"), keys.contains("apiVersion"), keys.contains("metadata") else { continue }
      let kind = name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? name
      var own = TransformerConfig()
      try walk(name, kind: kind, path: [], chain: [], into: &own)
      result = try result.merged(with: own)
    }
    return result
  }

  private func walk(
    _ typeName: String, kind: String, path: [String], chain: [String], into config: inout TransformerConfig
  ) throws {
    guard let properties = definitions[typeName] else { return }
    if chain.contains(typeName) {
      throw invalid(
        "the definitions of \"\(typeName)\" refer to themselves ($ref), without end", at: nil)
    }
    for property in properties {
      guard case .mapping(let fields) = property.value.value else { continue }
      let here = path + [property.key]
      let at = property.value.location
      func spec(_ steps: [String]) -> FieldSpec {
        var spec = FieldSpec(kind: kind, path: steps.joined(separator: "/"), create: false)
        spec.location = at
        return spec
      }
      if Self.string(fields, "x-kubernetes-annotation") != nil {
        config.commonAnnotations = try TransformerConfig.merge(
          config.commonAnnotations, [spec(here)], "commonAnnotations")
      }
      if Self.string(fields, "x-kubernetes-label-selector") != nil {
        config.commonLabels = try TransformerConfig.merge(config.commonLabels, [spec(here)], "commonLabels")
      }
      if Self.string(fields, "x-kubernetes-identity") != nil {
        config.namePrefix = try TransformerConfig.merge(config.namePrefix, [spec(here)], "namePrefix")
      }
      if let version = Self.string(fields, "x-kubernetes-object-ref-api-version"),
        let target = Self.string(fields, "x-kubernetes-object-ref-kind")
      {
        let nameKey = Self.string(fields, "x-kubernetes-object-ref-name-key") ?? "name"
        var referrer = FieldSpec(
          kind: kind, steps: NameReferenceTable.steps((here + [nameKey]).joined(separator: "/")).map { .key($0) },
          create: false)
        referrer.location = at
        try config.addNameReferences([
          NameReferenceTable.Row(
            target: NameReferenceTable.Target(group: nil, version: version, kind: target), referrers: [referrer])
        ])
      }
      if let reference = Self.string(fields, "$ref") {
        try walk(reference, kind: kind, path: here, chain: chain + [typeName], into: &config)
      }
    }
  }

  /// The last value under `key`, its letter case ignored (Go's JSON decoding of a struct).
  private static func field(_ entries: [MapEntry], _ key: String) -> Node? {
    let lowered = key.lowercased()
    return entries.last { $0.key.lowercased() == lowered }?.value
  }

  /// A string value under exactly `key`; other values do not count.
  private static func string(_ entries: [MapEntry], _ key: String) -> String? {
    guard let scalar = entries.last(where: { $0.key == key })?.value.scalar, scalar.tag == .string else { return nil }
    return scalar.text
  }

  private func invalid(_ what: String, at location: SourceLocation?) -> Diagnostic {
    .error("unable to read the OpenAPI definitions of crds file \"\(file)\": \(what)", at: location)
  }
}

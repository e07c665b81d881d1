import KilnYAML

/// `openapi`: `version` names a schema built into Kustomize (v5.5 has one, v1.21.2), `path` a
/// schema file (JSON or YAML) that replaces it for strategic merge patches; not both. Other
/// keys are ignored, as Kustomize reads the field as a map of strings.
extension KustomizationDecoder {
  static let builtinOpenAPIVersion = "v1.21.2"

  mutating func openAPI(_ fields: StrictMapping) -> Kustomization.OpenAPI? {
    guard let node = fields.mapping("openapi", problems: &problems) else { return nil }
    let entry = StrictMapping(node, context: "openapi", problems: &problems)
    for item in entry.entries { _ = StrictMapping.string(item.value, what: "openapi \(item.key)", problems: &problems) }
    let version = entry.string("version", problems: &problems)
    guard let pathNode = entry["path"], let path = entry.string("path", problems: &problems) else {
      guard let version, !version.isEmpty else { return nil }
      guard version == Self.builtinOpenAPIVersion else {
        problems.add(
          .error(
            "OpenAPI version \"\(version)\" is not built in; Kustomize v5.5 has only \(Self.builtinOpenAPIVersion)",
            at: entry["version"]?.location))
        return nil
      }
      return .builtin
    }
    if node["version"] != nil {
      problems.add(
        .error("openapi sets both a built-in version and a schema path; use one", at: fields.keyLocation("openapi")))
      return nil
    }
    do {
      let (text, display) = try readFile(path, pathNode.location)
      let documents = try YAMLParser.parseStream(Array(text.utf8), file: display, dialect: .yaml12)
      return .custom(CustomSchema.read(documents.first ?? .null()))
    } catch {
      problems.record(error)
      return nil
    }
  }
}

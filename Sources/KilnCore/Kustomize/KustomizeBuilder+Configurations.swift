import KilnYAML

extension KustomizeBuilder {
  /// What a kustomization itself brings to its configuration (Kustomize's
  /// `MakeTransformerConfig`): the defaults with its inline `configurations:` entries merged in
  /// turn, then with its files, merged with one another first.
  func ownConfiguration(_ kustomization: Kustomization, in directory: String) throws -> TransformerConfig {
    guard !kustomization.configurations.isEmpty else { return .defaults }
    var config = TransformerConfig.defaults
    var fromFiles = TransformerConfig()
    for entry in kustomization.configurations {
      // Kustomize takes an entry with a line break in it for the configuration itself.
      if entry.path.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
        let documents: [Node]
        do {
          documents = try YAMLParser.parseDocuments(
            Array(entry.path.utf8), file: entry.location.file, firstDocumentOnly: true)
        } catch {
          throw Diagnostic.error("this configurations entry is not valid YAML: \(error)", at: entry.location)
        }
        config = try config.merged(with: TransformerConfigDecoder.decode(documents.first ?? .null()))
        continue
      }
      let path = try files.resolve(
        entry.path, in: directory, at: entry.location, mayLeaveRoot: rules.filesInsideTheirKustomization)
      let documents = try files.parseYAML(path, within: fence(directory), firstDocumentOnly: true, at: entry.location)
      fromFiles = try fromFiles.merged(with: TransformerConfigDecoder.decode(documents.first ?? .null()))
    }
    return try config.merged(with: fromFiles)
  }
}

extension KustomizeBuilder {
  /// A `labels` entry's own fields with the configuration's label fields merged in (the
  /// decoder merged Kustomize's defaults, and reported any conflict with them).
  static func configured(_ set: Kustomization.LabelSet, _ config: TransformerConfig) -> [FieldSpec] {
    guard
      config.commonLabels != TransformerConfig.defaults.commonLabels
        || config.templateLabels != TransformerConfig.defaults.templateLabels
    else { return set.fields }
    let merged = try? AddLabels.fieldSpecs(
      includeSelectors: set.includeSelectors, includeTemplates: set.includeTemplates, custom: set.fields,
      config: config)
    return merged ?? set.fields
  }
}

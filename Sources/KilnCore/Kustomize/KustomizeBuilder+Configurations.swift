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
  /// What a kustomization's `crds:` files add to its configuration (Kustomize merges it after
  /// the `configurations:`), each file merged into the ones before.
  func crdConfiguration(_ kustomization: Kustomization, in directory: String) throws -> TransformerConfig {
    var config = TransformerConfig()
    for entry in kustomization.crds {
      let path = try files.resolve(
        entry.path, in: directory, at: entry.location, mayLeaveRoot: rules.filesInsideTheirKustomization)
      let bytes = try files.read(path, within: fence(directory), at: entry.location)
      config = try config.merged(
        with: CRDFieldSpecs.configuration(bytes, file: files.display(path), at: entry.location))
    }
    return config
  }
}

extension KustomizeBuilder {
  /// A `labels` entry's field specs under the kustomization's configuration: its own fields,
  /// then the configuration's `labels` specs, then the label fields its reach takes (the
  /// decoder merged Kustomize's defaults, and reported any conflict with them).
  static func configured(_ set: Kustomization.LabelSet, _ config: TransformerConfig) -> [FieldSpec] {
    guard
      !config.labels.isEmpty || config.commonLabels != TransformerConfig.defaults.commonLabels
        || config.templateLabels != TransformerConfig.defaults.templateLabels
    else { return set.fields }
    let merged = try? AddLabels.fieldSpecs(
      includeSelectors: set.includeSelectors, includeTemplates: set.includeTemplates, custom: set.ownFields,
      config: config)
    return merged ?? set.fields
  }

  /// kubectl refuses a configuration whose `labels` specs conflict with a `labels` entry's
  /// fields or with the label fields it reaches (one creates the field, the other does not).
  static func checkLabelFields(_ kustomization: Kustomization, _ config: TransformerConfig) throws {
    guard !config.labels.isEmpty else { return }
    for set in kustomization.labels {
      do {
        _ = try AddLabels.fieldSpecs(
          includeSelectors: set.includeSelectors, includeTemplates: set.includeTemplates, custom: set.ownFields,
          config: config)
      } catch let error as Diagnostic {
        throw Diagnostic.error(
          "a labels entry and the configurations' labels field specs: \(error.message)",
          at: config.labels.first?.location ?? kustomization.location)
      }
    }
  }
}

import KilnYAML

/// The keys an environment file writes as a kustomization would (`patches`,
/// `configMapGenerator`, `secretGenerator`, `generatorOptions`), read by the kustomization
/// decoder itself, so that they mean, and are checked, exactly as in a kustomization. Files
/// they name are relative to `environments/` and never outside the project.
struct EnvironmentKustomization {
  static let directory = EnvironmentLoader.directory

  let files: ProjectFiles?

  /// The kustomization holding `keys` of `fields`, or nil when none of them is set.
  func decode(_ fields: StrictMapping, keys: [String], problems: inout DiagnosticCollector) -> Kustomization? {
    // An empty list or map sets nothing (and would make an empty kustomization).
    let present = fields.entries.filter {
      keys.contains($0.key) && !$0.value.isNull && $0.value.items?.isEmpty != true && $0.value.entries?.isEmpty != true
    }
    guard let first = present.first else { return nil }
    let node = Node(.mapping(present), at: first.keyLocation)
    do {
      var kustomization = try KustomizationDecoder.decode(node, file: first.keyLocation.file, context: fields.context) {
        path, at in
        try read(path, at: at)
      }
      for i in kustomization.configMapGenerator.indices { declare(&kustomization.configMapGenerator[i]) }
      for i in kustomization.secretGenerator.indices { declare(&kustomization.secretGenerator[i]) }
      return kustomization
    } catch {
      problems.record(error)
      return nil
    }
  }

  /// Generator files are named relative to `environments/`; the objects' source is the file
  /// that wrote the entry.
  private func declare(_ spec: inout GeneratorSpec) {
    var source = spec.location.file
    if let prefix = files?.displayPrefix, !prefix.isEmpty, source.hasPrefix(prefix) { source.removeFirst(prefix.count) }
    spec.declaredIn = (Self.directory, source)
  }

  private func read(_ path: String, at location: SourceLocation) throws -> (text: String, display: String) {
    guard let files else { throw Diagnostic.error("values cannot name files here (\"\(path)\")", at: location) }
    let resolved = try files.resolve(path, in: Self.directory, at: location)
    let bytes = try files.read(resolved, at: location)
    return (String(decoding: bytes, as: UTF8.self), files.display(resolved))
  }
}

import KilnYAML

/// Builds one directory of a project into objects: with a kustomization file, its
/// resources (files and nested directories, depth first, in listed order) and then its
/// transformers; without one, every `*.yaml`/`*.yml` file in it, in byte order of the name.
struct DirectoryBuilder {
  let files: ProjectFiles
  /// Deprecation notes met on the way, for stderr.
  var warnings: [Diagnostic] = []
  private var building: [String] = []

  init(files: ProjectFiles) { self.files = files }

  /// The kustomization file of a directory, if it has one (more than one is an error).
  func kustomizationFile(in directory: String) throws -> String? {
    let present = Kustomization.fileNames.filter { files.kind(of: join(directory, $0)) == .file }
    if present.count > 1 {
      throw Diagnostic.error(
        "\(files.display(directory)) has more than one kustomization file (\(present.joined(separator: ", ")))", at: nil)
    }
    return present.first.map { join(directory, $0) }
  }

  /// Builds `directory` (project-relative) and tags every object with `component`.
  mutating func build(_ directory: String, component: String?, requestedBy location: SourceLocation? = nil) throws -> [Resource] {
    if building.contains(directory) {
      throw Diagnostic.error("\(files.display(directory)) includes itself through its resources", at: location)
    }
    building.append(directory)
    defer { building.removeLast() }

    guard let file = try kustomizationFile(in: directory) else {
      return try plainDirectory(directory, component: component)
    }
    let documents = try files.parseYAML(file, at: location)
    guard documents.count <= 1 else {
      throw Diagnostic.error("a kustomization file holds one document, this one has \(documents.count)", at: documents[1].location)
    }
    let kustomization = try KustomizationDecoder.decode(documents.first ?? .null(), file: files.display(file))
    warnings += kustomization.warnings
    var resources: [Resource] = []
    var problems = DiagnosticCollector()
    for entry in kustomization.resources {
      problems.recording {
        resources += try buildEntry(entry, in: directory, component: component)
      }
    }
    try problems.throwIfErrors()
    for transform in kustomization.transforms {
      try transform.apply(to: &resources)
    }
    return resources
  }

  private mutating func buildEntry(_ entry: Kustomization.Entry, in directory: String, component: String?) throws -> [Resource] {
    if entry.path.contains("://") || entry.path.hasPrefix("github.com/") || entry.path.hasPrefix("git@") {
      throw Diagnostic.error("remote resources are not supported: \"\(entry.path)\"", at: entry.location)
    }
    let path = try files.resolve(entry.path, in: directory, at: entry.location)
    switch files.kind(of: path) {
    case .directory:
      if let nested = try kustomizationFile(in: path), try isComponent(nested) {
        throw Diagnostic.error(
          "\"\(entry.path)\" is a Component; list it under components, not resources", at: entry.location)
      }
      return try build(path, component: component, requestedBy: entry.location)
    case .file:
      return try ResourceFile.load(path, files: files, component: component, at: entry.location)
    case nil:
      let siblings = (try? files.list(directory)) ?? []
      throw Diagnostic.error(
        "resource \"\(entry.path)\" does not exist", at: entry.location,
        hint: Suggestion.hint(for: Path.fileName(entry.path), among: siblings))
    }
  }

  private func isComponent(_ file: String) throws -> Bool {
    let documents = try files.parseYAML(file, at: nil)
    return documents.first?["kind"]?.string == "Component"
  }

  private func plainDirectory(_ directory: String, component: String?) throws -> [Resource] {
    var resources: [Resource] = []
    var problems = DiagnosticCollector()
    for name in try files.list(directory) where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      let path = join(directory, name)
      guard files.kind(of: path) == .file else { continue }
      problems.recording { resources += try ResourceFile.load(path, files: files, component: component, at: nil) }
    }
    try problems.throwIfErrors()
    return resources
  }

  private func join(_ directory: String, _ name: String) -> String {
    directory == "." ? name : directory + "/" + name
  }
}

import KilnYAML

/// Reading and parsing files is a large part of a big build, and each file stands alone, while
/// the build itself runs in order: so the files a tree will need are parsed first, on every
/// core (`ProjectFiles.parseAhead`), and the build finds them done.
extension KustomizeBuilder {
  /// Has every file the build of `kustomization` will parse (resource files and the
  /// kustomizations of its resource directories and components, at any depth) parsed in
  /// parallel before the build reads them in order: level by level, since a level's
  /// kustomizations name the next level's files. Any problem is left for the build to meet.
  mutating func parseAhead(_ kustomization: Kustomization, in directory: String) {
    guard parsedAhead.insert(directory).inserted else { return }
    var level = [(kustomization, directory)]
    while !level.isEmpty {
      var requests: [ProjectFiles.ParseRequest] = []
      var directories: [String] = []
      for (kustomization, directory) in level {
        entries(of: kustomization, in: directory, files: &requests, directories: &directories)
      }
      var kustomizationDirectories: [String] = []
      for directory in directories {
        let kustomizationFiles = kustomizationFiles(in: directory)
        if kustomizationFiles.count == 1 {
          requests.append(.init(
            path: join(directory, kustomizationFiles[0]), fence: fence(directory), dialect: .yaml11, firstDocumentOnly: true))
          kustomizationDirectories.append(directory)
        } else if rules.plainDirectories {
          for name in (try? files.list(directory)) ?? [] where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            requests.append(.init(path: join(directory, name), fence: fence(directory), dialect: rules.resourceDialect))
          }
        }
      }
      files.parseAhead(requests)
      level = kustomizationDirectories.compactMap { directory in
        (try? load(directory, requestedBy: nil)).flatMap { $0 }.map { ($0, directory) }
      }
    }
  }

  /// The files and the not yet seen directories among a kustomization's resources and components.
  private mutating func entries(
    of kustomization: Kustomization, in directory: String, files requests: inout [ProjectFiles.ParseRequest],
    directories: inout [String]
  ) {
    for entry in kustomization.resources + kustomization.components where !Self.isRemote(entry.path) {
      guard let path = try? files.resolve(entry.path, in: directory, at: nil, mayLeaveRoot: rules.filesInsideTheirKustomization)
      else { continue }
      switch files.kind(of: path) {
      case .directory:
        if parsedAhead.insert(path).inserted { directories.append(path) }
      case .file:
        requests.append(.init(path: path, fence: fence(directory), dialect: rules.resourceDialect))
      case nil:
        continue
      }
    }
  }
}

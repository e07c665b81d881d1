import KilnYAML
import Synchronization

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
    var requests: [ProjectFiles.ParseRequest] = []
    while !level.isEmpty {
      var directories: [String] = []
      for (kustomization, directory) in level {
        entries(of: kustomization, in: directory, files: &requests, directories: &directories)
      }
      files.parseAhead(requests)
      requests = []
      // Each directory is listed, and its kustomization found, read and decoded, on every core.
      let found = loadInParallel(directories)
      level = []
      for (directory, kustomization) in zip(directories, found) {
        if let kustomization {
          level.append((kustomization, directory))
        } else if rules.plainDirectories && kustomizationFiles(in: directory).isEmpty {
          for name in (try? files.list(directory)) ?? [] where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            requests.append(
              .init(
                path: join(directory, name), fence: fence(directory), dialect: rules.resourceDialect,
                options: rules.resourceReading))
          }
        }
      }
    }
    files.parseAhead(requests)
  }

  /// The kustomizations of `directories` (nil where there is none, or it does not load: the
  /// build meets that problem again, in order), loaded on every core.
  private func loadInParallel(_ directories: [String]) -> [Kustomization?] {
    let builder = self
    let found = Mutex([Kustomization?](repeating: nil, count: directories.count))
    InParallel.each(directories.count, minimum: 4) { index in
      guard let kustomization = (try? builder.load(directories[index], requestedBy: nil)) ?? nil else { return }
      found.withLock { $0[index] = kustomization }
    }
    return found.withLock { $0 }
  }

  /// The files and the not yet seen directories among a kustomization's resources and components.
  private mutating func entries(
    of kustomization: Kustomization, in directory: String, files requests: inout [ProjectFiles.ParseRequest],
    directories: inout [String]
  ) {
    for entry in kustomization.resources + kustomization.components where !Self.isRemote(entry.path) {
      guard
        let path = try? files.resolve(
          entry.path, in: directory, at: nil, mayLeaveRoot: rules.filesInsideTheirKustomization)
      else { continue }
      switch files.kind(of: path) {
      case .directory:
        if parsedAhead.insert(path).inserted { directories.append(path) }
      case .file:
        requests.append(
          .init(path: path, fence: fence(directory), dialect: rules.resourceDialect, options: rules.resourceReading))
      case nil:
        continue
      }
    }
  }
}

/// The repository an Argo CD application comes from, as the plugin sees it: a copy of the
/// whole repository with the plugin running in the application's directory. Value files named
/// through Argo CD are the application owner's input, and a repository server renders many
/// tenants' applications side by side: a name such as `../../other-tenant/values.yaml`, an
/// absolute path or a symlink must not reach outside the repository. This is the rule Argo CD
/// itself applies to Helm value files since CVE-2022-24348: a relative name is read from the
/// application's directory, an absolute one from the repository root, and the file, every
/// symlink resolved, must lie inside the repository.
public struct ArgoCDRepository: Sendable {
  /// The repository root, absolute, symlinks resolved.
  public let root: String
  /// The application's directory, absolute, symlinks resolved.
  public let applicationDirectory: String
  private let fileSystem: any FileSystem

  /// `sourcePath` is `ARGOCD_APP_SOURCE_PATH`, the application's path in the repository: the
  /// root is the application's directory less that many trailing components. When the path
  /// is missing or does not match the directory's tail, the root is the application's
  /// directory itself, the narrowest choice.
  public init(applicationDirectory: String, sourcePath: String?, fileSystem: any FileSystem = DiskFileSystem()) throws {
    self.fileSystem = fileSystem
    do throws(FileSystemError) {
      self.applicationDirectory = try fileSystem.resolvingSymlinks(applicationDirectory)
    } catch {
      throw ArgoCDInputs.Problem(description: "application directory: \(error.reason)")
    }
    root = Self.root(of: self.applicationDirectory, sourcePath: sourcePath ?? "")
  }

  static func root(of directory: String, sourcePath: String) -> String {
    let parts = Path.normalize(sourcePath).split(separator: "/")
    guard !parts.contains(".."), !parts.isEmpty else { return directory }
    // On bytes: two spellings of one name that Unicode calls equivalent are two directories.
    var root = Array(directory.utf8)
    for part in parts.reversed() {
      let tail = Array(("/" + part).utf8)
      guard root.count >= tail.count, root[(root.count - tail.count)...].elementsEqual(tail) else { return directory }
      root.removeLast(tail.count)
    }
    return root.isEmpty ? "/" : String(decoding: root, as: UTF8.self)
  }

  /// The files `names` name, each checked to resolve inside the repository; they are read
  /// from the resolved paths, so a link cannot be swapped between the check and the read.
  public func valueFiles(_ names: [String]) throws -> [UserFile] {
    try names.map { name in
      let joined =
        name.hasPrefix("/") ? Path.join(root, String(name.drop { $0 == "/" })) : Path.join(applicationDirectory, name)
      let resolved: String
      do throws(FileSystemError) {
        resolved = try fileSystem.resolvingSymlinks(joined)
      } catch {
        throw ArgoCDInputs.Problem(description: "values file \(name): \(error.reason)")
      }
      let prefix = root == "/" ? "/" : root + "/"
      // Compared as bytes: String comparison folds canonically equivalent spellings, and two
      // such spellings are two different files.
      guard resolved.utf8.starts(with: prefix.utf8) else {
        // The resolved path is not shown: it would tell a tenant about the server's files.
        throw ArgoCDInputs.Problem(
          description: "values file \(name) resolves outside the application's repository; kiln does not read it")
      }
      return UserFile(path: resolved, display: name)
    }
  }
}

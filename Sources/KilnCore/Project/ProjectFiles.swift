public import KilnYAML

/// Reads the project's own files, refusing anything that resolves outside the project root.
///
/// Paths inside kiln are project-relative (`components/api/deployment.yaml`); diagnostics show
/// them prefixed with the project directory as the user gave it (`-C examples/x`), so every
/// path printed can be opened from the current directory.
public struct ProjectFiles: Sendable {
  public let fileSystem: any FileSystem
  /// The project root, absolute, symlinks resolved.
  public let root: String
  /// Prepended to project-relative paths in diagnostics: "" or "examples/x/".
  public let displayPrefix: String

  public init(fileSystem: any FileSystem, root: String, displayPrefix: String) throws {
    self.fileSystem = fileSystem
    do {
      self.root = try fileSystem.resolvingSymlinks(root)
    } catch {
      throw Diagnostic.error("project directory \(displayPrefix.isEmpty ? "." : displayPrefix): \(error.reason)", at: nil)
    }
    self.displayPrefix = displayPrefix
  }

  public func absolute(_ relative: String) -> String { Path.join(root, relative) }

  public func display(_ relative: String) -> String { displayPrefix + relative }

  public func kind(of relative: String) -> FileKind? { fileSystem.kind(of: absolute(relative)) }

  /// `relative` joined onto `directory` and normalized, or an error when it leaves the project.
  public func resolve(_ path: String, in directory: String, at location: SourceLocation?) throws -> String {
    if path.hasPrefix("/") {
      throw Diagnostic.error("\"\(path)\" is an absolute path; project files are named relative to their directory", at: location)
    }
    let joined = Path.normalize(directory == "." ? path : directory + "/" + path)
    if joined.hasPrefix("..") || joined == ".." {
      throw Diagnostic.error("\"\(path)\" is outside the project directory", at: location)
    }
    return joined.isEmpty ? "." : joined
  }

  /// The bytes of a project file, after checking that it (symlinks resolved) is inside the root.
  public func read(_ relative: String, at location: SourceLocation?) throws -> [UInt8] {
    let path = absolute(relative)
    let real: String
    do {
      real = try fileSystem.resolvingSymlinks(path)
    } catch {
      throw Diagnostic.error("\(display(relative)): \(error.reason)", at: location)
    }
    guard real == root || Path.isInside(real, root) else {
      throw Diagnostic.error(
        "\(display(relative)) resolves to \(real), outside the project directory; kiln does not read it", at: location)
    }
    do {
      return try fileSystem.readFile(real)
    } catch {
      throw Diagnostic.error("\(display(relative)): \(error.reason)", at: location)
    }
  }

  /// Entry names of a project directory, sorted by bytes (never by listing order).
  public func list(_ relative: String) throws -> [String] {
    do {
      return try fileSystem.listDirectory(absolute(relative)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    } catch {
      throw Diagnostic.error("\(display(relative)): \(error.reason)", at: nil)
    }
  }

  /// Parses a YAML file into its non-empty documents.
  public func parseYAML(_ relative: String, at location: SourceLocation?) throws -> [Node] {
    let bytes = try read(relative, at: location)
    do {
      return try YAMLParser.parseDocuments(bytes, file: display(relative))
    } catch {
      throw Diagnostic(error)
    }
  }
}

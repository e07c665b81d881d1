public import KilnYAML
import Synchronization

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
  /// Directories with their symlinks resolved, by project-relative path: every file read is
  /// checked against its directory, and `realpath` costs a system call per path component.
  private let resolvedDirectories = ResolvedDirectories()
  private let entries = FileEntries()
  private let listings = DirectoryListings()
  /// Files parsed ahead of the build, in parallel (`parseAhead`).
  private let parsedAhead = ParsedAhead()
  /// `kubectl kustomize --load-restrictor LoadRestrictionsNone`: a file may be read wherever it
  /// resolves, its kustomization's directory or the build root notwithstanding.
  public var readsAnywhere = false

  public init(fileSystem: any FileSystem, root: String, displayPrefix: String) throws {
    self.fileSystem = fileSystem
    do {
      self.root = try fileSystem.resolvingSymlinks(root)
    } catch {
      let shown = displayPrefix.hasSuffix("/") ? String(displayPrefix.dropLast()) : displayPrefix
      throw Diagnostic.error("project directory \(shown.isEmpty ? "." : shown): \(error.reason)", at: nil)
    }
    self.displayPrefix = displayPrefix
  }

  public func absolute(_ relative: String) -> String { Path.join(root, relative) }

  public func display(_ relative: String) -> String {
    relative == "."
      ? (displayPrefix.isEmpty ? "." : String(displayPrefix.dropLast())) : Path.normalize(displayPrefix + relative)
  }

  /// A project directory with its symlinks resolved, for load restrictions.
  public func resolvedDirectory(_ relative: String) throws -> String {
    if let known = resolvedDirectories.lookup(relative) { return known }
    if relative == "." { return root }
    // From the parent's resolved path, only the last component can still be a symlink: one
    // lstat instead of realpath's readlink on every component.
    let name = Path.fileName(relative)
    if name != "..", let parent = try? resolvedDirectory(Path.directory(of: relative)) {
      let candidate = parent == "/" ? "/" + name : parent + "/" + name
      if kind(of: relative) == .directory && !entry(at: candidate).isSymlink {
        resolvedDirectories.store(candidate, for: relative)
        return candidate
      }
    }
    do {
      let resolved = try fileSystem.resolvingSymlinks(absolute(relative))
      resolvedDirectories.store(resolved, for: relative)
      return resolved
    } catch {
      throw Diagnostic.error("\(display(relative)): \(error.reason)", at: nil)
    }
  }

  /// A file's path with symlinks resolved: its directory's (cached), then the file itself
  /// only when it is a symlink.
  private func resolvedFile(_ relative: String) throws(FileSystemError) -> String {
    let directory = Path.directory(of: relative)
    if let parent = try? resolvedDirectory(directory) {
      let candidate = parent + "/" + Path.fileName(relative)
      if !entry(at: candidate).isSymlink { return candidate }
    }
    return try fileSystem.resolvingSymlinks(absolute(relative))
  }

  public func kind(of relative: String) -> FileKind? { entry(at: absolute(relative)).kind }

  /// Whether the last component of `relative` is a symlink (followed or not).
  public func isSymlink(_ relative: String) -> Bool { entry(at: absolute(relative)).isSymlink }

  /// What is at an absolute path, looked up once per build (a build asks again and again, and
  /// without symlinks the path a file is read from is the path its kind was asked for).
  private func entry(at path: String) -> FileEntry {
    if let known = entries.lookup(path) { return known }
    let entry = listedEntry(path) ?? fileSystem.entry(at: path)
    entries.store(entry, for: path)
    return entry
  }

  /// The entry as its directory's listing gives it: one directory read, once per directory,
  /// answers for every entry in it (a system call costs microseconds on virtual machines). A
  /// symlink is followed to see what it points to.
  private func listedEntry(_ path: String) -> FileEntry? {
    let directory = Path.directory(of: path)
    let listing: [String: EntryType]?
    if let known = listings.lookup(directory) {
      listing = known
    } else {
      listing = fileSystem.typedListing(directory)
      listings.store(listing, for: directory)
    }
    guard let listing else { return nil }
    switch listing[Path.fileName(path)] {
    case nil: return FileEntry(kind: nil, isSymlink: false)
    case .file?: return FileEntry(kind: .file, isSymlink: false)
    case .directory?: return FileEntry(kind: .directory, isSymlink: false)
    case .symlink?: return FileEntry(kind: fileSystem.kind(of: path), isSymlink: true)
    case .unknown?: return nil
    }
  }

  /// What is wrong with a symlink that names nothing readable: whether it dangles or loops.
  public func brokenSymlink(_ relative: String) -> String {
    do {
      _ = try fileSystem.resolvingSymlinks(absolute(relative))
      return "is a symlink to something that is neither a file nor a directory"
    } catch {
      if error.isSymlinkLoop { return "is a symlink that loops" }
      if error.reason == "no such file or directory" { return "is a dangling symlink" }
      return "is a symlink that cannot be followed (\(error.reason))"
    }
  }

  /// `relative` joined onto `directory` and normalized. With `mayLeaveRoot` false, a path that
  /// climbs out of the project is an error.
  /// With `mayLeaveRoot` (Kustomize's rules), an absolute path to a file inside the project is
  /// taken as kubectl takes it (the load restrictor then checks it as any other file); kubectl
  /// refuses an absolute directory ("new root cannot be absolute").
  public func resolve(_ path: String, in directory: String, at location: SourceLocation?, mayLeaveRoot: Bool = false)
    throws -> String
  {
    if path.hasPrefix("/") && mayLeaveRoot, let inside = insideRoot(path) {
      if kind(of: inside) == .directory {
        throw Diagnostic.error(
          "\"\(path)\" is an absolute directory; kubectl kustomize refuses those (a new root cannot be absolute): name it relative to the kustomization",
          at: location)
      }
      return inside
    }
    if path.hasPrefix("/") {
      throw Diagnostic.error(
        "\"\(path)\" is an absolute path; files are named relative to the kustomization", at: location)
    }
    let joined = Path.normalize(directory == "." ? path : directory + "/" + path)
    if !mayLeaveRoot && (joined.hasPrefix("../") || joined == "..") {
      throw Diagnostic.error("\"\(path)\" is outside the project directory", at: location)
    }
    return joined.isEmpty ? "." : joined
  }

  /// An absolute path as a project path, when it is inside the project (as written, or with its
  /// symlinks resolved).
  private func insideRoot(_ path: String) -> String? {
    for candidate in [Path.normalize(path), (try? fileSystem.resolvingSymlinks(path)) ?? ""] {
      let absolute = candidate.hasPrefix("/") ? candidate : "/" + candidate
      if absolute == root { return "." }
      let prefix = root == "/" ? "/" : root + "/"
      if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
    }
    return nil
  }

  /// The bytes of a file, after checking that it (symlinks resolved) is inside `directory`
  /// (project-relative; the project root when nil).
  public func read(_ relative: String, within directory: String? = nil, at location: SourceLocation?) throws -> [UInt8]
  {
    let real: String
    do {
      real = try resolvedFile(relative)
    } catch {
      throw Diagnostic.error("\(display(relative)): \(error.reason)", at: location)
    }
    let fence = try directory.map { try resolvedDirectory($0) } ?? root
    guard readsAnywhere || real == fence || Path.isInside(real, fence) else {
      throw Diagnostic.error(
        "\(display(relative)) resolves to \(real), outside \(directory.map { display($0) } ?? "the project directory"); kiln does not read it",
        at: location)
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
  /// With `firstDocumentOnly`, the rest of the file is not read (kustomization files).
  public func parseYAML(
    _ relative: String, within directory: String? = nil, dialect: ScalarResolver.Dialect = .yaml11,
    firstDocumentOnly: Bool = false, options: YAMLReadOptions = [], at location: SourceLocation?
  ) throws -> [Node] {
    let request = ParsedAhead.Request(
      path: relative, fence: directory, dialect: dialect, firstDocumentOnly: firstDocumentOnly, options: options)
    if let documents = parsedAhead.take(request) {
      return documents
    }
    let bytes = try read(relative, within: directory, at: location)
    do {
      return try YAMLParser.parseDocuments(
        bytes, file: display(relative), dialect: dialect, firstDocumentOnly: firstDocumentOnly, options: options)
    } catch {
      throw Diagnostic(error)
    }
  }
}

extension ProjectFiles {
  /// A file `parseYAML` will be asked for: its path, the directory it must stay inside, and
  /// the dialect.
  typealias ParseRequest = ParsedAhead.Request

  /// Parses the files of `requests` on every core, so that `parseYAML` finds them done.
  func parseAhead(_ requests: [ParseRequest]) {
    parsedAhead.parse(requests) { request in
      try parseYAML(
        request.path, within: request.fence, dialect: request.dialect, firstDocumentOnly: request.firstDocumentOnly,
        options: request.options, at: nil)
    }
  }
}

/// The cache behind `ProjectFiles.resolvedDirectory`, shared by copies of one `ProjectFiles`.
private final class ResolvedDirectories: Sendable {
  private let paths = Mutex<[String: String]>([:])

  func lookup(_ relative: String) -> String? { paths.withLock { $0[relative] } }
  func store(_ resolved: String, for relative: String) { paths.withLock { $0[relative] = resolved } }
}

/// Directory listings with entry types, by absolute path (nil: the directory cannot be listed).
private final class DirectoryListings: Sendable {
  private let listings = Mutex<[String: [String: EntryType]?]>([:])

  func lookup(_ directory: String) -> [String: EntryType]?? { listings.withLock { $0[directory] } }
  func store(_ listing: [String: EntryType]?, for directory: String) {
    listings.withLock { $0[directory] = .some(listing) }
  }
}

/// The cache behind `ProjectFiles.kind(of:)`, by absolute path.
private final class FileEntries: Sendable {
  private let entries = Mutex<[String: FileEntry]>([:])

  func lookup(_ path: String) -> FileEntry? { entries.withLock { $0[path] } }
  func store(_ entry: FileEntry, for path: String) { entries.withLock { $0[path] = entry } }
}

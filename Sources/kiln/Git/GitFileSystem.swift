import KilnCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The project as committed at a git ref, read straight from git's object store: one
/// `git ls-tree` lists the project's files, and only the files the build reads are fetched,
/// through one long-lived `git cat-file --batch`. Nothing is unpacked to disk, and the working
/// tree and index are never touched.
///
/// The snapshot appears under `mount`, a path that names no directory on disk; any other path
/// (a `-f` values file) is read from the disk.
final class GitFileSystem: FileSystem, @unchecked Sendable {
  /// Where the repository's top directory appears.
  let mount: String
  /// The project directory as it is at the ref.
  let projectDirectory: String
  private struct Entry {
    var object: String
    var isSymlink: Bool
  }
  /// Files (blobs and symlinks) by path relative to the repository's top.
  private let files: [String: Entry]
  /// Directories by path relative to the top ("" is the top), with their entries' names.
  private let directories: [String: Set<String>]
  private let blobs: Mutex<BlobReader?>
  private let disk = DiskFileSystem()

  /// Reads the project at `projectDirectory` (a directory on disk, inside a git work tree) as
  /// committed at `ref`.
  init(ref: String, projectDirectory: String) throws {
    // A ref starting with "-" would reach git as an option (`--output=FILE`, `--remote=…`).
    guard !ref.isEmpty, !ref.hasPrefix("-") else {
      throw Diagnostic.error(
        "\"\(ref)\" is not a git ref; kiln refuses refs that are empty or start with \"-\"", at: nil)
    }
    guard let real = realpath(projectDirectory, nil) else {
      throw Diagnostic.error("cannot find the project directory \(projectDirectory)", at: nil)
    }
    let project = String(cString: real)
    free(real)
    let top = try Self.git(
      ["-C", project, "rev-parse", "--show-toplevel"], what: "the project is not in a git repository")
    let topPath = String(decoding: top.prefix { $0 != 0x0A }, as: UTF8.self)
    let relative = project == topPath ? "" : String(project.dropFirst(topPath.count + 1))
    let shown = relative.isEmpty ? "." : relative
    let commit = try Self.git(
      ["-C", topPath, "rev-parse", "--verify", "--end-of-options", ref + "^{commit}"],
      what: "git cannot read \(shown) at \"\(ref)\"")
    let id = String(decoding: commit.prefix { $0 != 0x0A }, as: UTF8.self)
    let listing = try Self.git(
      ["--literal-pathspecs", "-C", topPath, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", id]
        + (relative.isEmpty ? [] : ["--", relative]),
      what: "git cannot read \(shown) at \"\(ref)\"")
    var files: [String: Entry] = [:]
    var directories: [String: Set<String>] = ["": []]
    // Each record: "<mode> <type> <object>\t<path>\0".
    for record in listing.split(separator: 0) {
      guard let tab = record.firstIndex(of: 0x09) else { continue }
      let fields = record[..<tab].split(separator: 0x20)
      guard fields.count == 3, fields[1].elementsEqual("blob".utf8) else { continue }  // submodules
      let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
      files[path] = Entry(
        object: String(decoding: fields[2], as: UTF8.self), isSymlink: fields[0].elementsEqual("120000".utf8))
      var child = path
      while true {
        let parent = child.contains("/") ? Path.directory(of: child) : ""
        let isNew = directories[parent] == nil
        directories[parent, default: []].insert(Path.fileName(child))
        if parent.isEmpty || !isNew { break }
        child = parent
      }
    }
    guard relative.isEmpty || directories[relative] != nil else {
      throw Diagnostic.error("git cannot read \(shown) at \"\(ref)\": the project directory is not there", at: nil)
    }
    self.files = files
    self.directories = directories
    mount = "/.kiln-git/\(id)"
    self.projectDirectory = relative.isEmpty ? mount : mount + "/" + relative
    // Should git end early, writing it a request must fail with EPIPE, not end kiln with
    // SIGPIPE; restored by `close()`, so that `kiln diff | head` still ends quietly.
    previousSIGPIPE = signal(SIGPIPE, SIG_IGN)
    blobs = Mutex(try BlobReader(top: topPath))
  }

  private let previousSIGPIPE: (@convention(c) (Int32) -> Void)?

  /// Ends the `git cat-file` process.
  func close() {
    blobs.withLock { reader in
      reader?.finish()
      reader = nil
    }
    signal(SIGPIPE, previousSIGPIPE)
  }

  // MARK: FileSystem

  func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
    guard let key = key(path) else { return try disk.readFile(path) }
    let resolved = try resolve(key, path)
    guard let real = self.key(resolved) else { return try disk.readFile(resolved) }
    guard let entry = files[real] else {
      throw FileSystemError(
        path: path, reason: directories[real] != nil ? "is a directory" : "no such file or directory")
    }
    return try blob(entry.object, path)
  }

  func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
    guard let key = key(path) else { return try disk.listDirectory(path) }
    let resolved = try resolve(key, path)
    guard let real = self.key(resolved) else { return try disk.listDirectory(resolved) }
    guard let names = directories[real] else {
      throw FileSystemError(path: path, reason: files[real] != nil ? "not a directory" : "no such file or directory")
    }
    return Array(names)
  }

  func kind(of path: String) -> FileKind? {
    guard let key = key(path) else { return disk.kind(of: path) }
    guard let resolved = try? resolve(key, path) else { return nil }
    guard let real = self.key(resolved) else { return disk.kind(of: resolved) }
    return directories[real] != nil ? .directory : files[real] != nil ? .file : nil
  }

  func isSymlink(_ path: String) -> Bool {
    guard let key = key(path) else { return disk.isSymlink(path) }
    if key.isEmpty { return false }
    let parent = key.contains("/") ? Path.directory(of: key) : ""
    guard let resolvedParent = try? resolve(parent, path) else { return false }
    guard let real = self.key(resolvedParent) else { return disk.isSymlink(resolvedParent + "/" + Path.fileName(key)) }
    return files[real.isEmpty ? Path.fileName(key) : real + "/" + Path.fileName(key)]?.isSymlink ?? false
  }

  func resolvingSymlinks(_ path: String) throws(FileSystemError) -> String {
    guard let key = key(path) else { return try disk.resolvingSymlinks(path) }
    return try resolve(key, path)
  }

  // MARK: Paths

  /// `path` relative to the repository's top, when it is inside the snapshot.
  private func key(_ path: String) -> String? {
    let normalized = Path.normalize(path)
    if normalized == mount { return "" }
    return Path.relative(normalized, to: mount)
  }

  /// The absolute path `key` names, each symlink along it followed (at most 40, as Linux).
  private func resolve(_ key: String, _ original: String, depth: Int = 0) throws(FileSystemError) -> String {
    let parts = key.split(separator: "/").map(String.init)
    var resolved = ""
    for (index, part) in parts.enumerated() {
      let candidate = resolved.isEmpty ? part : resolved + "/" + part
      if let entry = files[candidate], entry.isSymlink {
        guard depth < 40 else { throw FileSystemError(path: original, reason: "too many levels of symbolic links") }
        let target = String(decoding: try blob(entry.object, original), as: UTF8.self)
        let base = target.hasPrefix("/") ? target : mount + (resolved.isEmpty ? "" : "/" + resolved) + "/" + target
        let rest = parts[(index + 1)...].joined(separator: "/")
        let next = Path.normalize(rest.isEmpty ? base : base + "/" + rest)
        guard let nextKey = self.key(next) else { return try disk.resolvingSymlinks(next) }
        return try resolve(nextKey, original, depth: depth + 1)
      }
      guard files[candidate] != nil || directories[candidate] != nil else {
        throw FileSystemError(path: original, reason: "no such file or directory")
      }
      if files[candidate] != nil && index < parts.count - 1 {
        throw FileSystemError(path: original, reason: "not a directory")
      }
      resolved = candidate
    }
    return resolved.isEmpty ? mount : mount + "/" + resolved
  }

  private func blob(_ object: String, _ path: String) throws(FileSystemError) -> [UInt8] {
    let bytes = blobs.withLock { reader in reader?.read(object) }
    guard let bytes else { throw FileSystemError(path: path, reason: "git cannot read object \(object)") }
    return bytes
  }

  /// What `git arguments…` prints on stdout; an error saying `what`, with git's stderr, when
  /// it fails.
  private static func git(_ arguments: [String], what: String) throws -> [UInt8] {
    let result = try ChildProcess.run("git", arguments)
    guard result.status == 0 else {
      var message = String(decoding: result.errors, as: UTF8.self)
      while message.hasSuffix("\n") { message.removeLast() }
      throw Diagnostic.error(message.isEmpty ? what : "\(what): \(message)", at: nil)
    }
    return result.output
  }
}

/// `git cat-file --batch`: an object id in, `<id> <type> <size>\n<content>\n` out.
private final class BlobReader {
  private let child: ChildProcess
  private var buffer: [UInt8] = []
  private var start = 0

  init(top: String) throws {
    child = try ChildProcess("git", ["-C", top, "cat-file", "--batch"])
  }

  func read(_ object: String) -> [UInt8]? {
    guard Terminal.writeAll(fd: child.input, Array((object + "\n").utf8)) else { return nil }
    guard let header = line() else { return nil }
    let fields = header.split(separator: 0x20)
    guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
    guard fill(size + 1) else { return nil }
    let content = Array(buffer[start..<(start + size)])
    start += size + 1
    return content
  }

  func finish() {
    _ = child.wait()
  }

  private func line() -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let text = buffer[start..<newline]
        start = newline + 1
        return text
      }
      guard more() else { return nil }
    }
  }

  private func fill(_ count: Int) -> Bool {
    while buffer.count - start < count {
      guard more() else { return false }
    }
    return true
  }

  private func more() -> Bool {
    if start > 0 {
      buffer.removeFirst(start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = systemRead(child.output, &chunk, chunk.count)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      buffer += chunk[0..<n]
      return true
    }
  }
}

/// `read(2)`, named apart from the methods called `read` above.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}

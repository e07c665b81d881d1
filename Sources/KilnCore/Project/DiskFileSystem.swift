#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real file system, through the C library: no Foundation on the hot path.
public struct DiskFileSystem: FileSystem {
  public init() {}

  public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw error(path) }
    defer { close(fd) }
    // Project files are small: one read into a buffer that holds most of them whole. A read of
    // a regular file returns less than asked only at its end, so a buffer not filled is the
    // whole file; one filled is read on in doubling chunks to the end. (A system call costs
    // several microseconds on virtual machines: no `fstat` for the size.)
    var failure: Int32 = 0
    func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
      var total = 0
      while total < buffer.count {
        let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if n == 0 { break }
        total += n
        if total < buffer.count { break }
      }
      return total
    }
    var chunk = 1 << 16
    var bytes = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in initialized = fill(buffer) }
    var filled = bytes.count == chunk
    while failure == 0 && filled {
      chunk *= 2
      let more = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in initialized = fill(buffer) }
      bytes += more
      filled = more.count == chunk
    }
    if failure != 0 {
      errno = failure
      throw error(path)
    }
    return bytes
  }

  public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
    guard let dir = opendir(path) else { throw error(path) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  public func typedListing(_ directory: String) -> [String: EntryType]? {
    guard let dir = opendir(directory) else { return nil }
    defer { closedir(dir) }
    var entries: [String: EntryType] = [:]
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_REG): entries[name] = .file
      case Int32(DT_DIR): entries[name] = .directory
      case Int32(DT_LNK): entries[name] = .symlink
      default: entries[name] = .unknown
      }
    }
    return entries
  }

  public func kind(of path: String) -> FileKind? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  /// One `lstat`; a second look (`stat`) only for a symlink, to see what it points to.
  public func entry(at path: String) -> FileEntry {
    var info = stat()
    guard lstat(path, &info) == 0 else { return FileEntry(kind: nil, isSymlink: false) }
    if (info.st_mode & S_IFMT) == S_IFLNK { return FileEntry(kind: kind(of: path), isSymlink: true) }
    return FileEntry(kind: (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file, isSymlink: false)
  }

  public func isSymlink(_ path: String) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    return (info.st_mode & S_IFMT) == S_IFLNK
  }

  public func resolvingSymlinks(_ path: String) throws(FileSystemError) -> String {
    guard let resolved = realpath(path, nil) else { throw error(path) }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private func error(_ path: String) -> FileSystemError {
    let reason: String
    switch errno {
    case ENOENT: reason = "no such file or directory"
    case EACCES: reason = "permission denied"
    case ENOTDIR: reason = "not a directory"
    case EISDIR: reason = "is a directory"
    default: reason = String(cString: strerror(errno))
    }
    return FileSystemError(path: path, reason: reason)
  }
}

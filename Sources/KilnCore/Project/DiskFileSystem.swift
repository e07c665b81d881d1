#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real file system, through the C library: no Foundation on the hot path.
public struct DiskFileSystem: FileSystem {
  /// The largest file kiln reads. Manifests, bundles of CRDs included, stay in the low
  /// megabytes; a file this big is a mistake or an attack, and reading on would cost memory
  /// and time without bound.
  public static let maxFileSize = 64 << 20

  public init() {}

  /// The bytes of a regular file (a symlink is followed: the path named it), at most
  /// `maxFileSize` of them. A FIFO, socket or device is refused without reading it: opening
  /// does not block (`O_NONBLOCK`, which regular files ignore) and `fstat` of the open
  /// descriptor says what it is, so nothing can swap the file between the look and the read.
  public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw error(path) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw error(path) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw FileSystemError(path: path, reason: "is a directory") }
    if let kind = Self.irregularKind(info.st_mode) {
      throw FileSystemError(path: path, reason: "is \(kind), not a regular file; kiln reads regular files only")
    }
    let limit = Self.maxFileSize
    if Int(info.st_size) > limit { throw tooLarge(path) }
    // The size is a hint (files under /proc say 0, a file may grow while read): one byte more
    // than it is asked for, so that a full buffer means "read on", up to one past the limit.
    // A read of a regular file returns less than asked only at its end, so a short read ends
    // the file without a last read that returns 0 (a system call costs microseconds on virtual
    // machines).
    var failure: Int32 = 0
    var bytes: [UInt8] = []
    var wanted = Int(info.st_size) + 1
    while true {
      let start = bytes.count
      let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
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
        initialized = total
      }
      if start == 0 { bytes = chunk } else { bytes += chunk }
      if failure != 0 {
        errno = failure
        throw error(path)
      }
      if bytes.count > limit { throw tooLarge(path) }
      if chunk.count < wanted { return bytes }
      wanted = min(max(wanted, 1 << 16), limit + 1 - bytes.count)
    }
  }

  /// What a file of mode `mode` is, in words, when it is neither a regular file nor a directory.
  static func irregularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG, S_IFDIR: nil
    case S_IFIFO: "a FIFO"
    case S_IFSOCK: "a socket"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    default: "of an unknown type"
    }
  }

  private func tooLarge(_ path: String) -> FileSystemError {
    FileSystemError(path: path, reason: "is larger than \(Self.maxFileSize >> 20) MiB, the most kiln reads")
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
    case ELOOP: reason = FileSystemError.symlinkLoop
    default: reason = String(cString: strerror(errno))
    }
    return FileSystemError(path: path, reason: reason)
  }
}

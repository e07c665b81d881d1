import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading what a user names on the command line (`--set-file`, `-f -`): regular files only
/// (a FIFO would hang, a device never end), and never more than `limit` bytes.
enum BoundedRead {
  /// 16 MiB: a values file or a certificate is kilobytes; etcd refuses objects over 1.5 MB.
  static let limit = 16 << 20

  static func regularFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw failure(path) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(path) }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw FileSystemError(
        path: path, reason: (info.st_mode & S_IFMT) == S_IFDIR ? "is a directory" : "not a regular file")
    }
    guard Int(info.st_size) <= limit else {
      throw FileSystemError(path: path, reason: "larger than \(limit >> 20) MiB")
    }
    return try readAll(fd, path: path, limit: limit)
  }

  static func standardInput(limit: Int) throws(FileSystemError) -> [UInt8] {
    try readAll(0, path: "-", limit: limit)
  }

  /// Reads `fd` to its end; an error once more than `limit` bytes have come.
  private static func readAll(_ fd: Int32, path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = read(fd, &chunk, chunk.count)
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN {
          // A regular file opened non-blocking never says this; stdin might.
          var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
          _ = poll(&descriptor, 1, -1)
          continue
        }
        throw failure(path)
      }
      if n == 0 { return bytes }
      bytes += chunk[0..<n]
      if bytes.count > limit { throw FileSystemError(path: path, reason: "larger than \(limit >> 20) MiB") }
    }
  }

  private static func failure(_ path: String) -> FileSystemError {
    let reason: String
    switch errno {
    case ENOENT: reason = "no such file or directory"
    case EACCES: reason = "permission denied"
    case EISDIR: reason = "is a directory"
    default: reason = String(cString: strerror(errno))
    }
    return FileSystemError(path: path, reason: reason)
  }
}

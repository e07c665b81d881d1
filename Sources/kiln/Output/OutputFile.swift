import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `-o FILE`. A regular file (or a new one) is replaced atomically: the bytes go to a temporary
/// file next to it, which is renamed over it, so readers see the old file or the whole new one.
/// Anything else (`/dev/null`, a terminal, a pipe, `/proc/self/fd/1`) is written in place: a
/// rename would replace the device node itself with a regular file. A symlink to a regular
/// file replaces the file it points to, and stays a symlink.
enum OutputFile {
  static func write(_ bytes: [UInt8], to path: String, display: String) throws {
    var info = stat()
    if stat(path, &info) == 0 {
      let type = info.st_mode & S_IFMT
      if type == S_IFDIR { throw failure(display, "is a directory") }
      if type != S_IFREG { return try writeInPlace(bytes, to: path, display: display) }
    }
    var target = path
    if isSymlink(path), let real = realpath(path, nil) {
      target = String(cString: real)
      free(real)
    }
    try replace(target, with: bytes, mode: stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644, display: display)
  }

  private static func writeInPlace(_ bytes: [UInt8], to path: String, display: String) throws {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(display, String(cString: strerror(errno))) }
    defer { close(fd) }
    guard Terminal.writeAll(fd: fd, bytes) else { throw failure(display, String(cString: strerror(errno))) }
  }

  /// Temporary file, fsync, rename. Interrupted by SIGINT or SIGTERM on the way, the
  /// temporary file is removed before the process ends (`SignalCleanup`).
  private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t, display: String) throws {
    let directory = Path.directory(of: path)
    let temporary = "\(directory)/.\(Path.fileName(path)).kiln-\(getpid()).tmp"
    SignalCleanup.remove(onSignal: temporary)
    defer { SignalCleanup.clear() }
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw failure(display, "cannot create a file in \(directory): \(String(cString: strerror(errno)))")
    }
    var ok = Terminal.writeAll(fd: fd, bytes)
    SignalCleanup.testInterruption()
    if fchmod(fd, mode) != 0 || fsync(fd) != 0 { ok = false }
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw failure(display, reason)
    }
  }

  private static func isSymlink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  static func failure(_ display: String, _ reason: String) -> Diagnostic {
    .error("cannot write \(display): \(reason)", at: nil)
  }
}

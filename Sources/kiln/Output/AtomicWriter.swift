import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `-o FILE`: the bytes go to a temporary file next to the target, which is then renamed over
/// it, so readers see the old file or the whole new one, never half of it.
enum AtomicWriter {
  static func write(_ bytes: [UInt8], to path: String, display: String) throws {
    let directory = Path.directory(of: path)
    let temporary = "\(directory)/.\(Path.fileName(path)).kiln-\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure(display, "cannot create a file in \(directory)") }
    var ok = Terminal.writeAll(fd: fd, bytes)
    if fsync(fd) != 0 { ok = false }
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw failure(display, reason)
    }
  }

  private static func failure(_ display: String, _ reason: String) -> Diagnostic {
    .error("cannot write \(display): \(reason)", at: nil)
  }
}

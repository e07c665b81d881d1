import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Process-level I/O for the commands: stdout in one write, the working directory, and the
/// one colour policy of the CLI.
enum Terminal {
  static func currentDirectory() -> String {
    guard let cwd = getcwd(nil, 0) else { return "/" }
    defer { free(cwd) }
    return String(cString: cwd)
  }

  /// Ends the process at once, without running destructors (output is unbuffered writes, so
  /// nothing is lost). Only `Kiln.finish` calls it.
  static func exitNow(_ code: Int32) -> Never {
    _exit(code)
  }

  static func writeStdout(_ bytes: [UInt8]) {
    _ = writeAll(fd: 1, bytes)
  }

  static func writeStderr(_ text: String) {
    _ = writeAll(fd: 2, Array(text.utf8))
  }

  /// Whether to colour what goes to `fd`: never when `NO_COLOR` is set to anything non-empty
  /// (no-color.org), always when `FORCE_COLOR` is (force-color.org), otherwise when `fd` is a
  /// terminal. Every coloured output of the CLI asks here.
  static func colour(fd: Int32) -> Bool {
    colour(noColor: environment("NO_COLOR"), forceColor: environment("FORCE_COLOR"), isTerminal: isatty(fd) == 1)
  }

  static func colour(noColor: String?, forceColor: String?, isTerminal: Bool) -> Bool {
    if let noColor, !noColor.isEmpty { return false }
    if let forceColor, !forceColor.isEmpty { return true }
    return isTerminal
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Writes every byte, retrying short writes and interrupted calls; false on an I/O error.
  static func writeAll(fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += n
      }
      return true
    }
  }
}

import ArgumentParser
import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Process-level I/O for the commands: stdout in one write, the working directory, and the
/// mapping of kiln's diagnostics to stderr and exit code 1.
enum Terminal {
  /// The `--set`-family arguments of this run, by flag, for showing them in diagnostics.
  nonisolated(unsafe) static var valueArguments: [String: [String]] = [:]

  static func currentDirectory() -> String {
    guard let cwd = getcwd(nil, 0) else { return "/" }
    defer { free(cwd) }
    return String(cString: cwd)
  }

  /// Ends the process at once, without running destructors (output is unbuffered writes, so
  /// nothing is lost).
  static func exitNow(_ code: Int32) -> Never {
    _exit(code)
  }

  static func writeStdout(_ bytes: [UInt8]) {
    write(fd: 1, bytes)
  }

  static func writeStderr(_ text: String) {
    write(fd: 2, Array(text.utf8))
  }

  static func isTerminal(fd: Int32) -> Bool { isatty(fd) == 1 }

  private static func write(fd: Int32, _ bytes: [UInt8]) {
    _ = writeAll(fd: fd, bytes)
  }

  /// Writes every byte, retrying short writes and interrupted calls; false on an I/O error.
  static func writeAll(fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += n
      }
      return true
    }
  }

  /// Runs `body`; kiln's own errors are printed as diagnostics and become exit code 1.
  static func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      var collector = DiagnosticCollector()
      collector.record(error)
      DiagnosticPrinter.standardError.print(collector.diagnostics)
      throw ExitCode.failure
    }
  }
}

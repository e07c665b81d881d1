import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program run directly with `posix_spawnp`, never through a shell: its arguments reach it as
/// they are, so nothing a user typed is ever parsed as shell syntax.
final class ChildProcess: @unchecked Sendable {
  let pid: pid_t
  /// Our end of the child's stdin, stdout and stderr (-1 once closed).
  private(set) var input: Int32
  let output: Int32
  let errors: Int32

  /// Starts `program` (looked up on PATH) with `arguments`, stdin, stdout and stderr on pipes.
  init(_ program: String, _ arguments: [String]) throws {
    var pipes: [[Int32]] = []
    for _ in 0..<3 {
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else {
        throw Diagnostic.error("cannot run \(program): \(String(cString: strerror(errno)))", at: nil)
      }
      pipes.append(fds)
    }
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
    posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
    posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
    for fds in pipes { for fd in fds { posix_spawn_file_actions_addclose(&actions, fd) } }
    let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var child: pid_t = 0
    let status = posix_spawnp(&child, program, &actions, nil, argv, environ)
    close(pipes[0][0])
    close(pipes[1][1])
    close(pipes[2][1])
    guard status == 0 else {
      for fd in [pipes[0][1], pipes[1][0], pipes[2][0]] { close(fd) }
      throw Diagnostic.error("cannot run \(program): \(String(cString: strerror(status)))", at: nil)
    }
    for fd in [pipes[0][1], pipes[1][0], pipes[2][0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    pid = child
    input = pipes[0][1]
    output = pipes[1][0]
    errors = pipes[2][0]
  }

  func closeInput() {
    if input >= 0 { close(input) }
    input = -1
  }

  /// Closes every pipe and waits for the child; its exit status (or 128 + signal).
  func wait() -> Int32 {
    closeInput()
    close(output)
    close(errors)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

  /// Runs `program` to the end with nothing on stdin: its exit status, stdout and stderr.
  static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: [UInt8], errors: [UInt8])
  {
    let child = try ChildProcess(program, arguments)
    child.closeInput()
    // Both pipes are drained together, so a child that fills one while we wait on the other
    // cannot stall.
    var output: [UInt8] = []
    var errors: [UInt8] = []
    var open: [Int32] = [child.output, child.errors]
    var buffer = [UInt8](repeating: 0, count: 65536)
    while !open.isEmpty {
      var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if poll(&polled, nfds_t(polled.count), -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for entry in polled where entry.revents != 0 {
        let n = read(entry.fd, &buffer, buffer.count)
        if n > 0 {
          if entry.fd == child.output { output += buffer[0..<n] } else { errors += buffer[0..<n] }
        } else if n == 0 || errno != EINTR {
          open.removeAll { $0 == entry.fd }
        }
      }
    }
    return (child.wait(), output, errors)
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A finished child process with what it cost: for tests that hold kiln to time and memory
/// bounds on hostile input.
public struct MeasuredResult: Sendable {
  /// The exit status, or 128 + the signal that ended the process.
  public var status: Int32
  /// Killed after the timeout.
  public var timedOut: Bool
  /// The first `MeasuredProcess.keptBytes` of stdout, and how many bytes it wrote in all.
  public var stdout: [UInt8]
  public var stdoutCount: Int
  public var stderr: String
  /// From just before the spawn to the moment `wait4` saw the child end.
  public var wallSeconds: Double
  /// The child's peak resident set, in bytes. `ru_maxrss` alone does not tell it: `posix_spawn`
  /// starts the child in the parent's memory (vfork), and Linux carries that memory's
  /// high-water mark through `exec`, so `ru_maxrss` is at least the test runner's own peak.
  /// When `ru_maxrss` is above the runner's peak it is the child's own; otherwise the child's
  /// `VmHWM`, sampled while it runs, is taken.
  public var peakResidentBytes: Int
  /// `ru_maxrss` as `wait4` gives it, in bytes: an upper bound of the child's peak.
  public var maxResidentBytes: Int
  /// User plus system CPU time of the child.
  public var cpuSeconds: Double
}

/// Runs a command through `posix_spawn` and `wait4`, so that the child's own peak memory and
/// wall time are known, and kills it after a timeout so that a hang fails one test instead of
/// stopping the suite. Output is drained as it comes and only its start kept: a child that
/// prints gigabytes costs the test nothing.
public enum MeasuredProcess {
  public static let keptBytes = 1 << 16

  public static func run(
    _ executable: String, _ arguments: [String], directory: String, environment: [String: String],
    timeout: Double = 10
  ) throws -> MeasuredResult {
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    // Close-on-exec, so that no process spawned meanwhile by another test keeps a write end
    // open (and our reads waiting for an end of file).
    guard GNU.pipe2(&outPipe, O_CLOEXEC) == 0, GNU.pipe2(&errPipe, O_CLOEXEC) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    _ = GNU.addchdir(&actions, directory)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    var sampledPeak = 0
    let start = DispatchTime.now()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    // Read once the child has left the runner's memory (`posix_spawn` returns after its `exec`):
    // the mark it carried is no higher than this.
    let runnerPeak = highWaterMark("/proc/self/status") ?? 0
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
    }

    let out = Drain(fd: outPipe[0])
    let err = Drain(fd: errPipe[0])
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    var end = start
    while true {
      let reaped = wait4(pid, &status, WNOHANG, &usage)
      if reaped == pid {
        end = DispatchTime.now()
        break
      }
      if reaped < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
      sampledPeak = max(sampledPeak, highWaterMark("/proc/\(pid)/status") ?? 0)
      if Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 > timeout {
        timedOut = true
        kill(pid, SIGKILL)
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        end = DispatchTime.now()
        break
      }
      usleep(500)
    }
    let (stdout, stdoutCount) = out.finish()
    let (stderr, _) = err.finish()
    let signal = status & 0x7F
    let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return MeasuredResult(
      status: code, timedOut: timedOut, stdout: stdout, stdoutCount: stdoutCount,
      stderr: String(decoding: stderr, as: UTF8.self),
      wallSeconds: Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
      peakResidentBytes: Int(usage.ru_maxrss) * 1024 > runnerPeak ? Int(usage.ru_maxrss) * 1024 : sampledPeak,
      maxResidentBytes: Int(usage.ru_maxrss) * 1024,
      cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
  }

  /// `VmHWM` of a `/proc/<pid>/status` file, in bytes; nil once the process is gone.
  private static func highWaterMark(_ statusFile: String) -> Int? {
    let fd = open(statusFile, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return nil }
    let text = String(decoding: buffer[0..<n], as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber))
    else { return nil }
    return kilobytes * 1024
  }

  /// Two C library functions the Swift overlay does not declare (they need `_GNU_SOURCE`),
  /// looked up by name: both are in glibc and musl.
  private enum GNU {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static func symbol<T>(_ name: String, as type: T.Type) -> T {
      guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
        fatalError("no \(name) in the C library")
      }
      return unsafeBitCast(address, to: type)
    }

    static let pipe2 = symbol("pipe2", as: Pipe2.self)
    static let addchdir = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
  }

  /// Reads a pipe to its end on a thread of its own, keeping the first `keptBytes`.
  private final class Drain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var kept: [UInt8] = []
    private var count = 0

    init(fd: Int32) {
      Thread.detachNewThread { [self] in
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { break }
          if kept.count < MeasuredProcess.keptBytes {
            kept += buffer[0..<min(n, MeasuredProcess.keptBytes - kept.count)]
          }
          count += n
        }
        close(fd)
        done.signal()
      }
    }

    func finish() -> ([UInt8], Int) {
      done.wait()
      return (kept, count)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes a temporary file when SIGINT, SIGTERM or SIGHUP ends the process while it is being
/// written. The handler only calls async-signal-safe functions: `unlink` on a path prepared
/// beforehand, then the default action, re-raised.
enum SignalCleanup {
  nonisolated(unsafe) private static var installed = false

  /// From now until `clear()`, a signal removes `path` before the process ends.
  static func remove(onSignal path: String) {
    let copy = strdup(path)
    pendingPath = copy
    guard !installed else { return }
    installed = true
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      // A signal the parent ignores (nohup, a background job) stays ignored.
      var previous = sigaction()
      sigaction(signal, nil, &previous)
      #if canImport(Darwin)
        let ignored =
          unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
      #else
        let ignored =
          unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
      #endif
      if ignored { continue }
      setHandler(signal, cleanupHandler)
    }
  }

  /// For the tests: with `KILN_TEST_INTERRUPT_WRITE` set, the process sends itself SIGTERM
  /// here, in the middle of writing, as a user's Ctrl-C or a CI timeout would. (The test
  /// runner starts kiln with these signals blocked, so they are unblocked first: a blocked
  /// signal would wait until after the write.)
  static func testInterruption() {
    guard getenv("KILN_TEST_INTERRUPT_WRITE") != nil else { return }
    if !blocking {
      var signals = sigset_t()
      sigemptyset(&signals)
      for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
      sigprocmask(SIG_UNBLOCK, &signals, nil)
    }
    raise(SIGTERM)
  }

  /// True while `OutputDirectory` holds signals back until its directory is in place.
  nonisolated(unsafe) static var blocking = false

  static func clear() {
    let old = pendingPath
    pendingPath = nil
    free(old)
  }
}

nonisolated(unsafe) private var pendingPath: UnsafeMutablePointer<CChar>?

private func cleanupHandler(_ signal: Int32) {
  if let path = pendingPath { unlink(path) }
  setHandler(signal, SIG_DFL)
  raise(signal)
}

/// Makes `handler` the action of `signal`, with no signals masked and no flags.
private func setHandler(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
  var action = sigaction()
  #if canImport(Darwin)
    action.__sigaction_u.__sa_handler = handler
  #else
    action.__sigaction_handler.sa_handler = handler
  #endif
  sigemptyset(&action.sa_mask)
  action.sa_flags = 0
  sigaction(signal, &action, nil)
}

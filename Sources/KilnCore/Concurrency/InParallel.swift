import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work split over the machine's cores. Only steps whose pieces are independent use it
/// (parsing files, writing documents); the build itself runs in order.
enum InParallel {
  /// One thread per online core, at most eight.
  static let threads: Int = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

  /// Has the worker threads started while the caller goes on: the first parallel step
  /// otherwise waits a millisecond or more for the pool to make its threads.
  static func warmUp() {
    guard threads > 1 else { return }
    for _ in 1..<threads { DispatchQueue.global().async {} }
  }

  /// `body` over `0..<count`, cut into contiguous ranges (up to four per thread, fewer when a
  /// range would hold under `minimum` items: starting a thread costs more than a few items),
  /// with the results in range order. Ranges are handed out one at a time rather than one per
  /// thread, because cores are not equally fast: on a virtual machine one core may run at half
  /// the speed of the other while both are busy, and a fixed half for each would have the
  /// fast one wait for the slow one.
  static func ranges<T: Sendable>(_ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let parts = min(threads * 4, max(1, count / max(1, minimum)))
    guard parts > 1, threads > 1 else { return [body(0..<count)] }
    let results = Mutex<[T?]>(Array(repeating: nil, count: parts))
    each(parts, minimum: 1) { part in
      let result = body((count * part / parts)..<(count * (part + 1) / parts))
      results.withLock { $0[part] = result }
    }
    return results.withLock { $0.map { $0! } }
  }

  /// Calls `body` once for each index of `0..<count`, on every thread, handing out indices one
  /// at a time so that a slow item does not hold up the rest.
  static func each(_ count: Int, minimum: Int, _ body: @Sendable (Int) -> Void) {
    let workers = min(threads, count / max(1, minimum))
    guard workers > 1 else {
      for index in 0..<count { body(index) }
      return
    }
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        body(index)
      }
    }
  }

  /// Calls `body` on each element of `elements`, in place, on every core in contiguous pieces
  /// (one piece when there are fewer than `minimum` per core). Every element is visited unless
  /// one fails; then the first error in element order is thrown.
  static func update<T>(_ elements: inout [T], minimum: Int, _ body: @Sendable (inout T) throws -> Void) throws {
    let failures = changing(&elements, items: elements.count, minimum: minimum) { range, elements -> (any Error)? in
      for index in range {
        do { try body(&elements[index]) } catch { return error }
      }
      return nil
    }
    if let first = failures.compactMap({ $0 }).first { throw first }
  }

  /// `body` over `0..<items` in contiguous ranges as `ranges` cuts them, each handed `elements`
  /// to change in place. The caller sees to it that no two items touch the same element.
  static func changing<T, R: Sendable>(
    _ elements: inout [T], items: Int, minimum: Int, _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<T>) -> R
  ) -> [R] {
    elements.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let shared = buffer
      return ranges(items, minimum: minimum) { range in body(range, shared) }
    }
  }

  /// Byte pieces joined into one buffer (a flattened sequence would be copied element by element).
  static func concatenate(_ pieces: [[UInt8]]) -> [UInt8] {
    if pieces.count == 1 { return pieces[0] }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
    for piece in pieces { bytes.append(contentsOf: piece) }
    return bytes
  }
}

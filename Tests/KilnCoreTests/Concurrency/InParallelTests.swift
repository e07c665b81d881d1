import Synchronization
import Testing

@testable import KilnCore

/// Work split over cores must give what one loop gives: every index once, results in order.
@Suite struct InParallelTests {
  @Test(arguments: [0, 1, 31, 64, 65, 1000])
  func rangesCoverEveryIndexInOrder(count: Int) {
    let pieces = InParallel.ranges(count, minimum: 32) { range in Array(range) }
    #expect(pieces.flatMap { $0 } == Array(0..<count))
    #expect(pieces.count <= max(1, count / 32))
  }

  @Test(arguments: [0, 1, 2, 7, 500])
  func eachVisitsEveryIndexOnce(count: Int) {
    let visits = Mutex<[Int]>(Array(repeating: 0, count: count))
    InParallel.each(count, minimum: 2) { index in visits.withLock { $0[index] += 1 } }
    #expect(visits.withLock { $0 } == Array(repeating: 1, count: count))
  }

  @Test func concatenateJoinsPiecesInOrder() {
    #expect(InParallel.concatenate([[1, 2], [], [3]]) == [1, 2, 3])
    #expect(InParallel.concatenate([[9]]) == [9])
    #expect(InParallel.concatenate([]) == [])
  }

  @Test func parallelUpdatesVisitEveryElementAndReportTheFirstFailure() throws {
    var values = Array(0..<500)
    try InParallel.update(&values, minimum: 16) { $0 *= 2 }
    #expect(values == (0..<500).map { $0 * 2 })
    struct Failure: Error, Equatable { var at: Int }
    #expect(throws: Failure(at: 100)) {
      try InParallel.update(&values, minimum: 16) { value in
        if value == 200 || value == 900 { throw Failure(at: value / 2) }
      }
    }
  }
}

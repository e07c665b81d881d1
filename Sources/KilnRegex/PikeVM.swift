/// Go's NFA simulation (`regexp/exec.go`): every thread advances one scalar at a time, in
/// priority order, and each instruction holds at most one thread per step, so a search takes
/// time proportional to the text times the program, never more, and memory proportional to the
/// program. Threads carry capture positions (UTF-8 offsets); when one reaches `match`, the threads
/// below it in priority are dropped, which gives leftmost-first (Perl) submatches.
struct PikeVM {
  private let prog: Program
  private let ncap: Int
  private let text: UnsafeBufferPointer<UInt8>

  private final class Queue {
    var sparse: [Int32]
    var dense: [Int32]
    var hasThread: [Bool]
    var caps: [Int]
    var count = 0

    init(_ n: Int, _ ncap: Int) {
      sparse = Array(repeating: 0, count: n)
      dense = Array(repeating: 0, count: n)
      hasThread = Array(repeating: false, count: n)
      caps = Array(repeating: -1, count: n * ncap)
    }
  }

  private let q0: Queue
  private let q1: Queue
  /// Work list for the epsilon closure: an instruction to explore (`slot` -1) or a capture
  /// slot to restore once a branch is done.
  private var stack: [(pc: Int32, slot: Int32, value: Int)] = []
  private var matched = false
  private var matchcap: [Int]
  private var scratch: [Int]

  /// `ncap` capture slots to track: 0 answers only whether there is a match.
  init(_ prog: Program, ncap: Int, text: UnsafeBufferPointer<UInt8>) {
    self.prog = prog
    self.ncap = ncap
    self.text = text
    q0 = Queue(prog.insts.count, ncap)
    q1 = Queue(prog.insts.count, ncap)
    matchcap = Array(repeating: -1, count: ncap)
    scratch = Array(repeating: -1, count: ncap)
  }

  /// The scalar at `pos` and its length in bytes; -1 and 0 at the end of the text.
  @inline(__always)
  private func step(_ pos: Int) -> (Int32, Int) {
    guard pos < text.count else { return (-1, 0) }
    let b0 = UInt32(text[pos])
    if b0 < 0x80 { return (Int32(b0), 1) }
    if b0 < 0xE0 {
      return (Int32((b0 & 0x1F) << 6 | UInt32(text[pos + 1] & 0x3F)), 2)
    }
    if b0 < 0xF0 {
      return (Int32((b0 & 0x0F) << 12 | UInt32(text[pos + 1] & 0x3F) << 6 | UInt32(text[pos + 2] & 0x3F)), 3)
    }
    let c = (b0 & 0x07) << 18 | UInt32(text[pos + 1] & 0x3F) << 12 | UInt32(text[pos + 2] & 0x3F) << 6
      | UInt32(text[pos + 3] & 0x3F)
    return (Int32(c), 4)
  }

  /// The scalar that ends just before `pos`, or -1 at the start.
  private func scalarBefore(_ pos: Int) -> Int32 {
    guard pos > 0 else { return -1 }
    var start = pos - 1
    while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
    return step(start).0
  }

  /// Searches from byte `pos` (the text before it is context for `^` and `\b`); the capture
  /// slots of the leftmost-first match, or nil.
  mutating func run(from pos: Int, startCond: EmptyOp) -> [Int]? {
    var pos = pos
    matched = false
    for i in 0..<ncap { matchcap[i] = -1 }
    var (r, width) = step(pos)
    var (r1, width1): (Int32, Int) = (-1, 0)
    if r >= 0 { (r1, width1) = step(pos + width) }
    var flag = EmptyOp.context(pos == 0 ? -1 : scalarBefore(pos), r)
    var runIsQ0 = true
    while true {
      let runCount = runIsQ0 ? q0.count : q1.count
      if runCount == 0 {
        if startCond.contains(.beginText) && pos != 0 { break }
        if matched { break }
      }
      if !matched && (pos == 0 || !startCond.contains(.beginText)) {
        for i in 0..<ncap { scratch[i] = -1 }
        if ncap > 0 { scratch[0] = pos }
        if runIsQ0 {
          add(q0, Int32(prog.start), pos, flag)
        } else {
          add(q1, Int32(prog.start), pos, flag)
        }
      }
      flag = EmptyOp.context(r, r1)
      if runIsQ0 {
        stepAll(q0, q1, pos, pos + width, r, flag)
      } else {
        stepAll(q1, q0, pos, pos + width, r, flag)
      }
      if width == 0 { break }
      if ncap == 0 && matched { break }
      pos += width
      (r, width) = (r1, width1)
      if r >= 0 { (r1, width1) = step(pos + width) }
      runIsQ0.toggle()
    }
    q0.count = 0
    q1.count = 0
    return matched ? matchcap : nil
  }

  /// Adds the thread at `pc` with the captures in `scratch`, following alts, captures and
  /// satisfied empty-width conditions (the epsilon closure), in priority order.
  private mutating func add(_ q: Queue, _ pc0: Int32, _ pos: Int, _ cond: EmptyOp) {
    stack.append((pc0, -1, 0))
    while let e = stack.popLast() {
      if e.slot >= 0 {
        scratch[Int(e.slot)] = e.value
        continue
      }
      var pc = e.pc
      explore: while pc != 0 {
        let j = Int(q.sparse[Int(pc)])
        if j < q.count && q.dense[j] == pc { break }
        let idx = q.count
        q.sparse[Int(pc)] = Int32(idx)
        q.dense[idx] = pc
        q.hasThread[idx] = false
        q.count += 1
        let inst = prog.insts[Int(pc)]
        switch inst.op {
        case .fail:
          break explore
        case .alt:
          stack.append((inst.arg, -1, 0))
          pc = inst.out
        case .emptyWidth:
          guard cond.isSuperset(of: EmptyOp(rawValue: inst.arg)) else { break explore }
          pc = inst.out
        case .nop:
          pc = inst.out
        case .capture:
          let slot = Int(inst.arg)
          if slot < ncap {
            stack.append((0, inst.arg, scratch[slot]))
            scratch[slot] = pos
          }
          pc = inst.out
        case .match, .rune1, .runeClass, .runeAny, .runeAnyNotNL:
          q.hasThread[idx] = true
          if ncap > 0 {
            let base = idx * ncap
            for i in 0..<ncap { q.caps[base + i] = scratch[i] }
          }
          break explore
        }
      }
    }
  }

  /// Advances every thread of `runq` over scalar `c` into `nextq`.
  private mutating func stepAll(
    _ runq: Queue, _ nextq: Queue, _ pos: Int, _ nextPos: Int, _ c: Int32, _ nextCond: EmptyOp
  ) {
    var j = 0
    while j < runq.count {
      defer { j += 1 }
      guard runq.hasThread[j] else { continue }
      let inst = prog.insts[Int(runq.dense[j])]
      let accept: Bool
      switch inst.op {
      case .match:
        if ncap > 0 {
          let base = j * ncap
          for i in 0..<ncap { matchcap[i] = runq.caps[base + i] }
          matchcap[1] = pos
        }
        matched = true
        // First match wins: the threads below this one have lower priority.
        runq.count = 0
        return
      case .rune1: accept = c == inst.arg
      case .runeClass: accept = c >= 0 && CharClass.contains(prog.classes[Int(inst.arg)], UInt32(c))
      case .runeAny: accept = c >= 0
      case .runeAnyNotNL: accept = c >= 0 && c != 0x0A
      default: accept = false
      }
      if accept {
        if ncap > 0 {
          let base = j * ncap
          for i in 0..<ncap { scratch[i] = runq.caps[base + i] }
        }
        add(nextq, inst.out, nextPos, nextCond)
      }
    }
    runq.count = 0
  }
}

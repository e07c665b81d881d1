/// Go's NFA simulation (`regexp/exec.go`): every thread advances one scalar at a time, in
/// priority order, and each instruction holds at most one thread per step, so a search takes
/// time proportional to the text times the program, never more, and memory proportional to the
/// program. Threads carry capture positions (UTF-8 offsets); when one reaches `match`, the threads
/// below it in priority are dropped, which gives leftmost-first (Perl) submatches.
///
/// All state lives in one scratch buffer (on the stack for small programs): two sparse-set
/// queues of threads with their captures, and the work list of the epsilon closure.
struct PikeVM {
  /// Searches `text` from byte `pos` (the text before it is context for `^` and `\b`) and
  /// returns the capture slots of the leftmost-first match, or nil. `ncap` 0 answers only
  /// whether there is a match.
  static func search(
    _ prog: Program, ncap: Int, text: UnsafeBufferPointer<UInt8>, from pos: Int, startCond: EmptyOp
  ) -> [Int]? {
    let n = prog.insts.count
    let queueSize = 3 * n + n * ncap
    let total = 2 * queueSize + 3 * (2 * n + 2) + 2 * ncap
    return prog.insts.withUnsafeBufferPointer { insts in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: total) { buffer in
        let base = buffer.baseAddress!
        var vm = PikeVM(prog: prog, insts: insts, ncap: ncap, text: text, base: base, n: n)
        return vm.run(from: pos, startCond: startCond)
      }
    }
  }

  private let prog: Program
  private let insts: UnsafeBufferPointer<Program.Inst>
  private let ncap: Int
  private let text: UnsafeBufferPointer<UInt8>
  private let n: Int
  /// Queue q (0 or 1): sparse at `q * queueSize`, then dense pcs, then thread flags, then
  /// `ncap` captures per dense slot.
  private let queues: UnsafeMutablePointer<Int>
  private let queueSize: Int
  private var count = (0, 0)
  /// The closure's work list: (pc, slot, value) triples; slot -1 explores pc, otherwise the
  /// slot is restored to value once a branch is done.
  private let stack: UnsafeMutablePointer<Int>
  private var sp = 0
  private let matchcap: UnsafeMutablePointer<Int>
  private let scratch: UnsafeMutablePointer<Int>
  private var matched = false

  private init(
    prog: Program, insts: UnsafeBufferPointer<Program.Inst>, ncap: Int, text: UnsafeBufferPointer<UInt8>,
    base: UnsafeMutablePointer<Int>, n: Int
  ) {
    self.prog = prog
    self.insts = insts
    self.ncap = ncap
    self.text = text
    self.n = n
    queueSize = 3 * n + n * ncap
    queues = base
    stack = base + 2 * queueSize
    matchcap = stack + 3 * (2 * n + 2)
    scratch = matchcap + ncap
    // The sparse arrays are read before they are written (the sparse-set trick: a stale entry
    // is caught by the dense check); give them defined values. Everything else is written
    // before it is read.
    base.initialize(repeating: 0, count: n)
    (base + queueSize).initialize(repeating: 0, count: n)
  }

  @inline(__always) private func sparse(_ q: Int) -> UnsafeMutablePointer<Int> { queues + q * queueSize }
  @inline(__always) private func dense(_ q: Int) -> UnsafeMutablePointer<Int> { queues + q * queueSize + n }
  @inline(__always) private func has(_ q: Int) -> UnsafeMutablePointer<Int> { queues + q * queueSize + 2 * n }
  @inline(__always) private func caps(_ q: Int) -> UnsafeMutablePointer<Int> { queues + q * queueSize + 3 * n }

  @inline(__always) private func queueCount(_ q: Int) -> Int { q == 0 ? count.0 : count.1 }
  @inline(__always) private mutating func setQueueCount(_ q: Int, _ c: Int) {
    if q == 0 { count.0 = c } else { count.1 = c }
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
    let c =
      (b0 & 0x07) << 18 | UInt32(text[pos + 1] & 0x3F) << 12 | UInt32(text[pos + 2] & 0x3F) << 6
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

  private mutating func run(from pos: Int, startCond: EmptyOp) -> [Int]? {
    var pos = pos
    for i in 0..<ncap { matchcap[i] = -1 }
    var (r, width) = step(pos)
    var (r1, width1): (Int32, Int) = (-1, 0)
    if r >= 0 { (r1, width1) = step(pos + width) }
    var flag = EmptyOp.context(pos == 0 ? -1 : scalarBefore(pos), r)
    var runq = 0
    let anchored = startCond.contains(.beginText)
    while true {
      if queueCount(runq) == 0 {
        if anchored && pos != 0 { break }
        if matched { break }
      }
      if !matched && (pos == 0 || !anchored) {
        for i in 0..<ncap { scratch[i] = -1 }
        if ncap > 0 { scratch[0] = pos }
        add(runq, prog.start, pos, flag)
      }
      flag = EmptyOp.context(r, r1)
      stepAll(runq, 1 - runq, pos, pos + width, r, flag)
      if width == 0 { break }
      if ncap == 0 && matched { break }
      pos += width
      (r, width) = (r1, width1)
      if r >= 0 { (r1, width1) = step(pos + width) }
      runq = 1 - runq
    }
    return matched ? Array(UnsafeBufferPointer(start: matchcap, count: ncap)) : nil
  }

  /// Adds the thread at `pc` with the captures in `scratch`, following alts, captures and
  /// satisfied empty-width conditions (the epsilon closure), in priority order.
  private mutating func add(_ q: Int, _ pc0: Int, _ pos: Int, _ cond: EmptyOp) {
    let sparse = sparse(q)
    let dense = dense(q)
    let has = has(q)
    let caps = caps(q)
    var count = queueCount(q)
    stack[0] = pc0
    stack[1] = -1
    sp = 3
    while sp > 0 {
      sp -= 3
      let slot = stack[sp + 1]
      if slot >= 0 {
        scratch[slot] = stack[sp + 2]
        continue
      }
      var pc = stack[sp]
      explore: while pc != 0 {
        let j = sparse[pc]
        if j < count && dense[j] == pc { break }
        let idx = count
        sparse[pc] = idx
        dense[idx] = pc
        has[idx] = 0
        count += 1
        let inst = insts[pc]
        switch inst.op {
        case .fail:
          break explore
        case .alt:
          stack[sp] = Int(inst.arg)
          stack[sp + 1] = -1
          sp += 3
          pc = Int(inst.out)
        case .emptyWidth:
          guard cond.isSuperset(of: EmptyOp(rawValue: inst.arg)) else { break explore }
          pc = Int(inst.out)
        case .nop:
          pc = Int(inst.out)
        case .capture:
          let s = Int(inst.arg)
          if s < ncap {
            stack[sp] = 0
            stack[sp + 1] = s
            stack[sp + 2] = scratch[s]
            sp += 3
            scratch[s] = pos
          }
          pc = Int(inst.out)
        case .match, .rune1, .runeClass, .runeAny, .runeAnyNotNL:
          has[idx] = 1
          if ncap > 0 { (caps + idx * ncap).update(from: scratch, count: ncap) }
          break explore
        }
      }
    }
    setQueueCount(q, count)
  }

  /// Advances every thread of queue `runq` over scalar `c` into queue `nextq`.
  private mutating func stepAll(_ runq: Int, _ nextq: Int, _ pos: Int, _ nextPos: Int, _ c: Int32, _ nextCond: EmptyOp)
  {
    let dense = dense(runq)
    let has = has(runq)
    let caps = caps(runq)
    let count = queueCount(runq)
    var j = 0
    while j < count {
      defer { j += 1 }
      guard has[j] != 0 else { continue }
      let inst = insts[dense[j]]
      let accept: Bool
      switch inst.op {
      case .match:
        if ncap > 0 {
          matchcap.update(from: caps + j * ncap, count: ncap)
          matchcap[1] = pos
        }
        matched = true
        // First match wins: the threads below this one have lower priority.
        setQueueCount(runq, 0)
        return
      case .rune1: accept = c == inst.arg
      case .runeClass: accept = c >= 0 && prog.classMatches(Int(inst.arg), UInt32(c))
      case .runeAny: accept = c >= 0
      case .runeAnyNotNL: accept = c >= 0 && c != 0x0A
      default: accept = false
      }
      if accept {
        if ncap > 0 { scratch.update(from: caps + j * ncap, count: ncap) }
        add(nextq, Int(inst.out), nextPos, nextCond)
      }
    }
    setQueueCount(runq, 0)
  }
}

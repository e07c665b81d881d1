/// A compiled pattern: instructions for the Pike VM, laid out as Go's `syntax.Prog`.
struct Program: Sendable {
  enum Op: UInt8, Sendable {
    case fail, alt, capture, emptyWidth, nop, match
    /// One scalar (`arg`).
    case rune1
    /// A class: `ranges[arg]`.
    case runeClass
    case runeAny, runeAnyNotNL
  }

  struct Inst: Sendable {
    var op: Op
    var out: Int32 = 0
    /// The other branch of an alt, a capture slot, empty-width conditions, a scalar or a class.
    var arg: Int32 = 0
  }

  var insts: [Inst] = []
  private(set) var classes: [[UInt32]] = []
  /// For each class, which ASCII characters it holds: two words, bit c set for c in the class.
  private var asciiBits: [UInt64] = []
  var start = 0
  /// Capture slots: two per group, group 0 included.
  var numCap = 2

  /// Adds a class; its number.
  mutating func addClass(_ ranges: [UInt32]) -> Int {
    var bits: [UInt64] = [0, 0]
    var i = 0
    while i < ranges.count && ranges[i] < 128 {
      for c in ranges[i]...min(ranges[i + 1], 127) { bits[Int(c >> 6)] |= 1 << (c & 63) }
      i += 2
    }
    classes.append(ranges)
    asciiBits += bits
    return classes.count - 1
  }

  /// Whether class `k` holds `c`: a bit test for ASCII, a binary search above.
  @inline(__always)
  func classMatches(_ k: Int, _ c: UInt32) -> Bool {
    if c < 128 { return asciiBits[2 * k + Int(c >> 6)] & (1 << (c & 63)) != 0 }
    return CharClass.contains(classes[k], c)
  }
}

/// Conditions an empty-width instruction asks for (Go's `EmptyOp`).
struct EmptyOp: OptionSet, Sendable {
  let rawValue: Int32
  static let beginLine = EmptyOp(rawValue: 1)
  static let endLine = EmptyOp(rawValue: 2)
  static let beginText = EmptyOp(rawValue: 4)
  static let endText = EmptyOp(rawValue: 8)
  static let wordBoundary = EmptyOp(rawValue: 16)
  static let noWordBoundary = EmptyOp(rawValue: 32)

  /// What holds between scalar `r1` and scalar `r2` (-1 for the edge of the text).
  @inline(__always)
  static func context(_ r1: Int32, _ r2: Int32) -> EmptyOp {
    var op: EmptyOp = .noWordBoundary
    var boundary = false
    if CharClass.isWordChar(r1) {
      boundary = true
    } else if r1 == 0x0A {
      op.insert(.beginLine)
    } else if r1 < 0 {
      op.formUnion([.beginText, .beginLine])
    }
    if CharClass.isWordChar(r2) {
      boundary.toggle()
    } else if r2 == 0x0A {
      op.insert(.endLine)
    } else if r2 < 0 {
      op.formUnion([.endText, .endLine])
    }
    if boundary { op.formSymmetricDifference([.wordBoundary, .noWordBoundary]) }
    return op
  }
}

import Synchronization

/// Character classes as Go builds them: flat arrays of `lo, hi` pairs of Unicode scalars.
enum CharClass {
  static let maxRune: UInt32 = 0x10FFFF

  /// Appends `lo...hi`, widening the last or next-to-last range when they touch (Go's
  /// `appendRange`), so that folded alphabets stay two ranges.
  static func appendRange(_ r: inout [UInt32], _ lo: UInt32, _ hi: UInt32) {
    let n = r.count
    var i = 2
    while i <= 4 {
      if n >= i {
        let rlo = r[n - i]
        let rhi = r[n - i + 1]
        if lo <= rhi &+ 1 && rlo <= hi &+ 1 {
          if lo < rlo { r[n - i] = lo }
          if hi > rhi { r[n - i + 1] = hi }
          return
        }
      }
      i += 2
    }
    r.append(lo)
    r.append(hi)
  }

  /// Appends `lo...hi` and every scalar that folds to one in it.
  static func appendFoldedRange(_ r: inout [UInt32], _ lo: UInt32, _ hi: UInt32) {
    appendRange(&r, lo, hi)
    let fold = CaseFold.shared
    if hi < fold.minFold || lo > fold.maxFold { return }
    if lo <= fold.minFold && hi >= fold.maxFold { return }
    // Only scalars with an orbit add anything: walk those that lie in the range.
    var i = fold.firstIndex(atLeast: lo)
    while i < fold.scalars.count && fold.scalars[i] <= hi {
      for member in fold.orbit(at: i) { appendRange(&r, member, member) }
      i += 1
    }
  }

  static func appendClass(_ r: inout [UInt32], _ x: [UInt32]) {
    var i = 0
    while i < x.count {
      appendRange(&r, x[i], x[i + 1])
      i += 2
    }
  }

  static func appendFoldedClass(_ r: inout [UInt32], _ x: [UInt32]) {
    var i = 0
    while i < x.count {
      appendFoldedRange(&r, x[i], x[i + 1])
      i += 2
    }
  }

  /// Appends the complement of the clean class `x`.
  static func appendNegatedClass(_ r: inout [UInt32], _ x: [UInt32]) {
    var nextLo: UInt32 = 0
    var i = 0
    while i < x.count {
      let lo = x[i]
      let hi = x[i + 1]
      if lo > 0 && nextLo <= lo - 1 { appendRange(&r, nextLo, lo - 1) }
      nextLo = hi + 1
      i += 2
    }
    if nextLo <= maxRune { appendRange(&r, nextLo, maxRune) }
  }

  /// Sorts the ranges, merging those that overlap or abut (Go's `cleanClass`).
  static func clean(_ r: [UInt32]) -> [UInt32] {
    var pairs: [(UInt32, UInt32)] = []
    pairs.reserveCapacity(r.count / 2)
    var i = 0
    while i < r.count {
      pairs.append((r[i], r[i + 1]))
      i += 2
    }
    pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
    var out: [UInt32] = []
    out.reserveCapacity(r.count)
    for (lo, hi) in pairs {
      if let last = out.last, lo <= last &+ 1 {
        if hi > last { out[out.count - 1] = hi }
        continue
      }
      out.append(lo)
      out.append(hi)
    }
    return out
  }

  static func negate(_ r: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    appendNegatedClass(&out, r)
    return out
  }

  static func contains(_ r: [UInt32], _ c: UInt32) -> Bool {
    var lo = 0
    var hi = r.count / 2
    while lo < hi {
      let m = (lo + hi) / 2
      if c > r[2 * m + 1] {
        lo = m + 1
      } else if c < r[2 * m] {
        hi = m
      } else {
        return true
      }
    }
    return false
  }

  // MARK: Named groups

  /// `\d \s \w` and their negations.
  static func perlGroup(_ c: Character) -> (class: [UInt32], negated: Bool)? {
    switch c {
    case "d": return (digit, false)
    case "D": return (digit, true)
    case "s": return (perlSpace, false)
    case "S": return (perlSpace, true)
    case "w": return (word, false)
    case "W": return (word, true)
    default: return nil
    }
  }

  static let digit: [UInt32] = [0x30, 0x39]
  static let perlSpace: [UInt32] = [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x20]
  static let word: [UInt32] = [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A]

  /// `[:alpha:]` and the other POSIX names, ASCII only as in Go.
  static let posixGroups: [String: [UInt32]] = [
    "alnum": [0x30, 0x39, 0x41, 0x5A, 0x61, 0x7A],
    "alpha": [0x41, 0x5A, 0x61, 0x7A],
    "ascii": [0x00, 0x7F],
    "blank": [0x09, 0x09, 0x20, 0x20],
    "cntrl": [0x00, 0x1F, 0x7F, 0x7F],
    "digit": [0x30, 0x39],
    "graph": [0x21, 0x7E],
    "lower": [0x61, 0x7A],
    "print": [0x20, 0x7E],
    "punct": [0x21, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7E],
    "space": [0x09, 0x0D, 0x20, 0x20],
    "upper": [0x41, 0x5A],
    "word": [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A],
    "xdigit": [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
  ]

  /// A Unicode general category or script by Go's name (`L`, `Lu`, `Greek`, `Any`).
  static func unicodeTable(_ name: String) -> [UInt32]? {
    if name == "Any" { return [0, maxRune] }
    return UnicodeTableCache.shared.table(name)
  }

  /// ASCII word characters, as `\b` reads them.
  @inline(__always)
  static func isWordChar(_ c: Int32) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
  }
}

/// The generated tables, parsed once each on first use.
final class UnicodeTableCache: Sendable {
  static let shared = UnicodeTableCache()
  private let parsed = Mutex<[String: [UInt32]]>([:])

  func table(_ name: String) -> [UInt32]? {
    parsed.withLock { parsed in
      if let t = parsed[name] { return t }
      guard let text = UnicodeTables.categories[name] ?? UnicodeTables.scripts[name] else { return nil }
      var r: [UInt32] = []
      for item in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        let parts = item.split(separator: "-")
        let lo = UInt32(parts[0], radix: 16)!
        let hi = parts.count > 1 ? UInt32(parts[1], radix: 16)! : lo
        r.append(lo)
        r.append(hi)
      }
      parsed[name] = r
      return r
    }
  }
}

/// Simple case folding: each scalar that has other case forms, and the orbit it belongs to.
struct CaseFold: Sendable {
  static let shared = CaseFold()
  /// Sorted scalars that have an orbit; `orbitOf[i]` indexes `orbits` for `scalars[i]`.
  let scalars: [UInt32]
  private let orbitOf: [Int]
  private let orbits: [[UInt32]]
  let minFold: UInt32
  let maxFold: UInt32

  private init() {
    var orbits: [[UInt32]] = []
    var pairs: [(UInt32, Int)] = []
    for group in UnicodeTables.foldOrbits.split(separator: ",") {
      let members = group.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt32($0, radix: 16)! }
      for m in members { pairs.append((m, orbits.count)) }
      orbits.append(members)
    }
    pairs.sort { $0.0 < $1.0 }
    scalars = pairs.map(\.0)
    orbitOf = pairs.map(\.1)
    self.orbits = orbits
    minFold = scalars.first ?? 0
    maxFold = scalars.last ?? 0
  }

  func firstIndex(atLeast c: UInt32) -> Int {
    var lo = 0
    var hi = scalars.count
    while lo < hi {
      let m = (lo + hi) / 2
      if scalars[m] < c { lo = m + 1 } else { hi = m }
    }
    return lo
  }

  func orbit(at index: Int) -> [UInt32] { orbits[orbitOf[index]] }

  /// Every scalar that matches `c` under `(?i)`, `c` included, sorted.
  func orbit(of c: UInt32) -> [UInt32] {
    let i = firstIndex(atLeast: c)
    if i < scalars.count && scalars[i] == c { return orbit(at: i) }
    return [c]
  }

  /// The smallest member of `c`'s orbit (Go's `minFoldRune`).
  func minFold(_ c: UInt32) -> UInt32 { orbit(of: c)[0] }
}

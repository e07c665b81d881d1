/// A regular expression with Go's syntax and semantics (`regexp.Compile`, RE2's dialect), matched
/// in time linear in the text: no pattern can make a match take exponential time.
///
/// Positions are UTF-8 offsets, as Go reports them; ``Match`` turns them into string indices.
public struct RE2Regex: Sendable {
  public let pattern: String
  let prog: Program
  private let startCond: EmptyOp
  private let neverMatches: Bool
  /// The pattern as plain bytes, when it is one literal string (no operators, no `(?i)`).
  private let literal: LiteralShape?
  /// Names of the capture groups, by number; index 0 (the whole match) and unnamed groups are nil.
  public let groupNames: [String?]

  private struct LiteralShape: Sendable {
    var bytes: [UInt8]
    var anchoredStart: Bool
    var anchoredEnd: Bool
  }

  public init(_ pattern: String) throws(RegexSyntaxError) {
    var parser = Parser(pattern)
    let tree = try parser.parse()
    self.pattern = pattern
    var names: [String?] = Array(repeating: nil, count: parser.numCap + 1)
    for (i, name) in parser.names { names[i] = name }
    groupNames = names
    let simple = Simplify.simplify(tree)
    prog = Compiler.compile(simple)
    var cond: EmptyOp = []
    var pc = prog.start
    var never = false
    scan: while true {
      let inst = prog.insts[pc]
      switch inst.op {
      case .emptyWidth: cond.formUnion(EmptyOp(rawValue: inst.arg))
      case .fail:
        never = true
        break scan
      case .capture, .nop: break
      default: break scan
      }
      pc = Int(inst.out)
    }
    startCond = cond
    neverMatches = never
    literal = Self.literalShape(simple)
  }

  /// `^lit`, `lit$`, `^lit$` or `lit` with no case folding: matched by comparing bytes.
  private static func literalShape(_ re: Node) -> LiteralShape? {
    var parts = re.op == .concat ? re.subs : [re]
    var shape = LiteralShape(bytes: [], anchoredStart: false, anchoredEnd: false)
    if parts.first?.op == .beginText {
      shape.anchoredStart = true
      parts.removeFirst()
    }
    if parts.last?.op == .endText {
      shape.anchoredEnd = true
      parts.removeLast()
    }
    var scalars = String.UnicodeScalarView()
    for part in parts {
      guard part.op == .literal, !part.flags.contains(.foldCase) else { return nil }
      for r in part.runes {
        guard let scalar = Unicode.Scalar(r) else { return nil }
        scalars.append(scalar)
      }
    }
    shape.bytes = Array(String(scalars).utf8)
    return shape
  }

  /// The number of capture groups.
  public var numberOfGroups: Int { groupNames.count - 1 }

  /// Whether the pattern matches somewhere in `text` (Go's `MatchString`).
  public func matches(_ text: String) -> Bool {
    if neverMatches { return false }
    if let literal { return Self.withBytes(text) { Self.literalMatch(literal, $0) } }
    return Self.withBytes(text) { bytes in
      PikeVM.search(prog, ncap: 0, text: bytes, from: 0, startCond: startCond) != nil
    }
  }

  /// The leftmost-first match and its groups (Go's `FindStringSubmatchIndex`).
  public func firstMatch(in text: String) -> Match? {
    if neverMatches { return nil }
    return Self.withBytes(text) { bytes in
      PikeVM.search(prog, ncap: prog.numCap, text: bytes, from: 0, startCond: startCond).map {
        Match(text: text, slots: $0, groups: groupNames.count)
      }
    }
  }

  /// Every successive non-overlapping match (Go's `FindAllStringSubmatchIndex` with n = -1): an
  /// empty match right where the previous match ended is skipped.
  public func allMatches(in text: String) -> [Match] {
    if neverMatches { return [] }
    return Self.withBytes(text) { bytes in
      var out: [Match] = []
      var pos = 0
      var prevMatchEnd = -1
      while pos <= bytes.count {
        guard let slots = PikeVM.search(prog, ncap: prog.numCap, text: bytes, from: pos, startCond: startCond) else {
          break
        }
        var accept = true
        if slots[1] == pos {
          if slots[0] == prevMatchEnd { accept = false }
          pos += pos < bytes.count ? Self.width(bytes, pos) : 1
        } else {
          pos = slots[1]
        }
        prevMatchEnd = slots[1]
        if accept { out.append(Match(text: text, slots: slots, groups: groupNames.count)) }
      }
      return out
    }
  }

  /// `text` with every match replaced by `template`, in which `$1`, `${1}`, `$name` and
  /// `${name}` stand for groups and `$$` for a dollar (Go's `ReplaceAllString`).
  public func replaceAll(in text: String, with template: String) -> String {
    replaceAll(in: text) { match, out in expand(template, match: match, into: &out) }
  }

  /// `text` with every match replaced by what `replacement` appends (Go's `ReplaceAllStringFunc`
  /// gives it the matched text; here it gets the whole match).
  public func replaceAll(in text: String, _ replacement: (Match, inout [UInt8]) -> Void) -> String {
    if neverMatches { return text }
    return Self.withBytes(text) { bytes in
      var out: [UInt8] = []
      var lastMatchEnd = 0
      var searchPos = 0
      while searchPos <= bytes.count {
        guard let a = PikeVM.search(prog, ncap: prog.numCap, text: bytes, from: searchPos, startCond: startCond) else {
          break
        }
        out.append(contentsOf: bytes[lastMatchEnd..<a[0]])
        // No replacement for an empty match right after a match.
        if a[1] > lastMatchEnd || a[0] == 0 {
          replacement(Match(text: text, slots: a, groups: groupNames.count), &out)
        }
        lastMatchEnd = a[1]
        let width = searchPos < bytes.count ? Self.width(bytes, searchPos) : 0
        if searchPos + width > a[1] {
          searchPos += width
        } else if searchPos + 1 > a[1] {
          searchPos += 1
        } else {
          searchPos = a[1]
        }
      }
      out.append(contentsOf: bytes[lastMatchEnd...])
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Appends `template` to `out` with its `$` references filled from `match` (Go's `Expand`).
  public func expand(_ template: String, match: Match, into out: inout [UInt8]) {
    let t = Array(template.utf8)
    var i = 0
    while i < t.count {
      guard t[i] == UInt8(ascii: "$") else {
        out.append(t[i])
        i += 1
        continue
      }
      i += 1
      if i < t.count && t[i] == UInt8(ascii: "$") {
        out.append(UInt8(ascii: "$"))
        i += 1
        continue
      }
      guard let (name, num, rest) = Self.extract(t, i) else {
        out.append(UInt8(ascii: "$"))
        continue
      }
      i = rest
      let group: Int?
      if let num {
        group = num
      } else {
        group = groupNames.indices.first { groupNames[$0] == name && match.utf8Range($0) != nil }
      }
      if let group, let r = match.utf8Range(group) {
        match.withBytes { out.append(contentsOf: $0[r]) }
      }
    }
  }

  /// A leading `name` or `{name}` at `i` (after a `$`): the name, its number if it is one, and
  /// where the reference ends.
  private static func extract(_ t: [UInt8], _ start: Int) -> (String, Int?, Int)? {
    var i = start
    guard i < t.count else { return nil }
    let brace = t[i] == UInt8(ascii: "{")
    if brace { i += 1 }
    let nameStart = i
    let tail = String(decoding: t[i...], as: UTF8.self)
    for scalar in tail.unicodeScalars {
      let cat = scalar.properties.generalCategory
      let isLetter = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(cat)
      guard isLetter || cat == .decimalNumber || scalar == "_" else { break }
      i += String(scalar).utf8.count
    }
    guard i > nameStart else { return nil }
    let name = String(decoding: t[nameStart..<i], as: UTF8.self)
    if brace {
      guard i < t.count, t[i] == UInt8(ascii: "}") else { return nil }
      i += 1
    }
    var num: Int? = 0
    for b in name.utf8 {
      guard let n = num, b >= 0x30, b <= 0x39, n < 100_000_000 else {
        num = nil
        break
      }
      num = n * 10 + Int(b - 0x30)
    }
    if name.utf8.first == UInt8(ascii: "0") && name.utf8.count > 1 { num = nil }
    return (name, num, i)
  }

  // MARK: Helpers

  static func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    let copy = Array(text.utf8)
    return copy.withUnsafeBufferPointer(body)
  }

  static func width(_ bytes: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int {
    let b = bytes[pos]
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
  }

  private static func literalMatch(_ lit: LiteralShape, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = lit.bytes.count
    if n > text.count { return false }
    func equal(at start: Int) -> Bool {
      var i = 0
      while i < n {
        if text[start + i] != lit.bytes[i] { return false }
        i += 1
      }
      return true
    }
    switch (lit.anchoredStart, lit.anchoredEnd) {
    case (true, true): return n == text.count && equal(at: 0)
    case (true, false): return equal(at: 0)
    case (false, true): return equal(at: text.count - n)
    case (false, false):
      var start = 0
      while start + n <= text.count {
        if equal(at: start) { return true }
        start += 1
      }
      return false
    }
  }
}

/// A match: where the whole match and each group lie in the text searched.
public struct Match: Sendable {
  public let text: String
  /// Two UTF-8 offsets per group (group 0 is the whole match), -1 for a group that took no part.
  public let slots: [Int]

  init(text: String, slots: [Int], groups: Int) {
    self.text = text
    var s = slots
    if s.count < 2 * groups { s += Array(repeating: -1, count: 2 * groups - s.count) }
    self.slots = Array(s.prefix(2 * groups))
  }

  /// The UTF-8 offsets of group `i` (0 for the whole match), nil if it took no part.
  public func utf8Range(_ i: Int) -> Range<Int>? {
    guard 2 * i + 1 < slots.count, slots[2 * i] >= 0 else { return nil }
    return slots[2 * i]..<slots[2 * i + 1]
  }

  /// Group `i` as a range of `text`.
  public func range(_ i: Int) -> Range<String.Index>? {
    guard let r = utf8Range(i) else { return nil }
    let u = text.utf8
    let lo = u.index(u.startIndex, offsetBy: r.lowerBound)
    return lo..<u.index(lo, offsetBy: r.count)
  }

  /// The text of group `i`, nil if it took no part.
  public subscript(_ i: Int) -> Substring? {
    range(i).map { text[$0] }
  }

  /// The whole match's range.
  public var range: Range<String.Index> { range(0)! }

  func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T { RE2Regex.withBytes(text, body) }
}

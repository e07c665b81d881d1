/// Go's `regexp/syntax` parser with the flags `regexp.Compile` passes (`syntax.Perl`), step for
/// step: the same operator stack, the same checks in the same order, so that a pattern is refused
/// exactly when Go refuses it and with Go's text.
struct Parser {
  static let maxRepeat = 1000
  static let maxHeight = 1000
  static let maxSize = (128 << 20) / 40
  static let maxRunes = (128 << 20) / 4

  private let s: [Unicode.Scalar]
  private var flags: Flags = .perl
  private var stack: [Node] = []
  private(set) var numCap = 0
  private(set) var names: [Int: String] = [:]
  private var numRunes = 0

  init(_ pattern: String) {
    s = Array(pattern.unicodeScalars)
  }

  private var whole: Substring { text(0, s.count) }

  private func text(_ from: Int, _ to: Int) -> Substring {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: s[from..<to])
    return Substring(String(v))
  }

  private func error(_ code: RegexSyntaxError.Code, _ from: Int, _ to: Int) -> RegexSyntaxError {
    RegexSyntaxError(code, text(from, to))
  }

  private func at(_ i: Int) -> Unicode.Scalar? { i < s.count ? s[i] : nil }

  // MARK: Stack

  private mutating func push(_ re: Node) throws(RegexSyntaxError) {
    numRunes += re.runes.count
    if numRunes > Self.maxRunes { throw RegexSyntaxError(.large, whole) }
    stack.append(re)
  }

  /// Pushes one literal character: a scalar, or a surrogate code point written as `\x{D800}`
  /// (Go accepts it; no UTF-8 text holds one, so it never matches).
  private mutating func literal(_ c: UInt32) throws(RegexSyntaxError) {
    let re = Node(.literal, flags: flags)
    re.runes = [flags.contains(.foldCase) ? CaseFold.shared.minFold(c) : c]
    try push(re)
  }

  @discardableResult
  private mutating func op(_ op: Node.Op) throws(RegexSyntaxError) -> Node {
    let re = Node(op, flags: flags)
    try push(re)
    return re
  }

  /// Gives `re` its subexpressions, refusing trees deeper than Go allows.
  private func setSubs(_ re: Node, _ subs: [Node]) throws(RegexSyntaxError) {
    re.subs = subs
    var h = 1
    for sub in subs where sub.height + 1 > h { h = sub.height + 1 }
    re.height = h
    if h > Self.maxHeight { throw RegexSyntaxError(.nestingDepth, whole) }
  }

  /// Replaces the top of the stack with itself repeated. `before` is where the operator starts,
  /// `after` where it ends; `lastRepeat` where the previous operator started, if the previous
  /// token was one (`a**` is an error in Perl mode).
  private mutating func `repeat`(
    _ op: Node.Op, _ min: Int, _ max: Int, before: Int, after: Int, lastRepeat: Int?
  ) throws(RegexSyntaxError) -> Int {
    var after = after
    var fl = flags
    if at(after) == "?" {
      after += 1
      fl.formSymmetricDifference(.nonGreedy)
    }
    if let lastRepeat { throw error(.invalidRepeatOp, lastRepeat, after) }
    guard let sub = stack.last, sub.op < .leftParen else {
      throw error(.missingRepeatArgument, before, after)
    }
    let re = Node(op, flags: fl)
    re.min = min
    re.max = max
    try setSubs(re, [sub])
    stack[stack.count - 1] = re
    if op == .repeat && (min >= 2 || max >= 2) && !Self.repeatIsValid(re, Self.maxRepeat) {
      throw error(.invalidRepeatSize, before, after)
    }
    return after
  }

  /// Whether the nested counted repetitions in `re` stay within `n` copies (Go's rule).
  private static func repeatIsValid(_ re: Node, _ n: Int) -> Bool {
    var n = n
    if re.op == .repeat {
      var m = re.max
      if m == 0 { return true }
      if m < 0 { m = re.min }
      if m > n { return false }
      if m > 0 { n /= m }
    }
    for sub in re.subs where !repeatIsValid(sub, n) { return false }
    return true
  }

  /// Replaces the top of the stack (above the topmost `|` or `(`) with its concatenation.
  private mutating func concat() throws(RegexSyntaxError) {
    var i = stack.count
    while i > 0 && stack[i - 1].op < .leftParen { i -= 1 }
    let subs = Array(stack[i...])
    stack.removeSubrange(i...)
    if subs.isEmpty {
      try push(Node(.emptyMatch, flags: flags))
    } else {
      try push(collapse(subs, .concat))
    }
  }

  /// Replaces the top of the stack (above the topmost `(`) with its alternation.
  private mutating func alternate() throws(RegexSyntaxError) {
    var i = stack.count
    while i > 0 && stack[i - 1].op < .leftParen { i -= 1 }
    let subs = Array(stack[i...])
    stack.removeSubrange(i...)
    if subs.isEmpty {
      try push(Node(.noMatch, flags: flags))
    } else {
      try push(collapse(subs, .alternate))
    }
  }

  private func collapse(_ subs: [Node], _ op: Node.Op) throws(RegexSyntaxError) -> Node {
    if subs.count == 1 { return subs[0] }
    let re = Node(op)
    var flat: [Node] = []
    for sub in subs {
      if sub.op == op { flat.append(contentsOf: sub.subs) } else { flat.append(sub) }
    }
    try setSubs(re, flat)
    return re
  }

  /// If the top of the stack is an expression above a `|`, swaps the two.
  private mutating func swapVerticalBar() -> Bool {
    let n = stack.count
    if n >= 2 && stack[n - 2].op == .verticalBar {
      stack.swapAt(n - 1, n - 2)
      return true
    }
    return false
  }

  private mutating func parseVerticalBar() throws(RegexSyntaxError) {
    try concat()
    if !swapVerticalBar() { try op(.verticalBar) }
  }

  private mutating func parseRightParen() throws(RegexSyntaxError) {
    try concat()
    if swapVerticalBar() { stack.removeLast() }
    try alternate()
    let n = stack.count
    if n < 2 { throw RegexSyntaxError(.unexpectedParen, whole) }
    let re1 = stack[n - 1]
    let re2 = stack[n - 2]
    stack.removeLast(2)
    if re2.op != .leftParen { throw RegexSyntaxError(.unexpectedParen, whole) }
    flags = re2.flags
    if re2.cap == 0 {
      try push(re1)
    } else {
      re2.op = .capture
      try setSubs(re2, [re1])
      try push(re2)
    }
  }

  // MARK: Parse

  mutating func parse() throws(RegexSyntaxError) -> Node {
    var t = 0
    var lastRepeat: Int? = nil
    while t < s.count {
      var repeatStart: Int? = nil
      switch s[t] {
      case "(":
        if at(t + 1) == "?" {
          t = try parsePerlFlags(t)
          break
        }
        numCap += 1
        try op(.leftParen).cap = numCap
        t += 1
      case "|":
        try parseVerticalBar()
        t += 1
      case ")":
        try parseRightParen()
        t += 1
      case "^":
        try op(flags.contains(.oneLine) ? .beginText : .beginLine)
        t += 1
      case "$":
        try op(flags.contains(.oneLine) ? .endText : .endLine)
        t += 1
      case ".":
        try op(flags.contains(.dotNL) ? .anyChar : .anyCharNotNL)
        t += 1
      case "[":
        t = try parseClass(t)
      case "*", "+", "?":
        let kind: Node.Op = s[t] == "*" ? .star : s[t] == "+" ? .plus : .quest
        let before = t
        t = try self.repeat(kind, 0, 0, before: before, after: t + 1, lastRepeat: lastRepeat)
        repeatStart = before
      case "{":
        let before = t
        guard let (min, max, after) = parseRepeat(t) else {
          try literal(0x7B)
          t += 1
          break
        }
        if min < 0 || min > Self.maxRepeat || max > Self.maxRepeat || (max >= 0 && min > max) {
          throw error(.invalidRepeatSize, before, after)
        }
        t = try self.repeat(.repeat, min, max, before: before, after: after, lastRepeat: lastRepeat)
        repeatStart = before
      case "\\":
        t = try parseBackslash(t)
      default:
        try literal(s[t].value)
        t += 1
      }
      lastRepeat = repeatStart
    }
    try concat()
    if swapVerticalBar() { stack.removeLast() }
    try alternate()
    if stack.count != 1 { throw RegexSyntaxError(.missingParen, whole) }
    let re = stack[0]
    if Self.size(re) > Self.maxSize { throw RegexSyntaxError(.large, whole) }
    return re
  }

  /// `\A \b \B \z \Q…\E`, Unicode and Perl classes, and single-character escapes.
  private mutating func parseBackslash(_ t: Int) throws(RegexSyntaxError) -> Int {
    if let c = at(t + 1) {
      switch c {
      case "A":
        try op(.beginText)
        return t + 2
      case "b":
        try op(.wordBoundary)
        return t + 2
      case "B":
        try op(.noWordBoundary)
        return t + 2
      case "C": throw error(.invalidEscape, t, t + 2)
      case "z":
        try op(.endText)
        return t + 2
      case "Q":
        var i = t + 2
        while i < s.count {
          if s[i] == "\\" && at(i + 1) == "E" { return i + 2 }
          try literal(s[i].value)
          i += 1
        }
        return i
      default: break
      }
    }
    if at(t + 1) == "p" || at(t + 1) == "P" {
      var r: [UInt32] = []
      if let rest = try parseUnicodeClass(t, &r) {
        let re = Node(.charClass, flags: flags)
        re.runes = r
        try push(re)
        return rest
      }
    }
    var r: [UInt32] = []
    if let rest = parsePerlClassEscape(t, &r) {
      let re = Node(.charClass, flags: flags)
      re.runes = r
      try push(re)
      return rest
    }
    let (c, rest) = try parseEscape(t)
    try literal(c)
    return rest
  }

  /// `{n}`, `{n,}` or `{n,m}` at `t`: nil when not of that form (then `{` is a literal);
  /// min -1 when a number is too big.
  private func parseRepeat(_ t: Int) -> (Int, Int, Int)? {
    var i = t + 1
    guard var min = parseInt(&i), i < s.count else { return nil }
    var max: Int
    if s[i] != "," {
      max = min
    } else {
      i += 1
      guard i < s.count else { return nil }
      if s[i] == "}" {
        max = -1
      } else {
        guard let m = parseInt(&i) else { return nil }
        max = m
        if max < 0 { min = -1 }
      }
    }
    guard i < s.count, s[i] == "}" else { return nil }
    return (min, max, i + 1)
  }

  /// A decimal number without leading zeros; -1 when it is too big.
  private func parseInt(_ i: inout Int) -> Int? {
    guard let c = at(i), ("0"..."9").contains(c) else { return nil }
    if c == "0", let d = at(i + 1), ("0"..."9").contains(d) { return nil }
    var n = 0
    while let d = at(i), ("0"..."9").contains(d) {
      if n >= 100_000_000 {
        n = -1
      } else if n >= 0 {
        n = n * 10 + Int(d.value - 48)
      }
      i += 1
    }
    return n
  }

  /// `(?flags)`, `(?flags:`, `(?P<name>` and `(?<name>` at `t`.
  private mutating func parsePerlFlags(_ start: Int) throws(RegexSyntaxError) -> Int {
    let startsWithP = s.count - start > 4 && s[start + 2] == "P" && s[start + 3] == "<"
    let startsWithName = s.count - start > 3 && s[start + 2] == "<"
    if startsWithP || startsWithName {
      let exprStart = start + (startsWithP ? 4 : 3)
      guard let end = s[start...].firstIndex(of: ">") else {
        throw error(.invalidNamedCapture, start, s.count)
      }
      let name = s[exprStart..<end]
      let valid = !name.isEmpty && name.allSatisfy { $0 == "_" || Self.isAlnum($0) }
      if !valid { throw error(.invalidNamedCapture, start, end + 1) }
      numCap += 1
      let re = try op(.leftParen)
      re.cap = numCap
      re.name = String(text(exprStart, end))
      names[numCap] = re.name
      return end + 1
    }
    var t = start + 2
    var fl = flags
    var negated = false
    var sawFlag = false
    loop: while t < s.count {
      let c = s[t]
      t += 1
      switch c {
      case "i", "m", "s", "U":
        let f: Flags = c == "i" ? .foldCase : c == "m" ? .oneLine : c == "s" ? .dotNL : .nonGreedy
        // `m` clears OneLine: on the negated side it sets it again.
        if (c == "m") != negated { fl.remove(f) } else { fl.insert(f) }
        sawFlag = true
      case "-":
        if negated { break loop }
        negated = true
        sawFlag = false
      case ":", ")":
        if negated && !sawFlag { break loop }
        if c == ":" { try op(.leftParen) }
        flags = fl
        return t
      default:
        break loop
      }
    }
    throw error(.invalidPerlOp, start, t)
  }

  private static func isAlnum(_ c: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(c) || ("A"..."Z").contains(c) || ("a"..."z").contains(c)
  }

  private static func unhex(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 97 + 10
    case "A"..."F": return c.value - 65 + 10
    default: return nil
    }
  }

  /// One escaped character at `start` (which holds the backslash).
  private func parseEscape(_ start: Int) throws(RegexSyntaxError) -> (UInt32, Int) {
    var t = start + 1
    guard t < s.count else { throw RegexSyntaxError(.trailingBackslash, "") }
    let c = s[t]
    t += 1
    func octal(_ first: UInt32, _ t: inout Int) -> UInt32 {
      var r = first
      var n = 1
      while n < 3, let d = at(t), ("0"..."7").contains(d) {
        r = r * 8 + d.value - 48
        t += 1
        n += 1
      }
      return r
    }
    switch c {
    case "1"..."7":
      // A lone non-zero digit would be a backreference: not supported.
      if let d = at(t), ("0"..."7").contains(d) { return (octal(c.value - 48, &t), t) }
    case "0":
      return (octal(0, &t), t)
    case "x":
      guard t < s.count else { break }
      let c1 = s[t]
      t += 1
      if c1 == "{" {
        var nhex = 0
        var r: UInt32 = 0
        while true {
          guard t < s.count else { throw error(.invalidEscape, start, t) }
          let d = s[t]
          t += 1
          if d == "}" { break }
          guard let v = Self.unhex(d) else { throw error(.invalidEscape, start, t) }
          r = r * 16 + v
          if r > CharClass.maxRune { throw error(.invalidEscape, start, t) }
          nhex += 1
        }
        guard nhex > 0 else { throw error(.invalidEscape, start, t) }
        return (r, t)
      }
      guard t < s.count else { throw error(.invalidEscape, start, t) }
      let c2 = s[t]
      t += 1
      guard let x = Self.unhex(c1), let y = Self.unhex(c2) else { break }
      return (x * 16 + y, t)
    case "a": return (0x07, t)
    case "f": return (0x0C, t)
    case "n": return (0x0A, t)
    case "r": return (0x0D, t)
    case "t": return (0x09, t)
    case "v": return (0x0B, t)
    default:
      if c.value < 0x80 && !Self.isAlnum(c) { return (c.value, t) }
    }
    throw error(.invalidEscape, start, t)
  }

  // MARK: Classes

  /// Appends `class` (negated or not) to `r`, folding case first under `(?i)`.
  private func appendGroup(_ r: inout [UInt32], _ cls: [UInt32], negated: Bool) {
    var tmp = cls
    if flags.contains(.foldCase) {
      var folded: [UInt32] = []
      CharClass.appendFoldedClass(&folded, cls)
      tmp = CharClass.clean(folded)
    }
    if negated { CharClass.appendNegatedClass(&r, tmp) } else { CharClass.appendClass(&r, tmp) }
  }

  private func parsePerlClassEscape(_ t: Int, _ r: inout [UInt32]) -> Int? {
    guard s.count - t >= 2, s[t] == "\\", let g = CharClass.perlGroup(Character(s[t + 1])) else { return nil }
    appendGroup(&r, g.class, negated: g.negated)
    return t + 2
  }

  /// `[:alpha:]` or `[:^alpha:]` at `t`; nil if there is none.
  private func parseNamedClass(_ t: Int, _ r: inout [UInt32]) throws(RegexSyntaxError) -> Int? {
    guard s.count - t >= 2, s[t] == "[", s[t + 1] == ":" else { return nil }
    var i = t + 2
    while i + 1 < s.count && !(s[i] == ":" && s[i + 1] == "]") { i += 1 }
    guard i + 1 < s.count else { return nil }
    let end = i + 2
    var name = String(text(t + 2, i))
    var negated = false
    if name.hasPrefix("^") {
      negated = true
      name.removeFirst()
    }
    guard let cls = CharClass.posixGroups[name] else { throw error(.invalidCharRange, t, end) }
    appendGroup(&r, cls, negated: negated)
    return end
  }

  /// `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}` at `t`; nil if there is none.
  private func parseUnicodeClass(_ t: Int, _ r: inout [UInt32]) throws(RegexSyntaxError) -> Int? {
    guard s.count - t >= 2, s[t] == "\\", s[t + 1] == "p" || s[t + 1] == "P" else { return nil }
    var negated = s[t + 1] == "P"
    var name: String
    var end: Int
    if let c = at(t + 2), c == "{" {
      guard let close = s[t...].firstIndex(of: "}") else { throw error(.invalidCharRange, t, s.count) }
      name = String(text(t + 3, close))
      end = close + 1
    } else {
      end = Swift.min(t + 3, s.count)
      name = String(text(t + 2, end))
    }
    if name.hasPrefix("^") {
      negated.toggle()
      name.removeFirst()
    }
    guard let table = CharClass.unicodeTable(name) else { throw error(.invalidCharRange, t, end) }
    appendGroup(&r, table, negated: negated)
    return end
  }

  private func parseClassChar(_ t: inout Int, wholeClass: Int) throws(RegexSyntaxError) -> UInt32 {
    guard t < s.count else { throw error(.missingBracket, wholeClass, s.count) }
    if s[t] == "\\" {
      let (c, rest) = try parseEscape(t)
      t = rest
      return c
    }
    t += 1
    return s[t - 1].value
  }

  private mutating func parseClass(_ start: Int) throws(RegexSyntaxError) -> Int {
    var t = start + 1
    var negated = false
    if at(t) == "^" {
      negated = true
      t += 1
    }
    var cls: [UInt32] = []
    var first = true
    while t >= s.count || s[t] != "]" || first {
      first = false
      if s.count - t > 2 && s[t] == "[" && s[t + 1] == ":" {
        if let rest = try parseNamedClass(t, &cls) {
          t = rest
          continue
        }
      }
      if let rest = try parseUnicodeClass(t, &cls) {
        t = rest
        continue
      }
      if let rest = parsePerlClassEscape(t, &cls) {
        t = rest
        continue
      }
      let rangeStart = t
      let lo = try parseClassChar(&t, wholeClass: start)
      var hi = lo
      if s.count - t >= 2 && s[t] == "-" && s[t + 1] != "]" {
        t += 1
        hi = try parseClassChar(&t, wholeClass: start)
        if hi < lo { throw error(.invalidCharRange, rangeStart, t) }
      }
      if flags.contains(.foldCase) {
        CharClass.appendFoldedRange(&cls, lo, hi)
      } else {
        CharClass.appendRange(&cls, lo, hi)
      }
    }
    t += 1
    cls = CharClass.clean(cls)
    if negated { cls = CharClass.negate(cls) }
    let re = Node(.charClass, flags: flags)
    re.runes = cls
    try push(re)
    return t
  }

  /// Go's estimate of the compiled size, in instructions.
  private static func size(_ re: Node) -> Int {
    var n: Int
    switch re.op {
    case .literal: n = re.runes.count
    case .capture, .star: n = 2 + size(re.subs[0])
    case .plus, .quest: n = 1 + size(re.subs[0])
    case .concat: n = re.subs.reduce(0) { $0 + size($1) }
    case .alternate: n = re.subs.reduce(0) { $0 + size($1) } + Swift.max(0, re.subs.count - 1)
    case .repeat:
      let sub = size(re.subs[0])
      if re.max == -1 {
        n = re.min == 0 ? 2 + sub : 1 + re.min * sub
      } else {
        n = re.max * sub + (re.max - re.min)
      }
    default: n = 1
    }
    return Swift.max(1, Swift.min(n, maxSize + 1))
  }
}

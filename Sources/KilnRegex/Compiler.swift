/// Go's `syntax.Compile`: Thompson construction with patch lists, in Go's order, so that the
/// priorities among threads (and so the submatches) come out as Go's.
struct Compiler {
  private var p = Program()

  /// A fragment: its entry and the holes to patch with what follows. A hole is `inst << 1`
  /// (the `out` field) or `inst << 1 | 1` (the `arg` field of an alt).
  private struct Frag {
    var i: Int32
    var out: [Int32]
    var nullable: Bool
  }

  static func compile(_ re: Node) -> Program {
    var c = Compiler()
    c.p.insts.append(Program.Inst(op: .fail))
    let f = c.compile(re)
    let match = c.inst(.match)
    c.patch(f.out, match.i)
    c.p.start = Int(f.i)
    return c.p
  }

  private mutating func inst(_ op: Program.Op) -> Frag {
    let i = Int32(p.insts.count)
    p.insts.append(Program.Inst(op: op))
    return Frag(i: i, out: [], nullable: true)
  }

  private mutating func patch(_ holes: [Int32], _ target: Int32) {
    for h in holes {
      if h & 1 == 0 { p.insts[Int(h >> 1)].out = target } else { p.insts[Int(h >> 1)].arg = target }
    }
  }

  private mutating func nop() -> Frag {
    var f = inst(.nop)
    f.out = [f.i << 1]
    return f
  }

  private func fail() -> Frag { Frag(i: 0, out: [], nullable: false) }

  private mutating func cap(_ slot: Int) -> Frag {
    var f = inst(.capture)
    f.out = [f.i << 1]
    p.insts[Int(f.i)].arg = Int32(slot)
    if p.numCap < slot + 1 { p.numCap = slot + 1 }
    return f
  }

  private mutating func cat(_ f1: Frag, _ f2: Frag) -> Frag {
    if f1.i == 0 || f2.i == 0 { return fail() }
    patch(f1.out, f2.i)
    return Frag(i: f1.i, out: f2.out, nullable: f1.nullable && f2.nullable)
  }

  private mutating func alt(_ f1: Frag, _ f2: Frag) -> Frag {
    if f1.i == 0 { return f2 }
    if f2.i == 0 { return f1 }
    var f = inst(.alt)
    p.insts[Int(f.i)].out = f1.i
    p.insts[Int(f.i)].arg = f2.i
    f.out = f1.out + f2.out
    f.nullable = f1.nullable || f2.nullable
    return f
  }

  private mutating func quest(_ f1: Frag, _ nongreedy: Bool) -> Frag {
    var f = inst(.alt)
    if nongreedy {
      p.insts[Int(f.i)].arg = f1.i
      f.out = [f.i << 1]
    } else {
      p.insts[Int(f.i)].out = f1.i
      f.out = [f.i << 1 | 1]
    }
    f.out += f1.out
    return f
  }

  /// The loop of a plus or star: an alt back to `f1`.
  private mutating func loop(_ f1: Frag, _ nongreedy: Bool) -> Frag {
    var f = inst(.alt)
    if nongreedy {
      p.insts[Int(f.i)].arg = f1.i
      f.out = [f.i << 1]
    } else {
      p.insts[Int(f.i)].out = f1.i
      f.out = [f.i << 1 | 1]
    }
    patch(f1.out, f.i)
    return f
  }

  private mutating func star(_ f1: Frag, _ nongreedy: Bool) -> Frag {
    // A star whose body can match empty is (f1+)?, for Go's priority order.
    if f1.nullable { return quest(plus(f1, nongreedy), nongreedy) }
    return loop(f1, nongreedy)
  }

  private mutating func plus(_ f1: Frag, _ nongreedy: Bool) -> Frag {
    Frag(i: f1.i, out: loop(f1, nongreedy).out, nullable: f1.nullable)
  }

  private mutating func empty(_ op: EmptyOp) -> Frag {
    var f = inst(.emptyWidth)
    p.insts[Int(f.i)].arg = op.rawValue
    f.out = [f.i << 1]
    return f
  }

  private mutating func rune(_ ranges: [UInt32]) -> Frag {
    var f: Frag
    if ranges.count == 2 && ranges[0] == ranges[1] {
      f = inst(.rune1)
      p.insts[Int(f.i)].arg = Int32(ranges[0])
    } else if ranges == [0, CharClass.maxRune] {
      f = inst(.runeAny)
    } else if ranges == [0, 0x09, 0x0B, CharClass.maxRune] {
      f = inst(.runeAnyNotNL)
    } else {
      f = inst(.runeClass)
      p.insts[Int(f.i)].arg = Int32(p.addClass(ranges))
    }
    f.nullable = false
    f.out = [f.i << 1]
    return f
  }

  private mutating func literalRune(_ c: UInt32, _ flags: Flags) -> Frag {
    if flags.contains(.foldCase) {
      let orbit = CaseFold.shared.orbit(of: c)
      if orbit.count > 1 {
        var r: [UInt32] = []
        for m in orbit { CharClass.appendRange(&r, m, m) }
        return rune(CharClass.clean(r))
      }
    }
    return rune([c, c])
  }

  private mutating func compile(_ re: Node) -> Frag {
    switch re.op {
    case .noMatch: return fail()
    case .emptyMatch: return nop()
    case .literal:
      var f: Frag? = nil
      for c in re.runes {
        let f1 = literalRune(c, re.flags)
        f = f.map { cat($0, f1) } ?? f1
      }
      return f ?? nop()
    case .charClass: return rune(re.runes)
    case .anyCharNotNL: return rune([0, 0x09, 0x0B, CharClass.maxRune])
    case .anyChar: return rune([0, CharClass.maxRune])
    case .beginLine: return empty(.beginLine)
    case .endLine: return empty(.endLine)
    case .beginText: return empty(.beginText)
    case .endText: return empty(.endText)
    case .wordBoundary: return empty(.wordBoundary)
    case .noWordBoundary: return empty(.noWordBoundary)
    case .capture:
      let bra = cap(re.cap << 1)
      let sub = compile(re.subs[0])
      let ket = cap(re.cap << 1 | 1)
      return cat(cat(bra, sub), ket)
    case .star: return star(compile(re.subs[0]), re.flags.contains(.nonGreedy))
    case .plus: return plus(compile(re.subs[0]), re.flags.contains(.nonGreedy))
    case .quest: return quest(compile(re.subs[0]), re.flags.contains(.nonGreedy))
    case .concat:
      var f: Frag? = nil
      for sub in re.subs {
        let f1 = compile(sub)
        f = f.map { cat($0, f1) } ?? f1
      }
      return f ?? nop()
    case .alternate:
      var f = fail()
      for sub in re.subs { f = alt(f, compile(sub)) }
      return f
    case .repeat, .leftParen, .verticalBar:
      return fail()  // removed by the simplifier and the parser
    }
  }
}

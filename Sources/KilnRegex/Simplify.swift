/// Go's `Regexp.Simplify`: counted repetitions become copies (`x{2,4}` is `xx(x(x)?)?`), and
/// redundant nesting of the same operator goes away. Run before compiling, as `regexp.Compile` does.
enum Simplify {
  static func simplify(_ re: Node) -> Node {
    switch re.op {
    case .capture, .concat, .alternate:
      var changed = false
      var subs: [Node] = []
      subs.reserveCapacity(re.subs.count)
      for sub in re.subs {
        let s = simplify(sub)
        if s !== sub { changed = true }
        subs.append(s)
      }
      if !changed { return re }
      let n = Node(re.op, flags: re.flags)
      n.cap = re.cap
      n.name = re.name
      n.subs = subs
      return n
    case .star, .plus, .quest:
      let sub = simplify(re.subs[0])
      return simplify1(re.op, re.flags, sub, re)
    case .repeat:
      if re.min == 0 && re.max == 0 { return Node(.emptyMatch) }
      let sub = simplify(re.subs[0])
      if re.max == -1 {
        if re.min == 0 { return simplify1(.star, re.flags, sub, nil) }
        if re.min == 1 { return simplify1(.plus, re.flags, sub, nil) }
        let n = Node(.concat)
        n.subs = Array(repeating: sub, count: re.min - 1) + [simplify1(.plus, re.flags, sub, nil)]
        return n
      }
      if re.min == 1 && re.max == 1 { return sub }
      var prefix: Node? = nil
      if re.min > 0 {
        prefix = Node(.concat)
        prefix!.subs = Array(repeating: sub, count: re.min)
      }
      if re.max > re.min {
        var suffix = simplify1(.quest, re.flags, sub, nil)
        var i = re.min + 1
        while i < re.max {
          let n = Node(.concat)
          n.subs = [sub, suffix]
          suffix = simplify1(.quest, re.flags, n, nil)
          i += 1
        }
        guard let prefix else { return suffix }
        prefix.subs.append(suffix)
      }
      return prefix ?? Node(.noMatch)
    default:
      return re
    }
  }

  /// `op` applied to `sub`, unless that is the empty string or the same operator again.
  private static func simplify1(_ op: Node.Op, _ flags: Flags, _ sub: Node, _ re: Node?) -> Node {
    if sub.op == .emptyMatch { return sub }
    if op == sub.op && flags.contains(.nonGreedy) == sub.flags.contains(.nonGreedy) { return sub }
    if let re, re.op == op, re.flags.contains(.nonGreedy) == flags.contains(.nonGreedy), re.subs[0] === sub {
      return re
    }
    let n = Node(op, flags: flags)
    n.subs = [sub]
    return n
  }
}

/// The parse tree of a pattern, shaped as Go's `regexp/syntax.Regexp` so that the parser,
/// the simplifier and the compiler can follow Go's rules step by step.
final class Node {
  enum Op: UInt8, Comparable {
    case noMatch, emptyMatch, literal, charClass, anyCharNotNL, anyChar
    case beginLine, endLine, beginText, endText, wordBoundary, noWordBoundary
    case capture, star, plus, quest, `repeat`, concat, alternate
    // Pseudo-operators of the parse stack, above every real one (Go's opPseudo).
    case leftParen = 128
    case verticalBar

    static func < (a: Op, b: Op) -> Bool { a.rawValue < b.rawValue }
  }

  var op: Op
  var flags: Flags
  var subs: [Node] = []
  /// A literal's scalars, or a class as sorted, merged pairs `lo, hi, lo, hi…`.
  var runes: [UInt32] = []
  var min = 0, max = 0
  var cap = 0
  var name: String?
  /// Depth of the tree under this node, checked against Go's limit of 1000 as it grows.
  var height = 1

  init(_ op: Op, flags: Flags = []) {
    self.op = op
    self.flags = flags
  }
}

/// Go's parse flags; a pattern starts with `perl` (what `regexp.Compile` passes).
struct Flags: OptionSet, Hashable {
  let rawValue: UInt16
  static let foldCase = Flags(rawValue: 1 << 0)
  static let classNL = Flags(rawValue: 1 << 2)
  static let dotNL = Flags(rawValue: 1 << 3)
  static let oneLine = Flags(rawValue: 1 << 4)
  static let nonGreedy = Flags(rawValue: 1 << 5)
  static let perlX = Flags(rawValue: 1 << 6)
  static let unicodeGroups = Flags(rawValue: 1 << 7)

  static let perl: Flags = [.classNL, .oneLine, .perlX, .unicodeGroups]
}

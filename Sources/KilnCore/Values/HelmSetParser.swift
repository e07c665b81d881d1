public import KilnYAML

/// The `--set` family of flags. The raw value is the flag as typed: it names the "file" of
/// every location inside an argument, so errors read `--set:2:5: error: …`.
public enum SetFlavor: String, Sendable {
  case set = "--set"
  case setString = "--set-string"
  case setJSON = "--set-json"
}

/// Helm's `--set` grammar (`pkg/strvals`, `ParseInto`), ported rule for rule so that a `--set`
/// line means to kiln exactly what it means to Helm, oddities included (`a={}` is `[""]`,
/// `--set-json a=1x=2` sets two keys).
///
/// Deliberate differences, each a silent no-op in Helm and an error here, because kiln never
/// drops what the user typed: an empty key (`=1`, `.a=1`, `a.b=1,a..c=2`, `a[0].=1`), a key
/// that ends the argument after `.` or `]` (`a.`, `a[0]`), an index with no `]` (`a[0`). Where
/// Helm itself fails, kiln fails with Helm's message; the one rewording is a value of the wrong
/// type on the path (`a=1,a.b=2`), which Helm reports as Go's panic text.
public enum HelmSetParser {
  public static let maxIndex = 65536
  public static let maxNestedNameLevel = 30
  /// kiln's own bound on nesting, counting list indexes, which Helm does not count: an
  /// argument of hundreds of `[0].a` would otherwise recurse until a thread's stack ran out.
  static let maxDepth = 100
  /// kiln's bound on what indexes may cost over all the `--set` arguments of a build, where
  /// Helm bounds each index alone: every index written counts the length of the list it
  /// lands in. Eight thousand arguments `kN[65536]=1` would otherwise make half a billion
  /// nulls (8 GB), and as many writes into one long list would copy it each time; honest
  /// arguments index short lists a few times.
  public static let maxIndexedElements = 1 << 20

  /// Parses one argument of a --set-family flag into `values` (a mapping node).
  /// `occurrence` is the 1-based position of this flag among flags of the same flavor.
  /// On error `values` is left as it was.
  public static func apply(
    _ argument: String, flavor: SetFlavor, occurrence: Int, to values: inout Node
  ) throws(Diagnostic) {
    var indexed = 0
    try apply(argument, flavor: flavor, occurrence: occurrence, to: &values, indexed: &indexed)
  }

  /// `apply`, with `indexed` carrying the cost of the indexes written so far by the other
  /// arguments of the build (see `maxIndexedElements`).
  public static func apply(
    _ argument: String, flavor: SetFlavor, occurrence: Int, to values: inout Node, indexed: inout Int
  ) throws(Diagnostic) {
    var parser = SetArgumentParser(argument: argument, flavor: flavor, occurrence: occurrence)
    if flavor == .setJSON, let object = try parser.wholeObject() {
      values = ValuesMerge.mergeMaps(values, object)
      return
    }
    var entries = values.entries ?? []
    parser.indexed = indexed
    defer { indexed = parser.indexed }
    try parser.parse(into: &entries)
    values = Node(.mapping(entries), at: values.location)
  }
}

/// One argument being read. Positions are indexes into the argument's Unicode scalars
/// (Go reads runes), reported as 1-based columns.
struct SetArgumentParser {
  let argument: String
  let flavor: SetFlavor
  let occurrence: Int
  private let text: [Unicode.Scalar]
  private var position = 0
  private var depth = 0
  /// The cost of the indexes written so far (`HelmSetParser.maxIndexedElements`).
  var indexed = 0
  /// The first empty key, which Helm ignores without a word: kiln refuses the line for it,
  /// once the rest has been read (so a later error is reported as Helm reports it).
  private var refusal: Diagnostic?

  init(argument: String, flavor: SetFlavor, occurrence: Int) {
    self.argument = argument
    self.flavor = flavor
    self.occurrence = occurrence
    self.text = Array(argument.unicodeScalars)
  }

  /// Characters up to the first stop character, with backslash escapes resolved.
  private struct Run {
    var text: String
    var start: Int
    /// The stop character that ended the run; nil when the argument ended first.
    var stop: Unicode.Scalar?
    var stopIndex: Int
  }

  /// The key a nested key belongs to, for "key map … has no value".
  private struct Owner {
    var name: String
    var start: Int
  }

  private struct Index {
    var value: Int
    /// Where the digits start, and where the `[` is.
    var start: Int
    var bracket: Int
  }

  mutating func parse(into root: inout [MapEntry]) throws(Diagnostic) {
    while try key(into: &root, level: 0, owner: nil) {}
    if let refusal { throw refusal }
  }

  /// `--set-json '{…}'`: an argument that is one whole JSON object, which Helm reads with
  /// `json.Unmarshal` and merges with MergeMaps. Nil when the argument is not of that form.
  func wholeObject() throws(Diagnostic) -> Node? {
    guard let first = text.firstIndex(where: { !$0.properties.isWhitespace }), text[first] == "{",
      let last = text.lastIndex(where: { !$0.properties.isWhitespace })
    else { return nil }
    var reader = JSONReader(
      text, from: first, to: last + 1, file: flavor.rawValue, line: occurrence,
      sourceLine: argument, endMessage: "unexpected end of JSON input")
    return try reader.readDocument()
  }

  // MARK: - The grammar (Go: key, listItem, valList, val, emptyVal)

  /// One `name…=value` assignment into `map`; false when the argument has ended.
  private mutating func key(into map: inout [MapEntry], level: Int, owner: Owner?) throws(Diagnostic) -> Bool {
    let name = run(until: ["=", "[", ",", "."])
    guard let stop = name.stop else {
      if name.text.isEmpty {
        // Helm ends quietly here, having set nothing for `owner` (`a.`).
        guard let owner else { return false }
        throw error("key map \(GoText.quote(owner.name)) has no value", at: owner.start)
      }
      throw error("key \(GoText.quote(name.text)) has no value", at: name.start, hint: quotesHint)
    }
    if stop == "," {
      throw error(
        "key \(GoText.quote(name.text)) has no value (cannot end with ,)", at: name.start,
        hint: quotesHint)
    }
    // An empty key is read like any other and then dropped, as Helm drops it, so that a
    // later error is Helm's; only a line Helm accepts is refused for it (see `parse`).
    let existing = name.text.isEmpty ? nil : map.firstIndex { $0.key == name.text }
    let node: Node
    switch stop {
    case "=":
      node = try value()
    case "[":
      let index = try self.index()
      var list: [Node] = []
      var listLocation = location(name.stopIndex)
      if let existing {
        let found = map[existing].value
        guard case .sequence(let items) = found.value else {
          throw conflict(name.text, at: name.start, found: found, wanted: "sequence")
        }
        list = items
        listLocation = found.location
      }
      try listItem(&list, index, level: level, nameStart: name.start)
      node = Node(.sequence(list), at: listLocation)
    default:  // "."
      guard level < HelmSetParser.maxNestedNameLevel else {
        throw error(
          "value name nested level is greater than maximum supported nested level of "
            + "\(HelmSetParser.maxNestedNameLevel)", at: name.start)
      }
      var inner: [MapEntry] = []
      var innerLocation = location(name.stopIndex + 1)
      if let existing {
        let found = map[existing].value
        guard case .mapping(let entries) = found.value else {
          throw conflict(name.text, at: name.start, found: found, wanted: "mapping")
        }
        inner = entries
        innerLocation = found.location
      }
      try descend(at: name.start)
      defer { depth -= 1 }
      _ = try key(into: &inner, level: level + 1, owner: Owner(name: name.text, start: name.start))
      // Only an empty key below can leave it empty (`a.=1`, `a..b=1`).
      if inner.isEmpty { throw error("key map \(GoText.quote(name.text)) has no value", at: name.start) }
      node = Node(.mapping(inner), at: innerLocation)
    }
    if name.text.isEmpty {
      if refusal == nil { refusal = error("key name is empty", at: name.start) }
    } else if let existing {
      // An assignment moves the key's location to this argument; a path through an existing
      // list or map leaves it where that came from.
      map[existing].value = node
      if stop == "=" { map[existing].keyLocation = location(name.start) }
    } else {
      map.append(MapEntry(key: name.text, keyLocation: location(name.start), value: node))
    }
    return true
  }

  /// What follows `name[i]`: `=value`, another `[j]`, or `.key…`; sets element `i` of `list`.
  private mutating func listItem(
    _ list: inout [Node], _ index: Index, level: Int, nameStart: Int
  ) throws(Diagnostic) {
    try descend(at: nameStart)
    defer { depth -= 1 }
    if index.value < 0 { throw error("negative \(index.value) index not allowed", at: index.start) }
    let rest = run(until: ["[", ".", "="])
    if !rest.text.isEmpty {
      throw error(
        "unexpected data at end of array index: \(GoText.quoteRunes(rest.text))", at: rest.start)
    }
    guard let stop = rest.stop else {
      throw error("key \(GoText.quote(raw(nameStart..<position))) has no value", at: nameStart)
    }
    let current = index.value < list.count ? list[index.value] : nil
    switch stop {
    case "=":
      try setIndex(&list, index, try value())
    case "[":
      let next = try self.index()
      var inner: [Node] = []
      var innerLocation = location(rest.stopIndex)
      // A null element is replaced, as in Helm; any other non-list is a conflict.
      if let current, !current.isNull {
        guard case .sequence(let items) = current.value else {
          throw conflict(
            raw(nameStart..<rest.stopIndex), at: nameStart, found: current, wanted: "sequence")
        }
        inner = items
        innerLocation = current.location
      }
      try listItem(&inner, next, level: level, nameStart: nameStart)
      try setIndex(&list, index, Node(.sequence(inner), at: innerLocation))
    default:  // "."
      // Helm replaces an element that is not a map ("indices out of order"), without error.
      var inner: [MapEntry] = []
      var innerLocation = location(rest.stopIndex + 1)
      if let current, case .mapping(let entries) = current.value {
        inner = entries
        innerLocation = current.location
      }
      let owner = Owner(name: raw(nameStart..<rest.stopIndex), start: nameStart)
      _ = try key(into: &inner, level: level, owner: owner)
      try setIndex(&list, index, Node(.mapping(inner), at: innerLocation))
    }
  }

  /// The value after `=`, by flavor.
  private mutating func value() throws(Diagnostic) -> Node {
    let start = position
    switch flavor {
    case .setJSON:
      // An empty value (nothing, or only spaces, before `,` or the end) is null.
      if skipEmptyValue() { return .null(at: location(start)) }
      var reader = JSONReader(
        text, from: position, file: flavor.rawValue, line: occurrence, sourceLine: argument)
      let node = try reader.readValue()
      // Like Go's json.Decoder, stop right after the value; what follows is the next key.
      position = reader.position
      _ = skipEmptyValue()
      return node
    case .set, .setString:
      guard position < text.count else { return .string("", at: location(start)) }
      if text[position] == "{" { return try list() }
      let value = run(until: [","])
      return typed(value.text, at: start)
    }
  }

  /// `{a,b,c}`; a `,` right after the `}` is consumed with it.
  private mutating func list() throws(Diagnostic) -> Node {
    let open = position
    position += 1
    var items: [Node] = []
    while true {
      let item = run(until: [",", "}"])
      guard let stop = item.stop else { throw error("list must terminate with '}'", at: open) }
      items.append(typed(item.text, at: item.start))
      if stop == "}" {
        if position < text.count, text[position] == "," { position += 1 }
        return .sequence(items, at: location(open))
      }
    }
  }

  /// The index inside `[…]`; `position` is just past the `[`.
  private mutating func index() throws(Diagnostic) -> Index {
    let bracket = position - 1
    let digits = run(until: ["]"])
    guard digits.stop != nil else { throw error("error parsing index: no closing \"]\"", at: bracket) }
    switch goAtoi(digits.text) {
    case .success(let value): return Index(value: value, start: digits.start, bracket: bracket)
    case .failure(let failure):
      throw error(
        "error parsing index: strconv.Atoi: parsing \(GoText.quote(digits.text)): \(failure.reason)",
        at: digits.start)
    }
  }

  /// Go's `emptyVal`: skips spaces; true (and consumes the comma) when the value is empty.
  private mutating func skipEmptyValue() -> Bool {
    while position < text.count {
      let c = text[position]
      if c == "," {
        position += 1
        return true
      }
      if !c.properties.isWhitespace { return false }
      position += 1
    }
    return true
  }

  private mutating func run(until stops: [Unicode.Scalar]) -> Run {
    let start = position
    var out = String.UnicodeScalarView()
    while position < text.count {
      let c = text[position]
      position += 1
      if stops.contains(c) {
        return Run(text: String(out), start: start, stop: c, stopIndex: position - 1)
      }
      if c == "\\" {
        // A backslash at the very end is dropped, as in Helm.
        guard position < text.count else { break }
        out.append(text[position])
        position += 1
      } else {
        out.append(c)
      }
    }
    return Run(text: String(out), start: start, stop: nil, stopIndex: position)
  }

  // MARK: - Values

  /// Helm's `typedVal`.
  private func typed(_ s: String, at start: Int) -> Node {
    let at = location(start)
    if flavor == .setString { return .string(s, at: at) }
    if goEqualFold(s, "true") { return .bool(true, at: at) }
    if goEqualFold(s, "false") { return .bool(false, at: at) }
    if goEqualFold(s, "null") { return .null(at: at) }
    // Base-10 int64 only, and not with a leading zero (`0123` stays a string), except `0`.
    if s == "0" { return Node(.scalar(Scalar("0", tag: .int)), at: at) }
    if let first = s.unicodeScalars.first, first != "0", let value = Int64(s) {
      return Node(.scalar(Scalar(String(value), tag: .int)), at: at)
    }
    return .string(s, at: at)
  }

  private mutating func setIndex(_ list: inout [Node], _ index: Index, _ value: Node) throws(Diagnostic) {
    guard index.value <= HelmSetParser.maxIndex else {
      throw error(
        "index of \(index.value) is greater than maximum supported index of \(HelmSetParser.maxIndex)",
        at: index.start)
    }
    indexed += max(list.count, index.value + 1)
    guard indexed <= HelmSetParser.maxIndexedElements else {
      throw error(
        "list indexes in --set arguments add up to more than \(HelmSetParser.maxIndexedElements) elements "
          + "(each index counts the length of its list); refusing what could exhaust memory",
        at: index.start)
    }
    if list.count <= index.value {
      let padding = Node.null(at: location(index.bracket))
      // An array, not `repeatElement`: appending a generic sequence walks it element by element.
      list.append(contentsOf: [Node](repeating: padding, count: index.value + 1 - list.count))
    }
    list[index.value] = value
  }

  private mutating func descend(at start: Int) throws(Diagnostic) {
    depth += 1
    if depth > HelmSetParser.maxDepth {
      throw error("key is nested deeper than \(HelmSetParser.maxDepth) levels", at: start)
    }
  }

  // MARK: - Diagnostics

  func location(_ index: Int) -> SourceLocation {
    SourceLocation(file: flavor.rawValue, line: occurrence, column: index + 1)
  }

  private func raw(_ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(text[range]))
  }

  private func error(_ message: String, at index: Int, notes: [String] = [], hint: String? = nil) -> Diagnostic {
    Diagnostic(.error, message, at: location(index), notes: notes, hint: hint, sourceLine: argument)
  }

  /// `k="x,y"` fails on the comma: say why, since people expect quotes to protect it.
  private var quotesHint: String? {
    guard flavor != .setJSON, argument.contains("\"") || argument.contains("'") else { return nil }
    return "quotes are not special in \(flavor.rawValue): escape a comma inside a value as \"\\,\""
  }

  private func conflict(_ name: String, at start: Int, found: Node, wanted: String) -> Diagnostic {
    let notes = found.location.isGenerated ? [] : ["\(GoText.quote(name)) was set at \(found.location)"]
    return error(
      "unable to parse key: \(GoText.quote(name)) is \(Self.describe(found)), not a \(wanted)",
      at: start, notes: notes)
  }

  private static func describe(_ node: Node) -> String {
    switch node.value {
    case .mapping: "a mapping"
    case .sequence: "a sequence"
    case .scalar(let s):
      switch s.tag {
      case .null: "null"
      case .int: "an integer"
      default: "a \(s.tag)"
      }
    }
  }
}

/// Go's `strings.EqualFold` against a lowercase ASCII word: simple Unicode case folding, so
/// the long s (`ſ`) and the Kelvin sign (`K`) match `s` and `k` (`falſe` is false in Helm).
private func goEqualFold(_ s: String, _ word: String) -> Bool {
  var letters = word.unicodeScalars.makeIterator()
  for c in s.unicodeScalars {
    guard let expected = letters.next() else { return false }
    let folded: Unicode.Scalar
    switch c {
    case "\u{017F}": folded = "s"
    case "\u{212A}": folded = "k"
    case "A"..."Z": folded = Unicode.Scalar(c.value + 32) ?? c
    default: folded = c
    }
    if folded != expected { return false }
  }
  return letters.next() == nil
}

struct AtoiFailure: Error {
  var reason: String
}

/// Go's `strconv.Atoi` on 64-bit: an optional sign, then ASCII digits. Like Go, it reports an
/// overflow as soon as it happens, before looking at the characters after it.
private func goAtoi(_ s: String) -> Result<Int, AtoiFailure> {
  var digits = Substring(s).unicodeScalars
  var negative = false
  if let sign = digits.first, sign == "+" || sign == "-" {
    negative = sign == "-"
    digits = digits.dropFirst()
  }
  guard !digits.isEmpty else { return .failure(AtoiFailure(reason: "invalid syntax")) }
  var magnitude: UInt64 = 0
  for c in digits {
    guard ("0"..."9").contains(c) else { return .failure(AtoiFailure(reason: "invalid syntax")) }
    let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
    let (sum, overflow2) = times10.addingReportingOverflow(UInt64(c.value - 0x30))
    if overflow1 || overflow2 { return .failure(AtoiFailure(reason: "value out of range")) }
    magnitude = sum
  }
  let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
  guard magnitude <= limit else { return .failure(AtoiFailure(reason: "value out of range")) }
  return .success(negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude))
}

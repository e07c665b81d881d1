internal import CLibYAML

/// Reads a YAML stream into nodes, straight from libyaml's event API.
///
/// Every node and every mapping key keeps its `file:line:column`. Aliases and `<<` merge
/// keys are expanded (within `YAMLLimits`), so callers only ever see plain trees.
/// Refused, each with a positioned error: syntax errors, duplicate keys, keys that are not
/// strings, unknown anchors, unsupported tags, nesting or alias expansion beyond the limits.
public enum YAMLParser {
  /// Every document of the stream, in order; empty documents come back as null nodes.
  /// `dialect` decides what plain scalars mean: YAML 1.1 as Kubernetes and Helm read it, or
  /// YAML 1.2 as Kustomize reads resource files.
  /// With `firstDocumentOnly`, reading stops after the first document, as Go's `yaml.Unmarshal`
  /// does: what follows is not even looked at.
  public static func parseStream(
    _ bytes: [UInt8], file: String, dialect: ScalarResolver.Dialect = .yaml11, limits: YAMLLimits = .standard,
    firstDocumentOnly: Bool = false, options: YAMLReadOptions = []
  ) throws(YAMLError) -> [Node] {
    let bytes =
      options.contains(.documentsAsSplitPieces)
      ? try SplitPieces.prepared(bytes, fileID: SourceFiles.id(of: file)) : bytes
    let reader = EventReader(bytes: bytes, file: file, dialect: dialect, limits: limits, options: options)
    return try reader.readStream(firstDocumentOnly: firstDocumentOnly)
  }

  /// The documents of a stream that hold something (empty and comment-only ones dropped).
  public static func parseDocuments(
    _ bytes: [UInt8], file: String, dialect: ScalarResolver.Dialect = .yaml11, limits: YAMLLimits = .standard,
    firstDocumentOnly: Bool = false, options: YAMLReadOptions = []
  ) throws(YAMLError) -> [Node] {
    try parseStream(
      bytes, file: file, dialect: dialect, limits: limits, firstDocumentOnly: firstDocumentOnly, options: options
    )
    .filter { !$0.isNull }
  }

  /// Convenience for tests and small inputs.
  public static func parseStream(_ text: String, file: String = "<input>") throws(YAMLError) -> [Node] {
    try parseStream(Array(text.utf8), file: file)
  }
}

/// One pass over libyaml events; owns the parser and a copy of the input for its lifetime.
private final class EventReader {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let input: UnsafeMutableBufferPointer<UInt8>
  private let file: String
  private let fileID: UInt32
  private let dialect: ScalarResolver.Dialect
  private let limits: YAMLLimits
  private let options: YAMLReadOptions

  private var stack: [Frame] = []
  private var anchors: [String: Node] = [:]
  private var aliasNodesExpanded = 0
  private var aliasBytesExpanded = 0
  private var documents: [Node] = []
  private var root: Node?
  /// A character index of the input and the byte it starts at (`byteOffset(ofCharacter:)`).
  private var cursor: (character: Int, byte: Int) = (0, 0)

  init(bytes: [UInt8], file: String, dialect: ScalarResolver.Dialect, limits: YAMLLimits, options: YAMLReadOptions) {
    self.file = file
    self.fileID = SourceFiles.id(of: file)
    self.dialect = dialect
    self.limits = limits
    self.options = options
    input = .allocate(capacity: max(bytes.count, 1))
    _ = input.initialize(from: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor = (0, 3) }
    parser = .allocate(capacity: 1)
    yaml_parser_initialize(parser)
    yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
  }

  deinit {
    yaml_parser_delete(parser)
    parser.deallocate()
    input.deallocate()
  }

  private struct PendingKey {
    var name: String
    var location: SourceLocation
    var isMerge: Bool
    /// The entry is read but not kept (a quoted `"<<"` under `.documentsAsSplitPieces`).
    var isDropped = false
  }

  /// An open collection. Frames are objects so that adding to the innermost one mutates it in
  /// place instead of copying it out of the stack and back for every node.
  private final class Frame {
    let isMapping: Bool
    let anchor: String?
    let location: SourceLocation
    var items: [Node] = []
    var entries: [MapEntry] = []
    var pendingKey: PendingKey?
    var keyIndex: [String: SourceLocation]?  // built once the mapping grows past a few keys
    var merged: [[MapEntry]] = []
    var mergeKeys = 0

    init(isMapping: Bool, anchor: String?, location: SourceLocation) {
      self.isMapping = isMapping
      self.anchor = anchor
      self.location = location
    }
  }

  func readStream(firstDocumentOnly: Bool) throws(YAMLError) -> [Node] {
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
      defer { yaml_event_delete(&event) }
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return documents
      case YAML_DOCUMENT_START_EVENT:
        root = nil
        anchors.removeAll(keepingCapacity: true)
      case YAML_DOCUMENT_END_EVENT:
        documents.append(root ?? Node.null(at: location(event.start_mark)))
        if firstDocumentOnly { return documents }
      case YAML_SCALAR_EVENT:
        let node = try scalarNode(event)
        try register(anchor: event.data.scalar.anchor, node: node)
        try attach(node)
      case YAML_ALIAS_EVENT:
        try attach(try aliasNode(event))
      case YAML_SEQUENCE_START_EVENT:
        try checkCollectionTag(event.data.sequence_start.tag, expected: "tag:yaml.org,2002:seq", event)
        try push(
          Frame(
            isMapping: false, anchor: string(event.data.sequence_start.anchor), location: location(event.start_mark)),
          event)
      case YAML_MAPPING_START_EVENT:
        try checkCollectionTag(event.data.mapping_start.tag, expected: "tag:yaml.org,2002:map", event)
        try push(
          Frame(isMapping: true, anchor: string(event.data.mapping_start.anchor), location: location(event.start_mark)),
          event)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        let (node, anchor) = try pop()
        if let anchor { anchors[anchor] = node }
        try attach(node)
      default:
        break
      }
    }
  }

  // MARK: - Nodes

  private func scalarNode(_ event: yaml_event_t) throws(YAMLError) -> Node {
    let data = event.data.scalar
    var text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
    let at = location(event.start_mark)
    let style: ScalarStyle
    switch data.style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: style = .literal
    case YAML_FOLDED_SCALAR_STYLE: style = .folded
    default: style = .plain
    }
    // Only a value holding `/` can have been written with `\/`.
    if style == .doubleQuoted && text.utf8.contains(UInt8(ascii: "/")) { try checkEscapes(event) }
    // Kustomize's own reading of resources and patches (yaml.v3) passes folded scalars through
    // its writer once.
    if style == .folded && dialect == .yaml12 { text = FoldedRoundTrip.apply(text) }
    var tag: ScalarTag = style == .plain ? ScalarResolver.resolvePlain(text, dialect: dialect) : .string
    if let explicit = string(data.tag) {
      tag = try explicitTag(explicit, text: &text, resolved: tag, at: at)
    }
    return Node(.scalar(Scalar(text, tag: tag, style: style)), at: at)
  }

  /// `!!str 123` is a string; `!!int 12` checks that the text really is one; `!` (the
  /// non-specific tag) means "string". Other tags have no meaning in Kubernetes manifests.
  /// Kustomize's reader (the YAML 1.2 dialect) is laxer, and kiln reads as it does there: `!`
  /// leaves the scalar to resolve as if untagged, a local tag (`!mytag`) makes it a string,
  /// and `!!binary` is decoded.
  private func explicitTag(_ tag: String, text: inout String, resolved: ScalarTag, at: SourceLocation) throws(YAMLError)
    -> ScalarTag
  {
    let wanted: ScalarTag
    switch tag {
    case "!" where dialect == .yaml12: return resolved
    case "tag:yaml.org,2002:binary" where dialect == .yaml12:
      guard let decoded = Base64.decode(text) else { throw YAMLError("!!binary value is not valid base64", at: at) }
      if let utf8 = String(validating: decoded, as: UTF8.self) { text = utf8 }
      return .string
    case "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary": return .string
    case "tag:yaml.org,2002:int": wanted = .int
    case "tag:yaml.org,2002:float": wanted = .float
    case "tag:yaml.org,2002:bool": wanted = .bool
    case "tag:yaml.org,2002:null": wanted = .null
    case "tag:yaml.org,2002:timestamp": wanted = .timestamp
    default:
      if dialect == .yaml12 && !tag.hasPrefix("tag:yaml.org,2002:") { return .string }
      throw YAMLError("unsupported tag \(shortTag(tag))", at: at)
    }
    let actual = ScalarResolver.resolvePlain(text, dialect: dialect)
    if actual == wanted || (wanted == .float && actual == .int) { return wanted }
    throw YAMLError("cannot read \"\(text)\" as \(shortTag(tag))", at: at)
  }

  private func shortTag(_ tag: String) -> String {
    let prefix = "tag:yaml.org,2002:"
    return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
  }

  /// libyaml reads `\/` in a double-quoted scalar as `/` (YAML 1.2 took it from JSON); the Go
  /// YAML readers of kubectl and Helm refuse it, so kiln does too, rather than accept a file
  /// they would not.
  private func checkEscapes(_ event: yaml_event_t) throws(YAMLError) {
    var index = byteOffset(ofCharacter: Int(event.start_mark.index)) + 1
    let end = min(byteOffset(ofCharacter: Int(event.end_mark.index)), input.count)
    while index < end - 1 {
      if input[index] == UInt8(ascii: "\\") {
        if input[index + 1] == UInt8(ascii: "/") {
          throw YAMLError("found unknown escape character \"/\" (write / alone)", at: location(event.start_mark))
        }
        index += 2
      } else {
        index += 1
      }
    }
  }

  /// Where character `index` (libyaml's marks count characters, not bytes, from after any
  /// byte-order mark) starts in the input. Scalars come in order, so a cursor moves forward.
  private func byteOffset(ofCharacter index: Int) -> Int {
    if cursor.character > index { cursor = (0, input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) }
    while cursor.character < index && cursor.byte < input.count {
      cursor.byte += 1
      // Continuation bytes (10xxxxxx) belong to the character already counted.
      while cursor.byte < input.count && input[cursor.byte] & 0xC0 == 0x80 { cursor.byte += 1 }
      cursor.character += 1
    }
    return cursor.byte
  }

  /// Kustomize's reader ignores any tag on a mapping or list.
  private func checkCollectionTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, expected: String, _ event: yaml_event_t)
    throws(YAMLError)
  {
    guard dialect != .yaml12, let tag = string(tag), tag != expected, tag != "!" else { return }
    throw YAMLError("unsupported tag \(shortTag(tag))", at: location(event.start_mark))
  }

  private func aliasNode(_ event: yaml_event_t) throws(YAMLError) -> Node {
    let name = string(event.data.alias.anchor) ?? ""
    let at = location(event.start_mark)
    guard var node = anchors[name] else { throw YAMLError("unknown anchor \"\(name)\"", at: at) }
    aliasNodesExpanded += node.nodeCount
    if aliasNodesExpanded > limits.maxAliasExpansion {
      throw YAMLError(
        "aliases expand to more than \(limits.maxAliasExpansion) nodes; refusing a possible alias bomb",
        at: at)
    }
    aliasBytesExpanded += node.textByteCount
    if aliasBytesExpanded > limits.maxAliasBytes {
      throw YAMLError(
        "aliases expand to more than \(Self.bytes(limits.maxAliasBytes)) of text; refusing a possible alias bomb",
        at: at)
    }
    node.location = at
    return node
  }

  /// `16 MiB` for a whole number of mebibytes, else the count of bytes.
  private static func bytes(_ count: Int) -> String {
    count >= 1 << 20 && count % (1 << 20) == 0 ? "\(count >> 20) MiB" : "\(count) bytes"
  }

  private func register(anchor: UnsafeMutablePointer<yaml_char_t>?, node: Node) throws(YAMLError) {
    if let name = string(anchor) { anchors[name] = node }
  }

  // MARK: - Structure

  private func push(_ frame: Frame, _ event: yaml_event_t) throws(YAMLError) {
    if stack.count >= limits.maxDepth {
      throw YAMLError("nesting deeper than \(limits.maxDepth) levels", at: location(event.start_mark))
    }
    stack.append(frame)
  }

  private func pop() throws(YAMLError) -> (Node, String?) {
    let frame = stack.removeLast()
    if !frame.isMapping { return (Node(.sequence(frame.items), at: frame.location), frame.anchor) }
    if !frame.merged.isEmpty { applyMerges(frame) }
    return (Node(.mapping(frame.entries), at: frame.location), frame.anchor)
  }

  /// `<<` merge keys: keys written in the mapping win over merged ones; among several merged
  /// mappings, the first that has a key wins (YAML's merge-key rules).
  private func applyMerges(_ frame: Frame) {
    var present = Set(frame.entries.map(\.key))
    for source in frame.merged {
      for entry in source where !present.contains(entry.key) {
        present.insert(entry.key)
        frame.entries.append(entry)
      }
    }
  }

  private func attach(_ node: Node) throws(YAMLError) {
    guard let frame = stack.last else {
      root = node
      return
    }
    if !frame.isMapping {
      frame.items.append(node)
    } else if let key = frame.pendingKey {
      frame.pendingKey = nil
      if key.isDropped {
        return
      } else if key.isMerge {
        frame.mergeKeys += 1
        if frame.mergeKeys > 1 && options.contains(.documentsAsSplitPieces) {
          throw YAMLError("duplicate merge key: a mapping may hold one << key", at: key.location)
        }
        try addMerge(node, to: frame)
      } else {
        frame.entries.append(MapEntry(key: key.name, keyLocation: key.location, value: node))
      }
    } else {
      frame.pendingKey = try mappingKey(node, in: frame)
    }
  }

  private func mappingKey(_ node: Node, in frame: Frame) throws(YAMLError) -> PendingKey {
    guard case .scalar(let scalar) = node.value else {
      throw YAMLError("mapping keys must be strings, not a \(node.kindDescription)", at: node.location)
    }
    if scalar.style == .plain && scalar.text == "<<" {
      return PendingKey(name: "<<", location: node.location, isMerge: true)
    }
    if scalar.text == "<<" && options.contains(.documentsAsSplitPieces) {
      return PendingKey(name: "<<", location: node.location, isMerge: false, isDropped: true)
    }
    if scalar.tag != .string && options.contains(.goMapKeys) {
      guard let text = GoMapKey.text(for: scalar) else {
        throw YAMLError(
          "mapping key \(scalar.text.isEmpty ? "(empty)" : scalar.text) is read as a \(scalar.tag), which has no JSON form",
          at: node.location, notes: ["quote the key if it is meant as text: \"\(scalar.text)\""])
      }
      if !options.contains(.keepDuplicateKeys) { try checkDuplicate(text, at: node.location, in: frame) }
      return PendingKey(name: text, location: node.location, isMerge: false)
    }
    guard scalar.tag == .string else {
      throw YAMLError(
        "mapping key \(scalar.text.isEmpty ? "(empty)" : scalar.text) is read as a \(scalar.tag), not a string",
        at: node.location, notes: ["quote the key if it is meant as text: \"\(scalar.text)\""])
    }
    if !options.contains(.keepDuplicateKeys) { try checkDuplicate(scalar.text, at: node.location, in: frame) }
    return PendingKey(name: scalar.text, location: node.location, isMerge: false)
  }

  private func checkDuplicate(_ key: String, at: SourceLocation, in frame: Frame) throws(YAMLError) {
    var first: SourceLocation?
    if frame.keyIndex == nil && frame.entries.count < 12 {
      first = frame.entries.first(where: { $0.key == key })?.keyLocation
    } else {
      if frame.keyIndex == nil {
        var index: [String: SourceLocation] = [:]
        for entry in frame.entries { index[entry.key] = entry.keyLocation }
        frame.keyIndex = index
      }
      first = frame.keyIndex?[key]
      frame.keyIndex?[key] = first ?? at
    }
    if let first {
      throw YAMLError(
        "duplicate key \"\(key)\"", at: at, notes: ["first defined at line \(first.line), column \(first.column)"])
    }
  }

  private func addMerge(_ node: Node, to frame: Frame) throws(YAMLError) {
    switch node.value {
    case .mapping(let entries):
      frame.merged.append(entries)
    case .sequence(let items):
      for item in items {
        guard case .mapping(let entries) = item.value else {
          throw YAMLError("a << merge list may only hold mappings, not a \(item.kindDescription)", at: item.location)
        }
        frame.merged.append(entries)
      }
    default:
      throw YAMLError(
        "a << merge key needs a mapping or a list of mappings, not a \(node.kindDescription)", at: node.location)
    }
  }

  // MARK: - Helpers

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(fileID: fileID, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  /// The line and column of the byte at `offset`, counted as libyaml's marks count them:
  /// lines end at `\n`, `\r\n` or `\r`; columns count characters, from after any byte-order
  /// mark. (Only the line breaks of ASCII are counted: NEL, LS and PS are that rare.)
  private func location(ofByte offset: Int) -> SourceLocation {
    let end = min(offset, input.count)
    var line = 0
    var column = 0
    var index = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let (newline, carriageReturn) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
    while index < end {
      let byte = input[index]
      let lineEnds =
        byte == newline || (byte == carriageReturn && (index + 1 == input.count || input[index + 1] != newline))
      if lineEnds {
        line += 1
        column = 0
      } else if byte & 0xC0 != 0x80 && byte != carriageReturn {
        // Continuation bytes (10xxxxxx) belong to the character already counted.
        column += 1
      }
      index += 1
    }
    return SourceLocation(fileID: fileID, line: line + 1, column: column + 1)
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private func syntaxError() -> YAMLError {
    let p = parser.pointee
    let problem = p.problem.map { String(cString: $0) } ?? "invalid YAML"
    var notes: [String] = []
    if let context = p.context.map({ String(cString: $0) }) {
      notes.append("\(context) that started at line \(p.context_mark.line + 1), column \(p.context_mark.column + 1)")
    }
    if p.error == YAML_READER_ERROR {
      // Reader errors (bytes that are not UTF-8, control characters) carry a byte offset
      // instead of a mark.
      return YAMLError(problem, at: location(ofByte: Int(p.problem_offset)))
    }
    // libyaml may place the problem past the end of the input (a key without its `: ` on the
    // last line); the place the construct started is then the one to show.
    if p.problem_mark.index >= input.count && p.context != nil {
      return YAMLError(problem, at: location(p.context_mark), notes: [])
    }
    return YAMLError(problem, at: location(p.problem_mark), notes: notes)
  }
}

import KilnYAML

/// The JSON round trip a JSON 6902 patch puts an object through in Kustomize: the object is
/// written as JSON, patched, and read back with Go's `encoding/json` into `interface{}` values.
///
/// So after the patch every number of the object is a float64 (`12345678901234567890` prints as
/// `12345678901234567000`), timestamps are RFC 3339 strings, and scalars lose their quoting
/// style. Patch values are read as YAML 1.1 first (`yes` is true, `0123` is 83, timestamps stay
/// the strings they were written as), unless the patch is JSON text.
enum JSONForm {
  /// The object before the patch: scalars as `encoding/json` writes them.
  static func object(_ node: Node) throws -> Node {
    var object = node
    try JSONRoundTrip.canonicalize(&object)
    return object
  }

  /// A patch value in the form the patch gives it.
  static func patchValue(_ node: Node, fromJSON: Bool) -> Node {
    switch node.value {
    case .scalar(let scalar):
      if fromJSON { return node }
      if scalar.tag == .timestamp { return Node(.scalar(Scalar(scalar.text, tag: .string)), at: node.location) }
      return Node(.scalar((try? JSONRoundTrip.canonical(scalar, at: node.location)) ?? scalar), at: node.location)
    case .mapping(let entries):
      return Node(
        .mapping(
          entries.map {
            MapEntry(key: $0.key, keyLocation: $0.keyLocation, value: patchValue($0.value, fromJSON: fromJSON))
          }), at: node.location)
    case .sequence(let items):
      return Node(.sequence(items.map { patchValue($0, fromJSON: fromJSON) }), at: node.location)
    }
  }

  /// The object after the patch, as Kustomize reads the JSON back: numbers through float64
  /// and Go's shortest `%g`, strings styled as goyaml.v3 would write them. Only what the read
  /// changes is rebuilt: most of an object reads back as it was, and is only looked at.
  static func readBack(_ node: inout Node) {
    if let changed = readBack(node) { node = changed }
  }

  /// The node as read back, or nil when that is the node itself.
  private static func readBack(_ node: Node) -> Node? {
    var changed = node
    switch node.value {
    case .scalar(let scalar):
      guard let read = readBack(scalar) else { return nil }
      changed.value = .scalar(read)
    case .mapping(let entries):
      let read = replacing(entries) { entry in
        readBack(entry.value).map { MapEntry(key: entry.key, keyLocation: entry.keyLocation, value: $0) }
      }
      guard let read else { return nil }
      changed.value = .mapping(read)
    case .sequence(let items):
      guard let read = replacing(items, readBack) else { return nil }
      changed.value = .sequence(read)
    }
    return changed
  }

  /// `elements` with each one that `read` changes replaced, or nil when none changes: the
  /// array is copied only when something in it changes.
  private static func replacing<Element>(_ elements: [Element], _ read: (Element) -> Element?) -> [Element]? {
    var replaced: [Element]?
    for i in elements.indices {
      guard let new = read(elements[i]) else { continue }
      if replaced == nil { replaced = elements }
      replaced![i] = new
    }
    return replaced
  }

  /// The scalar as read back, or nil when that is the scalar itself.
  private static func readBack(_ scalar: Scalar) -> Scalar? {
    switch scalar.tag {
    case .int, .float:
      guard let value = Double(scalar.text.filter { $0 != "_" }) else { return nil }
      let text = GoNumberFormat.general(value)
      let tag: ScalarTag =
        text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: ".") }) ? .float : .int
      if text == scalar.text && tag == scalar.tag && scalar.style == .plain { return nil }
      return Scalar(text, tag: tag)
    case .string:
      let style = stringStyle(scalar.text)
      return style == scalar.style ? nil : Scalar(scalar.text, tag: .string, style: style)
    case .bool, .null, .timestamp:
      return scalar.style == .plain ? nil : Scalar(scalar.text, tag: scalar.tag)
    }
  }

  /// How goyaml.v3 writes a string: literal when it spans lines, quoted when plain text would
  /// read as something else, plain otherwise.
  static func stringStyle(_ text: String) -> ScalarStyle {
    var text = text
    return text.withUTF8 { bytes in
      if bytes.contains(UInt8(ascii: "\n")) { return .literal }
      if ScalarResolver.resolvePlain(bytes: bytes, dialect: .yaml12) != .string
        || ScalarResolver.resolvePlain(bytes: bytes, dialect: .yaml11) != .string
      {
        return .doubleQuoted
      }
      return .plain
    }
  }

  /// evanphx's `equal`: maps by keys, arrays by position, scalars by their JSON text. Numbers
  /// of a JSON-text patch compare as spelled.
  static func equal(_ a: Node, _ b: Node, rawPatchNumbers: Bool) -> Bool {
    switch (a.value, b.value) {
    case (.mapping(let x), .mapping(let y)):
      guard x.count == y.count else { return false }
      for entry in x {
        guard let other = y.first(where: { $0.key == entry.key }) else { return false }
        if entry.value.isNull != other.value.isNull { return false }
        if entry.value.isNull { continue }
        if !equal(entry.value, other.value, rawPatchNumbers: rawPatchNumbers) { return false }
      }
      return true
    case (.sequence(let x), .sequence(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, rawPatchNumbers: rawPatchNumbers) }
    case (.scalar(let x), .scalar(let y)):
      return text(x, raw: false) == text(y, raw: rawPatchNumbers)
    default:
      return false
    }
  }

  private static func text(_ scalar: Scalar, raw: Bool) -> String {
    switch scalar.tag {
    case .string, .timestamp:
      var bytes: [UInt8] = []
      GoJSON.writeString(scalar.text, into: &bytes)
      return String(decoding: bytes, as: UTF8.self)
    case .int, .float:
      if raw { return scalar.text }
      if scalar.tag == .int, let decimal = JSONRoundTrip.decimalInteger(scalar.text) { return decimal }
      return Double(scalar.text).map(GoNumberFormat.json) ?? scalar.text
    case .bool: return ScalarValue.bool(scalar.text) ? "true" : "false"
    case .null: return "null"
    }
  }
}

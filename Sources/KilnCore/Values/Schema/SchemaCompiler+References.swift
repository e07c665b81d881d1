import KilnYAML

/// `$ref`: a JSON pointer into schema.json itself (`#`, `#/$defs/port`, `#/definitions/a~1b`),
/// never another file or a URL. kiln builds offline and the same on every machine, so it never
/// fetches a schema; one that lives elsewhere is copied in under `$defs`.
extension SchemaCompiler {
  mutating func reference(_ entry: MapEntry) -> Keyword<Subschema.ID>? {
    guard let ref = entry.value.string else {
      refuse(entry, want: "a string")
      return nil
    }
    guard ref.hasPrefix("#") else {
      problems.add(
        .error(
          "$ref \(GoText.quote(ref)) is not in \(file): kiln never fetches schemas; inline it under $defs",
          at: entry.value.location))
      return nil
    }
    guard let tokens = Self.pointerTokens(String(ref.dropFirst())) else {
      problems.add(
        .error(
          "$ref \(GoText.quote(ref)) is not a JSON pointer: kiln follows pointers such as \"#/$defs/name\", not anchors",
          at: entry.value.location))
      return nil
    }
    var target = document
    for (depth, token) in tokens.enumerated() {
      guard let next = Self.step(target, token) else {
        let hint = target.entries.flatMap { Suggestion.hint(for: token, among: $0.map(\.key)) }
        let reached = depth == 0 ? "#" : "#/" + tokens[..<depth].joined(separator: "/")
        problems.add(
          .error(
            "$ref \(GoText.quote(ref)) points at nothing: \(reached) has no \(GoText.quote(token))",
            at: entry.value.location,
            hint: hint))
        return nil
      }
      target = next
    }
    guard target.isMapping || target.scalar?.tag == .bool else {
      problems.add(
        .error(
          "$ref \(GoText.quote(ref)) points at \(Self.kind(target)), not a schema", at: entry.value.location))
      return nil
    }
    return keyword(entry, subschema(target, at: tokens))
  }

  /// The unescaped tokens of a URI fragment holding a JSON pointer ("" is the whole file), or
  /// nil when the fragment is not a pointer.
  static func pointerTokens(_ fragment: String) -> [String]? {
    guard let decoded = percentDecoded(fragment) else { return nil }
    if decoded.isEmpty { return [] }
    guard decoded.hasPrefix("/") else { return nil }
    return decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      // `~1` first: `~01` is "~1", not "/".
      String($0).replacing("~1", with: "/").replacing("~0", with: "~")
    }
  }

  /// One pointer step: a key of an object, or a decimal index of an array.
  private static func step(_ node: Node, _ token: String) -> Node? {
    if node.isMapping { return node[token] }
    guard let items = node.items, let index = Int(token), String(index) == token, items.indices.contains(index) else {
      return nil
    }
    return items[index]
  }

  /// `%24defs` → `$defs`; nil when an escape is broken or the bytes are not UTF-8.
  private static func percentDecoded(_ text: String) -> String? {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    var utf8 = text.utf8[...]
    while let byte = utf8.popFirst() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      let digits = String(decoding: utf8.prefix(2), as: UTF8.self)
      guard digits.utf8.count == 2, let value = UInt8(digits, radix: 16) else { return nil }
      bytes.append(value)
      utf8 = utf8.dropFirst(2)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// A `$ref` cycle that never moves into the values (`{"$ref": "#"}`, or two definitions that
  /// refer to each other) would check forever: it is an error at the `$ref` that closes it.
  mutating func reportCycles() {
    enum Mark { case visiting, done }
    var marks: [Subschema.ID: Mark] = [:]
    var reported = Set<SourceLocation>()
    func visit(_ id: Subschema.ID, _ compiler: inout SchemaCompiler) {
      marks[id] = .visiting
      for next in compiler.subschemas[id].inPlace {
        switch marks[next] {
        case .visiting?:
          let location = compiler.refLocations[id] ?? compiler.subschemas[id].location
          if reported.insert(location).inserted {
            compiler.problems.add(
              .error(
                "this $ref leads back to itself without going into the values, so checking would never end",
                at: location))
          }
        case nil: visit(next, &compiler)
        case .done?: continue
        }
      }
      marks[id] = .done
    }
    for id in subschemas.indices where marks[id] == nil { visit(id, &self) }
  }
}

import KilnYAML

/// Finding, replacing and removing list elements by key values, with the rules of kyaml's
/// `ElementMatcher` and `ElementSetter` that decide where merged elements land:
///
/// - an empty key means a list of scalars, matched by their text;
/// - an empty value matches any element that has the key at all;
/// - setting or removing drops null and empty-map elements on the way;
/// - setting replaces every matching element, or appends when none matches.
enum ListEditor {
  /// The first mapping element whose `keys` hold `values` (for scalars: the first element
  /// with that text).
  static func find(in list: MergeNode, keys: [String], values: [String]) -> MergeNode? {
    guard list.kind == .sequence else { return nil }
    let keys = keys.isEmpty ? [""] : keys
    let values = values.isEmpty ? [""] : values
    if keys[0].isEmpty {
      return list.items.first { $0.text == values[0] }
    }
    return list.items.first { element in
      guard element.kind == .mapping else { return false }
      return zip(keys, values).allSatisfy { key, value in element.field(key)?.text == value }
    }
  }

  /// Replaces the elements matching `keys`/`values` with `element`, or appends it.
  static func set(_ element: MergeNode, in list: MergeNode, keys: [String], values: [String]) throws {
    try edit(list, element: element, keys: keys, values: values)
  }

  /// Removes the elements matching `keys`/`values`.
  static func remove(from list: MergeNode, keys: [String], values: [String]) throws {
    try edit(list, element: nil, keys: keys, values: values)
  }

  private static func edit(_ list: MergeNode, element: MergeNode?, keys: [String], values: [String]) throws {
    let keys = keys.isEmpty ? [""] : keys
    let mappingSetter = !keys[0].isEmpty && !(values.first ?? "").isEmpty
    var kept: [MergeNode] = []
    var found = false
    for item in list.items {
      if item.isNull || item.isEmptyMapping { continue }
      if item.kind != .mapping && mappingSetter {
        kept.append(item)
        continue
      }
      var matched: MergeNode?
      var matches = true
      for j in keys.indices {
        if j < values.count { matched = try field(of: item, named: keys[j], equalTo: values[j]) }
        if matched == nil {
          matches = false
          break
        }
      }
      if !matches {
        if !values.isEmpty { kept.append(item) }
        continue
      }
      found = true
      if let element { kept.append(element) }
    }
    list.items = kept
    if let element, !element.isNull, !found { list.items.append(element) }
  }

  /// Appends each element of `source` to `list` by its key values (kyaml's `appendListNode`):
  /// an element matching one already there takes its place (with two or more keys it moves to
  /// the end instead); an element lacking a key is appended as it is.
  static func append(_ source: [MergeNode], to list: MergeNode, keys: [String]) throws {
    for element in source {
      if keys.first?.isEmpty ?? true {
        try set(element, in: list, keys: [""], values: [element.text])
        continue
      }
      var values: [String] = []
      for key in keys {
        guard let value = try field(of: element, named: key, equalTo: "") else {
          list.items.append(element)
          continue
        }
        values.append(value.text)
      }
      if keys.count > 1 { try remove(from: list, keys: keys, values: values) }
      try set(element, in: list, keys: keys, values: values)
    }
  }

  /// kyaml's `FieldMatcher`: the value of field `name` of a mapping (any value when `value`
  /// is empty), or a scalar itself when `name` is empty and its text is `value`.
  private static func field(of node: MergeNode, named name: String, equalTo value: String) throws -> MergeNode? {
    if node.isNull { return nil }
    if name.isEmpty {
      guard node.kind == .scalar else { throw mixedList(node) }
      return node.text == value ? node : nil
    }
    guard node.kind == .mapping else { throw mixedList(node) }
    for entry in node.entries where entry.key == name {
      if value.isEmpty || entry.value.text == value { return entry.value }
    }
    return nil
  }

  private static func mixedList(_ node: MergeNode) -> Diagnostic {
    Diagnostic.error(PatchMessages.mixedList(node.kind), at: node.location)
  }
}

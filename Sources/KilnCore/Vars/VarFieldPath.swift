import KilnYAML

/// A var's `fieldref.fieldPath`, read as Kustomize reads it (`RNode.GetFieldValue`): parts
/// separated by dots (`\.` for a dot inside a key), `[a.b]` for a key holding dots, a number
/// or `name[2]` for a list element, `[key=value]` for the list element whose `key` is `value`.
enum VarFieldPath {
  /// The node at `path` in `node`, or nil when there is none.
  static func lookup(_ path: String, in node: Node) -> Node? {
    var current = node
    for part in parts(path) {
      guard let next = step(part, in: current) else { return nil }
      current = next
    }
    return current
  }

  static func parts(_ path: String) -> [String] {
    // Split at dots, a backslash keeping the dot that follows it.
    var split: [String] = []
    for piece in path.split(separator: ".", omittingEmptySubsequences: false) {
      if let last = split.last, last.hasSuffix("\\") {
        split[split.count - 1] = String(last.dropLast()) + "." + piece
      } else {
        split.append(String(piece))
      }
    }
    // Rejoin a bracketed part that held dots; brackets around a plain key are dropped.
    var joined: [String] = []
    var i = 0
    while i < split.count {
      var part = split[i]
      if part.hasPrefix("[") && !part.hasSuffix("]") {
        var pieces = [part]
        while i < split.count - 1 {
          i += 1
          pieces.append(split[i])
          if split[i].hasSuffix("]") { break }
        }
        part = pieces.joined(separator: ".")
        if !part.contains("=") { part = trimmingBrackets(part) }
      }
      joined.append(part)
      i += 1
    }
    // `ports[0]` is `ports` then `0`.
    var result: [String] = []
    for part in joined {
      if part.hasSuffix("]"), let open = part.lastIndex(of: "[") {
        let index = part[part.index(after: open)..<part.index(before: part.endIndex)]
        if !index.isEmpty && index.allSatisfy(\.isASCIIDigit) {
          if open != part.startIndex { result.append(String(part[..<open])) }
          result.append(String(index))
          continue
        }
      }
      result.append(part)
    }
    return result
  }

  /// Go's `strings.Trim(s, "[]")`.
  private static func trimmingBrackets(_ s: String) -> String {
    let isBracket: (Character) -> Bool = { $0 == "[" || $0 == "]" }
    guard let first = s.firstIndex(where: { !isBracket($0) }), let last = s.lastIndex(where: { !isBracket($0) }) else {
      return ""
    }
    return String(s[first...last])
  }

  private static func step(_ part: String, in node: Node) -> Node? {
    if let index = Int(part) {
      guard index >= 0, let items = node.items, index < items.count else { return nil }
      return items[index]
    }
    if part.hasPrefix("[") && part.hasSuffix("]") && part.count >= 2 {
      guard let items = node.items else { return nil }
      let selector = part.dropFirst().dropLast()
      guard let equals = selector.firstIndex(of: "=") else { return nil }
      let key = String(selector[..<equals])
      let value = String(selector[selector.index(after: equals)...])
      return items.first { item in
        key.isEmpty ? item.scalar?.text == value : item[key]?.scalar?.text == value
      }
    }
    guard node.isMapping else { return nil }
    return node[part]
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

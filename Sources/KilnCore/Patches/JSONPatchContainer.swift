import KilnYAML

extension JSONPatch {
  /// The map or array a JSON pointer's last segment names a place in (evanphx's `container`).
  struct Container {
    var node: Node

    /// Runs `body` on the container of `path` and its last key, writing changes back; nil when
    /// a segment on the way is missing, null, or not a map or array. `~1` reads as `/` and `~0`
    /// as `~`; a path without a leading `/` loses its first segment, as in evanphx.
    static func at<T>(
      _ path: String, in document: inout Node, _ body: (inout Container, String) throws(Failure) -> T
    ) throws(Failure) -> T? {
      // Split on bytes: splitting the String itself walks it Character by Character, and every
      // object a JSON 6902 patch targets splits its pointers again.
      var path = path
      let segments = path.withUTF8 { bytes in
        bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
          decode(String(decoding: $0, as: UTF8.self))
        }
      }
      guard segments.count >= 2, let key = segments.last else { return nil }
      return try descend(&document, Array(segments[1..<segments.count - 1])[...], key, body)
    }

    private static func descend<T>(
      _ node: inout Node, _ parts: ArraySlice<String>, _ key: String,
      _ body: (inout Container, String) throws(Failure) -> T
    ) throws(Failure) -> T? {
      guard let part = parts.first else {
        var container = Container(node: node)
        let result = try body(&container, key)
        node = container.node
        return result
      }
      switch node.value {
      case .mapping(var entries):
        guard let i = entries.firstIndex(where: { $0.key == part }),
          entries[i].value.isMapping || entries[i].value.isSequence
        else { return nil }
        node.value = .sequence([])  // hand the storage over, so the change below does not copy it
        defer { node.value = .mapping(entries) }
        return try descend(&entries[i].value, parts.dropFirst(), key, body)
      case .sequence(var items):
        guard let i = try? Container(node: node).index(part), items[i].isMapping || items[i].isSequence else {
          return nil
        }
        node.value = .sequence([])
        defer { node.value = .sequence(items) }
        return try descend(&items[i], parts.dropFirst(), key, body)
      case .scalar:
        return nil
      }
    }

    /// A pointer segment: `~1` is `/`, `~0` is `~`.
    static func decode(_ segment: String) -> String {
      guard segment.utf8.contains(UInt8(ascii: "~")) else { return segment }
      var out = ""
      var chars = segment.makeIterator()
      while let c = chars.next() {
        guard c == "~" else {
          out.append(c)
          continue
        }
        switch chars.next() {
        case "1": out.append("/")
        case "0": out.append("~")
        case let other?:
          out.append("~")
          out.append(other)
        case nil: out.append("~")
        }
      }
      return out
    }

    // MARK: - evanphx's partialDoc / partialArray

    /// The value at `key`; nil for a missing key or a null value.
    func get(_ key: String) throws(Failure) -> Node? {
      switch node.value {
      case .mapping(let entries):
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
      case .sequence(let items):
        let value = items[try index(key)]
        return value.isNull ? nil : value
      case .scalar:
        return nil
      }
    }

    /// An existing index of the array, negative ones counting from the end.
    func index(_ key: String) throws(Failure) -> Int {
      let count = node.items?.count ?? 0
      var index = try Self.atoi(key)
      if index < 0 {
        guard index >= -count else {
          throw Failure(message: "Unable to access invalid index: \(index): invalid index referenced")
        }
        index += count
      }
      guard index < count else {
        throw Failure(message: "Unable to access invalid index: \(index): invalid index referenced")
      }
      return index
    }

    mutating func set(_ key: String, _ value: Node) throws(Failure) {
      if node.isMapping {
        node[key] = value
        return
      }
      let index = try index(key)
      node.withItems { $0[index] = value }
    }

    mutating func add(_ key: String, _ value: Node) throws(Failure) {
      if node.isMapping {
        node[key] = value
        return
      }
      if key == "-" {
        node.withItems { $0.append(value) }
        return
      }
      var index: Int
      do throws(Failure) { index = try Self.atoi(key) } catch {
        throw Failure(message: "value was not a proper array index: '\(key)': \(error.message)")
      }
      let size = (node.items?.count ?? 0) + 1
      guard index < size else {
        throw Failure(message: "Unable to access invalid index: \(index): invalid index referenced")
      }
      if index < 0 {
        guard index >= -size else {
          throw Failure(message: "Unable to access invalid index: \(index): invalid index referenced")
        }
        index += size
      }
      let at = index
      node.withItems { $0.insert(value, at: at) }
    }

    mutating func remove(_ key: String) throws(Failure) {
      if case .mapping(let entries) = node.value {
        guard entries.contains(where: { $0.key == key }) else {
          throw Failure(message: "Unable to remove nonexistent key: \(key): missing value")
        }
        node.withEntries { $0.removeAll { $0.key == key } }
        return
      }
      let index = try index(key)
      node.withItems { _ = $0.remove(at: index) }
    }

    /// Go's `strconv.Atoi`, with its error text.
    static func atoi(_ key: String) throws(Failure) -> Int {
      guard let value = Int(key), !key.hasPrefix("+") || key.count > 1 else {
        throw Failure(message: "strconv.Atoi: parsing \"\(key)\": invalid syntax")
      }
      return value
    }
  }
}

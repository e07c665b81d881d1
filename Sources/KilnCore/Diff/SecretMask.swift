import KilnYAML

/// Secret values never reach a diff: each value of `data` and `stringData` becomes its size,
/// and, where both sides have the key with different values, a mark that it changed. Key
/// names stay visible, so an added or removed key still shows.
enum SecretMask {
  static func mask(old: DiffObject?, new: DiffObject?) -> (old: DiffObject?, new: DiffObject?) {
    var old = old
    var new = new
    for field in ["data", "stringData"] {
      let before = old?.node[field]?.entries ?? []
      old?.node.withValue(forKey: field) { map in
        map = masked(map, field: field) { _, _ in false }
      }
      new?.node.withValue(forKey: field) { map in
        map = masked(map, field: field) { key, value in
          guard let earlier = before.first(where: { $0.key == key }) else { return false }
          return earlier.value.scalarText != value.scalarText
        }
      }
    }
    return (old, new)
  }

  private static func masked(_ map: Node, field: String, changed: (String, Node) -> Bool) -> Node {
    guard let entries = map.entries else { return map }
    return Node(
      .mapping(
        entries.map { entry in
          let size =
            field == "data" ? decodedSize(entry.value.scalarText ?? "") : (entry.value.scalarText ?? "").utf8.count
          let text =
            "(hidden \(size) \(size == 1 ? "byte" : "bytes")\(changed(entry.key, entry.value) ? ", changed" : ""))"
          return MapEntry(
            key: entry.key, keyLocation: entry.keyLocation, value: .string(text, at: entry.value.location))
        }), at: map.location)
  }

  /// The size of base64 data without decoding it.
  static func decodedSize(_ text: String) -> Int {
    let characters = text.utf8.filter {
      $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: " ")
    }
    let padding = characters.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
    return characters.count / 4 * 3 - padding + (characters.count % 4 == 0 ? 0 : max(0, characters.count % 4 - 1))
  }
}

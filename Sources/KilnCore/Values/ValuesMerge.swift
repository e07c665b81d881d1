public import KilnYAML

/// How layers of values combine: `defaults.yaml`, `<env>.yaml`, each `-f` file, then the
/// `--set` family (see `HelmSetParser`).
public enum ValuesMerge {
  /// `overlay` on top of `base`: mappings merge key by key, recursively; sequences and scalars are replaced whole;
  /// a null in the overlay deletes the key (kiln's deliberate difference from Helm, which keeps a null for keys
  /// absent from the chart defaults). Keys keep the position they first had; new keys are appended.
  ///
  /// A null overlay (an empty values file) changes nothing. A key the overlay brings in is
  /// added without the nulls below it, since a null means "absent".
  public static func merge(_ base: Node, _ overlay: Node) -> Node {
    if overlay.isNull { return base }
    return combine(base, overlay, nullDeletes: true)
  }

  /// Helm's `MergeMaps` (how `-f` files and `--set-json '{…}'` combine in Helm): like `merge`,
  /// but a null is an ordinary value that replaces what was there.
  public static func mergeMaps(_ base: Node, _ overlay: Node) -> Node {
    combine(base, overlay, nullDeletes: false)
  }

  /// `node` without mapping entries whose value is null, at any depth through mappings:
  /// kiln's "null deletes" applied to the nulls a `--set a=null` or `--set-json` left in the
  /// final values. Nulls inside sequences are values and stay (`a[2]=x` pads with them).
  public static func removingNulls(_ node: Node) -> Node {
    guard case .mapping(let entries) = node.value else { return node }
    var kept: [MapEntry] = []
    kept.reserveCapacity(entries.count)
    for var entry in entries where !entry.value.isNull {
      entry.value = removingNulls(entry.value)
      kept.append(entry)
    }
    return Node(.mapping(kept), at: node.location)
  }

  private static func combine(_ base: Node, _ overlay: Node, nullDeletes: Bool) -> Node {
    guard case .mapping(let additions) = overlay.value else { return overlay }
    guard case .mapping(var entries) = base.value else {
      return nullDeletes ? removingNulls(overlay) : overlay
    }
    var position: [String: Int] = [:]
    for (index, entry) in entries.enumerated() where position[entry.key] == nil {
      position[entry.key] = index
    }
    var deleted = Set<Int>()
    for addition in additions {
      let index = position[addition.key]
      if nullDeletes, addition.value.isNull {
        if let index {
          deleted.insert(index)
          position[addition.key] = nil
        }
        continue
      }
      guard let index else {
        let value = nullDeletes ? removingNulls(addition.value) : addition.value
        position[addition.key] = entries.count
        entries.append(MapEntry(key: addition.key, keyLocation: addition.keyLocation, value: value))
        continue
      }
      let current = entries[index].value
      // The entry keeps its place; the key's location moves to the layer that set it last.
      entries[index].value =
        current.isMapping && addition.value.isMapping
        ? combine(current, addition.value, nullDeletes: nullDeletes)
        : (nullDeletes ? removingNulls(addition.value) : addition.value)
      entries[index].keyLocation = addition.keyLocation
    }
    if !deleted.isEmpty {
      entries = entries.enumerated().filter { !deleted.contains($0.offset) }.map(\.element)
    }
    return Node(.mapping(entries), at: base.location)
  }
}

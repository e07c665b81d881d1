import KilnYAML

/// Lists with a merge strategy, as kyaml merges them (lists prepended).
///
/// - One merge key (`containers` by `name`): the elements the patch names come first, in the
///   patch's order, each merged with the object's element of that key; then the object's other
///   elements, in their order. `[A,B,C,D]` patched with `[D,B]` gives `[D,B,A,C]`.
/// - Two or more keys (`ports` by `containerPort`+`protocol`): the patch's new elements first,
///   then every element of the object, in place, merged. An element is new only if no element
///   of the object agrees with it on every key both have; one that agrees while leaving a key
///   out matches nothing and is dropped, so `{port: 80}` cannot patch `{port: 80, protocol:
///   TCP}` (Kustomize issues #3620, #4752).
/// - No key (`finalizers`): a set, the patch's values first.
/// - A list element holding only `$patch: replace` replaces the list; `$patch: delete`
///   removes it. An element with `$patch: delete` and its key removes that element.
///   `$patch: replace` next to a key in an element of the object changes nothing.
extension StrategicMerge {
  func mergeList(dest: MergeNode?, origin: MergeNode?, schema: MergeKeys.Schema, path: [String]) throws -> MergeNode? {
    let list: MergeNode
    if let dest, !dest.isNull {
      if origin?.isNull == true { return nil }
      switch try directive(of: origin) {
      case .delete: return nil
      case .replace: list = origin ?? dest
      case .merge: list = dest
      }
    } else {
      guard let origin else { return nil }
      list = origin
    }
    let keys = schema.keys ?? []
    if keys.isEmpty {
      return try mergeElements(
        Self.scalarValues(origin, list), keys: [""], list: list, origin: origin, schema: schema, path: path)
    }
    return try mergeElements(
      Self.keyValues(keys, origin, list), keys: keys, list: list, origin: origin, schema: schema, path: path)
  }

  /// Every distinct tuple of key values, the patch's first (a missing key reads as "").
  static func keyValues(_ keys: [String], _ origin: MergeNode?, _ list: MergeNode) -> [[String]] {
    var result: [[String]] = []
    var seen = Set<[String]>()
    for source in [origin, list] {
      guard let source, source.kind == .sequence else { continue }
      for element in source.items {
        let values = keys.map { key -> String in
          guard let value = element.field(key), !value.isNull, !value.isEmptyCollection else { return "" }
          return value.text
        }
        if seen.insert(values).inserted { result.append(values) }
      }
    }
    return result
  }

  /// The distinct values of a list of scalars, the patch's first.
  static func scalarValues(_ origin: MergeNode?, _ list: MergeNode) -> [[String]] {
    var result: [[String]] = []
    var seen = Set<String>()
    for source in [origin, list] {
      guard let source, source.kind == .sequence else { continue }
      for item in source.items where seen.insert(item.text).inserted { result.append([item.text]) }
    }
    return result
  }

  private func mergeElements(
    _ tuples: [[String]], keys: [String], list: MergeNode, origin: MergeNode?, schema: MergeKeys.Schema, path: [String]
  ) throws -> MergeNode? {
    var tuples = tuples
    if keys.count > 1 { Self.unify(&tuples) }
    let merged = MergeNode(kind: .sequence, location: list.location)
    // Keys some tuple has a value for.
    var present = Set<String>()
    for values in tuples { present.formUnion(Self.keysWithValues(keys, values)) }
    var validKeys: [String] = []
    for values in tuples where !values.isEmpty {
      var validValues: [String]
      (validKeys, validValues) = Self.validate(values, keys, present)
      // The element is looked up by the keys this tuple has values for (all when it has none).
      let (lookupKeys, lookupValues) = Self.validate(
        validValues, validKeys, Self.keysWithValues(validKeys, validValues))
      let element = try walk(
        dest: ListEditor.find(in: list, keys: lookupKeys, values: lookupValues),
        origin: origin.flatMap { ListEditor.find(in: $0, keys: lookupKeys, values: lookupValues) },
        schema: schema.elements, path: path)
      guard let element, !element.isNull, !element.isEmptyMapping else {
        try ListEditor.remove(from: list, keys: validKeys, values: validValues)
        continue
      }
      for (i, key) in validKeys.enumerated()
      where element.kind == .mapping && element.field(key) == nil && !validValues[i].isEmpty {
        set(key, to: MergeNode.plain(validValues[i], at: element.location), in: element)
      }
      try ListEditor.set(element, in: merged, keys: validKeys, values: validValues)
    }
    guard !tuples.isEmpty else { return list }
    try ListEditor.append(list.items, to: merged, keys: validKeys)
    return merged
  }

  /// Keys that some tuple of the list has a value for, with this tuple's values for them;
  /// all keys when none has any.
  static func validate(_ values: [String], _ keys: [String], _ present: Set<String>) -> ([String], [String]) {
    guard !present.isEmpty else { return (keys, values) }
    var validKeys: [String] = []
    var validValues: [String] = []
    for (i, key) in keys.enumerated() where present.contains(key) {
      validKeys.append(key)
      validValues.append(values[i])
    }
    return (validKeys, validValues)
  }

  static func keysWithValues(_ keys: [String], _ values: [String]) -> Set<String> {
    var result = Set<String>()
    for (key, value) in zip(keys, values) where !value.isEmpty { result.insert(key) }
    return result
  }

  /// Tuples that agree wherever both have a value, and share one, become one tuple (kyaml's
  /// `mergeValues`, pairs visited in order, each outer tuple as it was when its turn came).
  static func unify(_ tuples: inout [[String]]) {
    for i in tuples.indices {
      let first = tuples[i]
      for j in tuples.indices {
        let second = tuples[j]
        guard first.count == second.count else { continue }
        var common = false
        var joined: [String] = []
        var compatible = true
        for k in first.indices {
          if first[k] == second[k] {
            common = true
            joined.append(first[k])
          } else if !first[k].isEmpty && !second[k].isEmpty {
            compatible = false
            break
          } else {
            joined.append(first[k].isEmpty ? second[k] : first[k])
          }
        }
        if compatible && common {
          tuples[i] = joined
          tuples[j] = joined
        }
      }
    }
  }
}

extension MergeNode {
  var isEmptyCollection: Bool {
    (kind == .mapping && entries.isEmpty) || (kind == .sequence && items.isEmpty)
  }
}

import KilnYAML

/// Values that are one node in Kustomize. Its labels and annotations transformers add a key to
/// every field they reach in an object with one shared YAML node, so a later change of that
/// key at one of those fields (another labels transformer, a strategic merge patch) changes it
/// at all of them: a base's `labels` with `includeSelectors` adds `track: alpha` to metadata and
/// selector, an overlay's metadata-only `labels` sets `track: zeta`, and kubectl prints `zeta`
/// in the selector too. `kiln kustomize` keeps, per object, which fields share a key's value;
/// a JSON 6902 patch rebuilds the object and ends the sharing.
public struct SharedEntry: Sendable, Equatable {
  /// The key whose value is shared.
  var key: String
  /// The mappings holding it, by their keys from the object's root.
  var maps: [[String]]
}

extension FieldPath {
  /// `setEntries` on one object, as Kustomize shares the values: the fields where a key is
  /// added share its value; where the key was there and shared, every field sharing it gets
  /// the new value. Only fields reached through mappings alone are followed.
  static func setSharedEntries(
    _ entries: [MapEntry], _ specs: [FieldSpec], in resource: inout Resource, transform: String,
    problems: inout DiagnosticCollector
  ) {
    var created: [[[String]]] = Array(repeating: [], count: entries.count)
    var updated: [[[String]]] = Array(repeating: [], count: entries.count)
    for i in specs.indices {
      var visits = 0
      var existed: [Bool] = []
      do {
        try visit(&resource.node, specs[i], transform: transform) { (map: inout Node) in
          guard map.isMapping else {
            throw Diagnostic.error(
              "expected a mapping at \(specs[i].pathDescription), found a \(map.kindDescription)", at: map.location)
          }
          visits += 1
          existed = entries.map { map[$0.key] != nil }
          for entry in entries { map[entry.key] = entry.value }
        }
      } catch {
        problems.record(error)
        continue
      }
      let path = specs[i].path.map(\.name)
      guard visits == 1, resource.node.value(at: path)?.isMapping == true else { continue }
      for j in entries.indices {
        if existed[j] { updated[j].append(path) } else { created[j].append(path) }
      }
    }
    for j in entries.indices {
      for path in updated[j] {
        resource.setShared(entries[j].key, changedAt: path, to: entries[j].value)
      }
      if created[j].count > 1 { resource.sharedEntries.append(SharedEntry(key: entries[j].key, maps: created[j])) }
    }
  }
}

extension Resource {
  /// The key's value was set to `value` in the mapping at `path`: every mapping sharing that
  /// value with it gets it too.
  mutating func setShared(_ key: String, changedAt path: [String], to value: Node) {
    for group in sharedEntries where group.key == key && group.maps.contains(path) {
      for other in group.maps where other != path {
        Self.replace(&node, at: other[...], key: key, with: value)
      }
    }
  }

  /// After a strategic merge patch: a shared value the patch changed in one mapping is changed
  /// in every mapping sharing it. `before` is the object before the patch.
  mutating func spreadSharedChanges(from before: Node) {
    for group in sharedEntries {
      for path in group.maps {
        guard let now = node.value(at: path + [group.key]), let old = before.value(at: path + [group.key]),
          now != old
        else { continue }
        setShared(group.key, changedAt: path, to: now)
        break
      }
    }
  }

  private static func replace(_ node: inout Node, at path: ArraySlice<String>, key: String, with value: Node) {
    guard let first = path.first else {
      if node.isMapping && node[key] != nil { node[key] = value }
      return
    }
    node.withValue(forKey: first) { replace(&$0, at: path.dropFirst(), key: key, with: value) }
  }
}

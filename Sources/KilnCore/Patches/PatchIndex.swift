/// The objects of one `ApplyPatches` step, indexed once by name (current and earlier names)
/// and by kind, so a patch finds its objects without scanning every object for each patch.
///
/// Deleted objects stay in place, marked, until the step ends: positions never shift while
/// patches run.
struct PatchIndex {
  private var byName: [String: [Int]] = [:]
  private var byKind: [String: [Int]] = [:]
  private(set) var deleted: [Bool]

  init(_ resources: [Resource]) {
    deleted = Array(repeating: false, count: resources.count)
    for (i, resource) in resources.enumerated() {
      for name in Set(resource.previousNames + [resource.name]) { byName[name, default: []].append(i) }
      byKind[resource.kind, default: []].append(i)
    }
  }

  /// Objects that are or were called `name`, in build order.
  func named(_ name: String) -> [Int] {
    (byName[name] ?? []).filter { !deleted[$0] }
  }

  /// Every live object, or those of one kind, in build order.
  func all(ofKind kind: String?) -> [Int] {
    guard let kind else { return deleted.indices.filter { !deleted[$0] } }
    return Set(byKind[kind] ?? []).filter { !deleted[$0] }.sorted()
  }

  var anyDeleted: Bool { deleted.contains(true) }

  mutating func delete(_ i: Int) { deleted[i] = true }

  /// Records what a patch changed an object's name or kind to.
  mutating func update(_ i: Int, name: String, kind: String) {
    if !(byName[name]?.contains(i) ?? false) { byName[name, default: []].append(i) }
    if !(byKind[kind]?.contains(i) ?? false) { byKind[kind, default: []].append(i) }
  }
}

/// Objects by every name they have had (their name now and each earlier one), for the steps
/// that find objects by name: replica counts and var bindings. The accumulation keeps one
/// across kustomizations and components and adds only the objects appended since, so a tree
/// of N components that each set counts or declare vars is not N scans of everything before.
/// `Scope` says which objects the index holds.
struct NameIndex<Scope: NameIndexScope> {
  /// Each name's objects, in the order they were appended.
  private(set) var byName: [String: [Int]] = [:]
  /// How many objects of the list it covers.
  private(set) var covered = 0

  /// Indexes `resources[start...]`.
  mutating func add(_ resources: [Resource], from start: Int) {
    for index in start..<resources.count where Scope.includes(resources[index]) {
      let resource = resources[index]
      var seen: Set<String> = []
      for name in [resource.name] + resource.previousNames where seen.insert(name).inserted {
        byName[name, default: []].append(index)
      }
    }
    covered = resources.count
  }
}

/// Which objects a `NameIndex` holds.
protocol NameIndexScope {
  static func includes(_ resource: Resource) -> Bool
}

/// Every object (vars may name any).
enum EveryObject: NameIndexScope {
  static func includes(_ resource: Resource) -> Bool { true }
}

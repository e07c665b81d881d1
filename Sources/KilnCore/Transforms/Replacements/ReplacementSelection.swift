import KilnYAML

/// A replacement selector ready to test objects: Kustomize's `ResId.IsSelectedBy` on each id an
/// object has or had, plus label and annotation selectors.
struct CompiledSelector {
  let selector: Replacement.Selector
  private let labels: LabelSelector?
  private let annotations: LabelSelector?

  init(_ selector: Replacement.Selector) throws {
    func compile(_ text: String?, _ field: String) throws -> LabelSelector? {
      guard let text, !text.isEmpty else { return nil }
      do {
        return try LabelSelector(text)
      } catch {
        throw Diagnostic.error(ReplacementMessages.badSelector(field, text, error.message), at: selector.location)
      }
    }
    self.selector = selector
    labels = try compile(selector.labelSelector, "labelSelector")
    annotations = try compile(selector.annotationSelector, "annotationSelector")
  }

  var hasSelectors: Bool { labels != nil || annotations != nil }

  func matchesSelectors(_ resource: Resource) -> Bool {
    if let labels, !labels.matches(TargetSelector.stringMap(resource.node["metadata"]?["labels"])) { return false }
    if let annotations, !annotations.matches(TargetSelector.stringMap(resource.node["metadata"]?["annotations"])) {
      return false
    }
    return true
  }

  func matchesAnyID(of resource: Resource) -> Bool {
    matches(resource.id) || resource.previousIDs.contains(where: matches)
  }

  /// Whole-value comparisons; an empty or absent field matches anything. Namespaces compare as
  /// Kustomize's effective namespaces: none is `default`, and a cluster-scoped kind has none.
  func matches(_ id: ResourceID) -> Bool {
    func differs(_ wanted: String?, _ actual: String) -> Bool {
      guard let wanted, !wanted.isEmpty else { return false }
      return wanted != actual
    }
    if differs(selector.name, id.name) || differs(selector.kind, id.kind) || differs(selector.group, id.group)
      || differs(selector.version, id.version)
    {
      return false
    }
    if let namespace = selector.namespace, !namespace.isEmpty {
      let own = Self.effectiveNamespace(
        namespace, group: selector.group ?? "", version: selector.version ?? "", kind: selector.kind ?? "")
      return own == Self.effectiveNamespace(id.namespace, group: id.group, version: id.version, kind: id.kind)
    }
    return true
  }

  static func effectiveNamespace(_ namespace: String, group: String, version: String, kind: String) -> String {
    let apiVersion = group.isEmpty ? version : group + "/" + version
    return TargetSelector.effectiveNamespace(
      namespace, clusterScoped: ClusterScope.isClusterScoped(apiVersion: apiVersion, kind: kind))
  }
}

/// The objects of a build by every name and kind they have or had, made once per run of the
/// transform: a selector with a name or kind looks at those objects only.
struct ReplacementIndex {
  private var byName: [String: [Int]] = [:]
  private var byKind: [String: [Int]] = [:]
  /// Objects `0..<covered` are filed.
  private(set) var covered = 0

  init(_ resources: [Resource] = []) {
    extend(resources)
  }

  /// Files the objects added since the last call (an accumulation keeps one index while
  /// objects are only appended and replacements run).
  mutating func extend(_ resources: [Resource]) {
    for i in covered..<resources.count { add(i, resources[i]) }
    covered = max(covered, resources.count)
  }

  /// Files object `i` under its names and kinds (again, after a write that may change them).
  mutating func add(_ i: Int, _ resource: Resource) {
    Self.insert(i, into: &byName[resource.name, default: []])
    Self.insert(i, into: &byKind[resource.kind, default: []])
    for id in resource.previousIDs {
      Self.insert(i, into: &byName[id.name, default: []])
      Self.insert(i, into: &byKind[id.kind, default: []])
    }
  }

  /// Keeps the list ascending (the order Kustomize visits objects in) and free of repeats.
  private static func insert(_ i: Int, into list: inout [Int]) {
    if let last = list.last, last >= i {
      if !list.contains(i) { list.insert(i, at: list.firstIndex { $0 > i } ?? list.count) }
    } else {
      list.append(i)
    }
  }

  /// The objects `selector` may select, in build order: a superset the selector then checks.
  func candidates(_ selector: Replacement.Selector) -> [Int] {
    if let name = selector.name, !name.isEmpty { return byName[name] ?? [] }
    if let kind = selector.kind, !kind.isEmpty { return byKind[kind] ?? [] }
    return Array(0..<covered)
  }
}

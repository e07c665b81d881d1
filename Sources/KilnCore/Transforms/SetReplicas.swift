public import KilnYAML

/// Sets `spec.replicas` by object name (`replicas:` in a kustomization): Deployments,
/// ReplicationControllers, ReplicaSets and StatefulSets of any group whose current or any
/// earlier name matches. A name that matches none of them is an error, as in Kustomize.
public struct SetReplicas: Transform {
  public var name: String { "SetReplicas" }

  public struct Count: Sendable {
    public var name: String
    public var count: Node
    public var location: SourceLocation

    public init(name: String, count: Node, at location: SourceLocation) {
      self.name = name
      self.count = count
      self.location = location
    }
  }

  public var counts: [Count]

  public init(counts: [Count]) { self.counts = counts }

  static let scalableKinds: Set<String> = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"]

  public func apply(to resources: inout [Resource]) throws {
    var index = NameIndex()
    index.add(resources, from: 0)
    try apply(to: &resources, index: index)
  }

  /// Scalable objects by every name they have had.
  struct NameIndex {
    private(set) var byName: [String: [Int]] = [:]
    /// How many objects of the list it covers.
    private(set) var covered = 0

    /// Indexes `resources[from...]`.
    mutating func add(_ resources: [Resource], from start: Int) {
      for index in start..<resources.count where SetReplicas.scalableKinds.contains(resources[index].kind) {
        for name in Set([resources[index].name] + resources[index].previousNames) {
          byName[name, default: []].append(index)
        }
      }
      covered = resources.count
    }
  }

  /// The same, with the objects found through an index built beforehand.
  func apply(to resources: inout [Resource], index: NameIndex) throws {
    let byName = index.byName
    var problems = DiagnosticCollector()
    for count in counts {
      let matches = byName[count.name] ?? []
      for index in matches {
        resources[index].node.withValue(
          forKey: "spec", creating: { Node(.mapping([]), at: .generated(by: "SetReplicas")) }
        ) {
          // A null spec is a missing one: the map is made, as for no spec at all.
          if $0.isNull { $0 = Node(.mapping([]), at: .generated(by: "SetReplicas")) }
          // Kustomize writes the count in the old value's style: over a quoted or block
          // scalar, the count is a string.
          if let old = $0["replicas"]?.scalar, old.style != .plain, let text = count.count.scalarText {
            $0["replicas"] = .string(text, at: count.count.location)
          } else {
            $0["replicas"] = count.count
          }
        }
      }
      if matches.isEmpty {
        problems.add(
          .error(
            "replicas: no Deployment, StatefulSet, ReplicaSet or ReplicationController is named \"\(count.name)\"",
            at: count.location,
            hint: Suggestion.hint(
              for: count.name, among: resources.filter { Self.scalableKinds.contains($0.kind) }.map(\.name))))
      }
    }
    try problems.throwIfErrors()
  }
}

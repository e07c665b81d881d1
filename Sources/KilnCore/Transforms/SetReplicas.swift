public import KilnYAML

/// Sets `spec.replicas` by object name (`replicas:` in a kustomization): Deployments,
/// ReplicationControllers, ReplicaSets and StatefulSets of any group whose current or any
/// earlier name matches. A name that matches none of them is an error, as in Kustomize.
public struct SetReplicas: Transform {
  public var name: String { "SetReplicas" }
  /// Counts through an index, unless field specs of a configuration reach other fields.
  public var batching: Batching { extraFieldSpecs.isEmpty ? .replicaCounts(self) : .none }

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
  /// Fields beyond `spec/replicas` of the scalable kinds (`BuiltinFieldSpecs.replicas`) that
  /// hold a count: from `replicas` of the kustomization's configuration, or a
  /// ReplicaCountTransformer's `fieldSpecs`.
  public var extraFieldSpecs: [FieldSpec]

  public init(counts: [Count], fieldSpecs: [FieldSpec] = BuiltinFieldSpecs.replicas) {
    self.counts = counts
    self.extraFieldSpecs = fieldSpecs.filter { !BuiltinFieldSpecs.replicas.contains($0) }
  }

  static let scalableKinds: Set<String> = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"]

  public func apply(to resources: inout [Resource]) throws {
    var index = NameIndex()
    index.add(resources, from: 0)
    try apply(to: &resources, index: index)
  }

  /// Scalable objects by every name they have had.
  typealias NameIndex = KilnCore.NameIndex<ScalableObjects>

  enum ScalableObjects: NameIndexScope {
    static func includes(_ resource: Resource) -> Bool { scalableKinds.contains(resource.kind) }
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
      let others = try setExtra(count, in: &resources)
      if matches.isEmpty && !others {
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

  /// Sets `count` at the extra field specs of every object named `count.name` now or before;
  /// false when no object is of a kind they select.
  private func setExtra(_ count: Count, in resources: inout [Resource]) throws -> Bool {
    guard !extraFieldSpecs.isEmpty else { return false }
    var found = false
    for spec in extraFieldSpecs {
      var parent = spec
      guard let field = parent.path.popLast()?.name else { continue }
      for index in resources.indices where spec.applies(to: resources[index]) {
        guard resources[index].name == count.name || resources[index].previousNames.contains(count.name) else {
          continue
        }
        found = true
        try FieldPath.visit(&resources[index].node, parent, transform: name) { map in
          if spec.create || map[field] != nil { map[field] = count.count }
        }
      }
    }
    return found
  }
}

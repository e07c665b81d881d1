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
    // Scalable objects by every name they have had, built once.
    var byName: [String: [Int]] = [:]
    for index in resources.indices where Self.scalableKinds.contains(resources[index].kind) {
      for name in Set([resources[index].name] + resources[index].previousNames) { byName[name, default: []].append(index) }
    }
    var problems = DiagnosticCollector()
    for count in counts {
      let matches = byName[count.name] ?? []
      for index in matches {
        resources[index].node.withValue(forKey: "spec", creating: { Node(.mapping([]), at: .generated(by: "SetReplicas")) }) {
          $0["replicas"] = count.count
        }
      }
      if matches.isEmpty {
        problems.add(.error(
          "replicas: no Deployment, StatefulSet, ReplicaSet or ReplicationController is named \"\(count.name)\"",
          at: count.location, hint: Suggestion.hint(for: count.name, among: resources.filter { Self.scalableKinds.contains($0.kind) }.map(\.name))))
      }
    }
    try problems.throwIfErrors()
  }
}

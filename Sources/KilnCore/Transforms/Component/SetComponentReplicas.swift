import KilnYAML

/// `<component>.replicas`: the replica count of every Deployment, StatefulSet and ReplicaSet
/// of the component. A component with none of them is an error, not a silent no-op.
public struct SetComponentReplicas: Transform {
  public var name: String { "SetComponentReplicas" }

  public var setting: ComponentSetting

  public init(_ setting: ComponentSetting) { self.setting = setting }

  static let kinds: Set<String> = ["Deployment", "StatefulSet", "ReplicaSet"]

  public func apply(to resources: inout [Resource]) throws {
    var scaled = 0
    for index in resources.indices where Self.kinds.contains(resources[index].kind) {
      resources[index].node.withMapping(forKey: "spec", generatedBy: name) { $0["replicas"] = setting.value }
      scaled += 1
    }
    if scaled == 0 { throw setting.nothingToChange("no Deployment, StatefulSet or ReplicaSet to scale") }
  }
}

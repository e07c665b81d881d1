import KilnYAML

/// `<component>.resources`: merged into the `resources` of every container of the
/// component (init containers keep their own): `{requests: {cpu: 500m}}` changes the CPU
/// request and leaves the rest; a null removes a key.
public struct MergeContainerResources: Transform {
  public var name: String { "MergeContainerResources" }

  public var setting: ComponentSetting

  public init(_ setting: ComponentSetting) { self.setting = setting }

  public func apply(to resources: inout [Resource]) throws {
    var containers = 0
    for index in resources.indices {
      containers += PodTemplates.withContainers(&resources[index], transform: name) { container in
        let current = container["resources"] ?? Node(.mapping([]), at: .generated(by: name))
        container["resources"] = ValuesMerge.merge(current, setting.value)
      }
    }
    if containers == 0 { throw setting.nothingToChange("no containers") }
  }
}

import KilnYAML

/// `<component>.env: {NAME: value}`: environment variables for every container of the
/// component. A variable the container already has is replaced in place (its position kept,
/// since later variables may refer to it as `$(NAME)`); new ones are appended in the order
/// the environment file lists them. A value is a string, or a mapping with `valueFrom`.
public struct MergeContainerEnv: Transform {
  public var name: String { "MergeContainerEnv" }

  public var setting: ComponentSetting

  public init(_ setting: ComponentSetting) { self.setting = setting }

  public func apply(to resources: inout [Resource]) throws {
    let variables = (setting.value.entries ?? []).map(variable)
    var containers = 0
    for index in resources.indices {
      containers += PodTemplates.withContainers(&resources[index], transform: name) { container in
        var list = container["env"]?.items ?? []
        for variable in variables {
          let key = variable["name"]?.string
          if let at = list.firstIndex(where: { $0["name"]?.string == key }) {
            list[at] = variable
          } else {
            list.append(variable)
          }
        }
        container["env"] = Node(.sequence(list), at: container["env"]?.location ?? .generated(by: name))
      }
    }
    if containers == 0 { throw setting.nothingToChange("no containers") }
  }

  /// `NAME: value` as an EnvVar: `{name, value}` or `{name, valueFrom}`.
  private func variable(_ entry: MapEntry) -> Node {
    var fields = [
      MapEntry(key: "name", keyLocation: entry.keyLocation, value: .string(entry.key, at: entry.keyLocation))
    ]
    if entry.value.isMapping {
      fields += entry.value.entries ?? []
    } else {
      fields.append(MapEntry(key: "value", keyLocation: entry.keyLocation, value: entry.value))
    }
    return Node(.mapping(fields), at: entry.value.location)
  }
}

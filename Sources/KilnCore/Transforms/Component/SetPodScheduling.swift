import KilnYAML

/// `<component>.nodeSelector`, `.tolerations` and `.affinity`: where the component's pods
/// may run. `nodeSelector` merges into the pod's own (a null removes a key); `tolerations`
/// and `affinity` replace the pod's, as a Helm chart's `toYaml` would.
public struct SetPodScheduling: Transform {
  public var name: String { "SetPodScheduling" }

  public enum Field: String, Sendable { case nodeSelector, tolerations, affinity }

  public var field: Field
  public var setting: ComponentSetting

  public init(_ field: Field, _ setting: ComponentSetting) {
    self.field = field
    self.setting = setting
  }

  public func apply(to resources: inout [Resource]) throws {
    var pods = 0
    for index in resources.indices {
      let found = PodTemplates.withTemplate(&resources[index], transform: name) { template in
        template.withMapping(forKey: "spec", generatedBy: name) { spec in
          switch field {
          case .nodeSelector:
            let current = spec["nodeSelector"] ?? Node(.mapping([]), at: .generated(by: name))
            spec["nodeSelector"] = ValuesMerge.merge(current, setting.value)
          case .tolerations, .affinity:
            spec[field.rawValue] = setting.value
          }
        }
      }
      if found { pods += 1 }
    }
    if pods == 0 { throw setting.nothingToChange("no workloads that run pods") }
  }
}

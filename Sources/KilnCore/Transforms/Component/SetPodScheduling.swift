import KilnYAML

/// `<component>.nodeSelector`, `.tolerations` and `.affinity`: where the component's pods
/// may run. `nodeSelector` merges into the pod's own (a null removes a key); `tolerations`
/// and `affinity` replace the pod's, as a Helm chart's `toYaml` would; an empty one removes it.
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
          // An empty selector, list or affinity means none: the field is left out rather than
          // written empty, as a chart's `with` block leaves it out.
          case .nodeSelector:
            let current = spec["nodeSelector"] ?? Node(.mapping([]), at: .generated(by: name))
            let merged = ValuesMerge.merge(current, setting.value)
            spec["nodeSelector"] = merged.entries?.isEmpty == true ? nil : merged
          case .tolerations, .affinity:
            let empty = setting.value.items?.isEmpty == true || setting.value.entries?.isEmpty == true
            spec[field.rawValue] = empty ? nil : setting.value
          }
        }
      }
      if found { pods += 1 }
    }
    if pods == 0 { throw setting.nothingToChange("no workloads that run pods") }
  }
}

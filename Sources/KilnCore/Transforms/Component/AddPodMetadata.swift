import KilnYAML

/// `<component>.podAnnotations` and `.podLabels`: added to the pod templates of the
/// component's workloads. Pod labels never go into selectors (selectors cannot change once
/// applied); use a component's `labels` with `includeSelectors` for labels that must select.
public struct AddPodMetadata: Transform {
  public var name: String { "AddPodMetadata" }

  public enum Field: String, Sendable {
    case annotations = "podAnnotations"
    case labels = "podLabels"

    var metadataKey: String { self == .annotations ? "annotations" : "labels" }
  }

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
        template.withMapping(forKey: "metadata", generatedBy: name) { metadata in
          let current = metadata[field.metadataKey] ?? Node(.mapping([]), at: .generated(by: name))
          metadata[field.metadataKey] = ValuesMerge.merge(current, setting.value)
        }
      }
      if found { pods += 1 }
    }
    if pods == 0 { throw setting.nothingToChange("no workloads that run pods") }
  }
}

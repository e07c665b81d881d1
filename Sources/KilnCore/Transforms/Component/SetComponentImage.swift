import KilnYAML

/// `<component>.image: {repository, tag, digest}`: a shortcut for the component's one
/// container image. It becomes an `images:` entry for that image, so tag and digest follow
/// Kustomize's rules; a component running several images must list them under `images:`.
public struct SetComponentImage: Transform {
  public var name: String { "SetComponentImage" }

  public var setting: ComponentSetting
  public var repository: String?
  public var tag: String?
  public var digest: String?

  public init(_ setting: ComponentSetting, repository: String?, tag: String?, digest: String?) {
    self.setting = setting
    self.repository = repository
    self.tag = tag
    self.digest = digest
  }

  public func apply(to resources: inout [Resource]) throws {
    var names: [String] = []
    for index in resources.indices where resources[index].kind != "CustomResourceDefinition" {
      SetImages.walkContainers(&resources[index].node) { image, _ in
        if let text = image.string {
          let name = ImageReference(parsing: text).name
          if !names.contains(name) { names.append(name) }
        }
      }
    }
    guard let only = names.first else { throw setting.nothingToChange("no container images") }
    guard names.count == 1 else {
      throw DiagnosticError(
        .error(
          "\(setting.component).image is a shortcut for a component's only image, but \"\(setting.component)\" runs \(names.count): \(names.sorted().joined(separator: ", "))",
          at: setting.value.location,
          hint: "use \(setting.component).images with one entry per image ({name: …, newTag: …})"))
    }
    let override = ImageOverride(
      name: only, newName: repository, newTag: tag, digest: digest, at: setting.value.location)
    try SetImages(overrides: [override]).apply(to: &resources)
  }
}

/// `kiln list`: what each part of a project renders in one environment.
public struct EnvironmentListing: Sendable {
  /// `base`, a component, or `environment` (objects the environment file generates).
  public struct Part: Sendable, Equatable {
    public var name: String
    /// Always true for `base` and `environment`.
    public var enabled: Bool
    /// `Kind namespace/name` (`Kind name` when cluster-scoped), in output order.
    public var objects: [String]
  }

  public var environment: String
  /// `base` when there is one, then every component (enabled or not) in byte order, then
  /// `environment` when it generates anything.
  public var parts: [Part]

  /// Builds the environment and sorts its objects by the part they came from.
  public static func make(_ request: BuildRequest, fileSystem: any FileSystem = DiskFileSystem()) throws
    -> EnvironmentListing
  {
    let result = try Compiler.build(request, fileSystem: fileSystem)
    let files = try ProjectFiles(
      fileSystem: fileSystem, root: request.projectDirectory, displayPrefix: request.displayPrefix)
    var byPart: [String: [String]] = [:]
    for resource in result.resources {
      byPart[part(of: resource), default: []].append(describe(resource))
    }
    var parts: [Part] = []
    if files.kind(of: "base") == .directory {
      parts.append(Part(name: "base", enabled: true, objects: byPart["base"] ?? []))
    }
    for name in try Compiler.componentNames(files) {
      let settings = result.values.components[name] ?? ComponentValues()
      guard !settings.instances.isEmpty else {
        parts.append(Part(name: name, enabled: settings.enabled, objects: byPart[name] ?? []))
        continue
      }
      for instance in settings.instances {
        let part = "\(name) [\(instance.label)]"
        parts.append(Part(name: part, enabled: settings.enabled && instance.enabled, objects: byPart[part] ?? []))
      }
    }
    if let generated = byPart[environmentPart] {
      parts.append(Part(name: environmentPart, enabled: true, objects: generated))
    }
    return EnvironmentListing(environment: request.environment, parts: parts)
  }

  static let environmentPart = "environment"

  private static func part(of resource: Resource) -> String {
    if let component = resource.component { return resource.instance.map { "\(component) [\($0)]" } ?? component }
    return resource.sourcePath.hasPrefix(EnvironmentLoader.directory + "/") ? environmentPart : "base"
  }

  private static func describe(_ resource: Resource) -> String {
    guard let namespace = resource.namespace, !namespace.isEmpty else { return "\(resource.kind) \(resource.name)" }
    return "\(resource.kind) \(namespace)/\(resource.name)"
  }
}

public import KilnYAML

/// An environment's merged values, checked and typed.
public struct EnvironmentValues: Sendable {
  public var namespace: Node?
  public var commonLabels: [MapEntry] = []
  public var labels: [MapEntry] = []
  public var commonAnnotations: [MapEntry] = []
  public var images: [ImageOverride] = []
  public var external: [ExternalObject] = []
  /// `patches`: Kustomize patch entries over the whole build, after the environment settings.
  public var patches: [PatchSpec] = []
  /// `configMapGenerator`, `secretGenerator` and `generatorOptions`, as a kustomization of
  /// the environment would hold them (files named relative to `environments/`).
  public var generators = Kustomization(kind: .kustomization, location: .generated(by: "environment"))
  /// Every component of the project, enabled or not, by name.
  public var components: [String: ComponentValues] = [:]
  /// What the values say that has no effect (settings on a component that is not enabled).
  public var warnings: [Diagnostic] = []

  public init() {}

  public var enabledComponents: [String] {
    components.keys.filter { components[$0]?.enabled == true }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

/// One component's settings in an environment.
public struct ComponentValues: Sendable {
  public var enabled = false
  /// Every other setting, in the order the environment files give them.
  public var settings: [ComponentSetting] = []
  public var image: ImageShortcut?
  public var images: [ImageOverride] = []
  /// `patches`: Kustomize patch entries over the component's own objects, after its settings.
  public var patches: [PatchSpec] = []
  /// `configMapGenerator` and `secretGenerator` entries, run as if the component's
  /// kustomization listed them (files named relative to `environments/`).
  public var generators: [GeneratorSpec] = []
  /// `instances`: the component rendered once per entry instead of once (none: once).
  public var instances: [ComponentInstance] = []

  public init() {}

  public func setting(_ key: String) -> ComponentSetting? { settings.first { $0.key == key } }
}

/// `image: {repository, tag, digest}`.
public struct ImageShortcut: Sendable {
  public var repository: String?
  public var tag: String?
  public var digest: String?
  public var setting: ComponentSetting
}

/// An object the cluster provides outside this build (`external:`), which `kiln check`
/// accepts as the target of a reference.
public struct ExternalObject: Sendable {
  public var kind: String
  public var name: String
  public var location: SourceLocation
}

/// One entry of a component's `instances`: its own namespace and name suffix, and the
/// component's settings with the entry's own laid over them.
public struct ComponentInstance: Sendable {
  /// Every namespaced object of this copy goes there (a Namespace object takes the name),
  /// instead of the environment's namespace.
  public var namespace: Node?
  /// Added to every name of this copy, as Kustomize's `nameSuffix` (references follow).
  public var nameSuffix: Node?
  public var enabled = true
  public var settings: ComponentValues
  public var location: SourceLocation

  /// How messages and `kiln list` name this copy: its namespace, else its suffix.
  public var label: String {
    namespace?.scalarText ?? nameSuffix?.scalarText ?? "\(location)"
  }
}

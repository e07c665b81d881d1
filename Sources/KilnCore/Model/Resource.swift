public import KilnYAML

/// One Kubernetes object on its way through the pipeline, with where it came from.
public struct Resource: Sendable {
  public var node: Node
  /// The file it was read from, relative to the project root (what `--sources` prints).
  public var sourcePath: String
  /// The component that owns it; nil for `base/` (and for plain Kustomize builds).
  public var component: String?
  /// Every name this object has had, oldest first (for name-reference updates).
  public var previousNames: [String] = []

  public init(node: Node, sourcePath: String, component: String? = nil) {
    self.node = node
    self.sourcePath = sourcePath
    self.component = component
  }

  public var apiVersion: String { node["apiVersion"]?.string ?? "" }
  public var kind: String { node["kind"]?.string ?? "" }
  public var name: String { node["metadata"]?["name"]?.string ?? "" }
  public var namespace: String? { node["metadata"]?["namespace"]?.string }

  /// The API group: `apps` for `apps/v1`, empty for the core group (`v1`).
  public var group: String {
    let v = apiVersion
    guard let slash = v.firstIndex(of: "/") else { return "" }
    return String(v[..<slash])
  }

  public var version: String {
    let v = apiVersion
    guard let slash = v.firstIndex(of: "/") else { return v }
    return String(v[v.index(after: slash)...])
  }

  public var id: ResourceID {
    ResourceID(group: group, version: version, kind: kind, namespace: namespace ?? "", name: name)
  }

  /// Where the object starts in its file, for diagnostics about the whole object.
  public var location: SourceLocation { node.location }

  /// Group, version and kind, read once (each read walks the object).
  public struct TypeInfo: Sendable {
    public var group: String
    public var version: String
    public var kind: String
  }

  public var typeInfo: TypeInfo { TypeInfo(group: group, version: version, kind: kind) }

  public func matches(group: String?, version: String?, kind: String?) -> Bool {
    (group == nil || group == self.group) && (version == nil || version == self.version)
      && (kind == nil || kind == self.kind)
  }
}

/// What makes an object unique in a build (and in a cluster).
public struct ResourceID: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var version: String
  public var kind: String
  public var namespace: String
  public var name: String

  public init(group: String, version: String, kind: String, namespace: String, name: String) {
    self.group = group
    self.version = version
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  /// `apps/Deployment archesai/archesai-api`, the way kiln names objects to people.
  public var description: String {
    let gk = group.isEmpty ? kind : "\(group)/\(kind)"
    return namespace.isEmpty ? "\(gk) \(name)" : "\(gk) \(namespace)/\(name)"
  }
}

public import KilnYAML

/// One Kubernetes object on its way through the pipeline, with where it came from.
public struct Resource: Sendable {
  public var node: Node
  /// The file it was read from, relative to the project root (what `--sources` prints).
  public var sourcePath: String
  /// The component that owns it; nil for `base/` (and for plain Kustomize builds).
  public var component: String?
  /// Which copy of an instanced component it belongs to (`ComponentInstance.label`).
  public var instance: String?
  /// The ids Kustomize recorded for this object, oldest first: before each rename (prefix,
  /// suffix, hash, a patch allowed to rename), whenever a `namespace:` transform ran, and for
  /// every object a JSON 6902 patch touched. References, merges and patches may name the
  /// object by any of them; the last may equal the current id.
  public var previousIDs: [ResourceID] = []
  /// Name prefixes and suffixes applied to it, innermost first; a reference is resolved to
  /// the candidate renamed the same way as the referrer when names alone are ambiguous.
  public var prefixes: [String] = []
  public var suffixes: [String] = []
  /// Made by a generator whose name gets a content hash at the end of the build.
  public var needsHashSuffix = false
  /// Made by a configMapGenerator or secretGenerator (merge and replace look for these too).
  public var isGenerated = false
  /// The `vars` that read their value from this object (Kustomize's refVarNames): bound when
  /// the kustomization declaring them is built, read once the whole build is done.
  public var varNames: [String] = []
  /// With `buildMetadata`, where it came from, then every transformer that ran over it
  /// (`BuildMetadata`); empty otherwise.
  var origins: [Origin] = []
  /// For `kiln kustomize`: which fields share a key's value, as Kustomize's one node
  /// (`SharedEntry`).
  var sharedEntries: [SharedEntry] = []

  public init(node: Node, sourcePath: String, component: String? = nil) {
    self.node = node
    self.sourcePath = sourcePath
    self.component = component
  }

  public var previousNames: [String] { previousIDs.map(\.name) }
  public var previousNamespaces: [String] { previousIDs.map(\.namespace) }

  /// The name it was loaded or generated with.
  public var originalName: String { previousIDs.first?.name ?? name }
  /// The namespace it was loaded with.
  public var originalNamespace: String? { previousIDs.first.map(\.namespace) ?? namespace }

  /// Whether it has, or once had, this name in this namespace.
  public func hasOrHad(name: String, namespace: String) -> Bool {
    id.name == name && id.namespace == namespace
      || previousIDs.contains { $0.name == name && $0.namespace == namespace }
  }

  /// What a patch that wipes `metadata.annotations` also wipes in Kustomize, which keeps these
  /// there: the ids the object had (references no longer find it by them), its prefixes and
  /// suffixes, and the mark that asks for a content hash.
  public mutating func forgetBookkeeping() {
    previousIDs = []
    prefixes = []
    suffixes = []
    needsHashSuffix = false
  }

  /// Kustomize's StorePreviousId: remembers the current id.
  public mutating func recordID() { previousIDs.append(id) }

  /// Renames the object, remembering its id for references.
  public mutating func rename(
    to newName: String, at location: SourceLocation = .generated(by: "kiln"), writing rewrite: ScalarRewrite = .asString
  ) {
    guard name != newName else { return }
    recordID()
    setName(newName, at: location, writing: rewrite)
  }

  /// Sets the name without recording the old one.
  public mutating func setName(
    _ newName: String, at location: SourceLocation, writing rewrite: ScalarRewrite = .asString
  ) {
    node.withMapping(forKey: "metadata", generatedBy: "kiln") { metadata in
      metadata["name"] =
        metadata["name"].map { rewrite.node(newName, replacing: $0, at: location) }
        ?? .string(newName, at: location)
    }
  }

  /// Sets the namespace without recording the old one (`SetNamespace` records every object).
  public mutating func setNamespace(_ newNamespace: Node) {
    node.withMapping(forKey: "metadata", generatedBy: "kiln") { $0["namespace"] = newNamespace }
  }

  public var apiVersion: String { node["apiVersion"]?.scalarText ?? "" }
  public var kind: String { node["kind"]?.scalarText ?? "" }
  /// Kustomize reads a name or namespace as text whatever its YAML type (`name: 404`).
  public var name: String { node["metadata"]?["name"]?.scalarText ?? "" }
  public var namespace: String? { node["metadata"]?["namespace"]?.scalarText }

  /// The API group: `apps` for `apps/v1`, empty for the core group (`v1`).
  public var group: String {
    let v = apiVersion
    guard let slash = v.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(v[..<slash])
  }

  public var version: String {
    let v = apiVersion
    guard let slash = v.utf8.firstIndex(of: UInt8(ascii: "/")) else { return v }
    return String(v[v.utf8.index(after: slash)...])
  }

  public var id: ResourceID {
    ResourceID(group: group, version: version, kind: kind, namespace: namespace ?? "", name: name)
  }

  /// Where the object starts in its file, for diagnostics about the whole object.
  public var location: SourceLocation { node.location }

  /// Group, version and kind, read once (each read walks the object).
  public struct TypeInfo: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String
  }

  public var typeInfo: TypeInfo {
    let v = apiVersion
    guard let slash = v.utf8.firstIndex(of: UInt8(ascii: "/")) else {
      return TypeInfo(group: "", version: v, kind: kind)
    }
    return TypeInfo(group: String(v[..<slash]), version: String(v[v.utf8.index(after: slash)...]), kind: kind)
  }

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

public import KilnYAML

/// One entry of a kustomization's `vars`: a name whose `$(NAME)` references are replaced, at
/// the end of the build, by the value of a field of one object.
///
///     vars:
///     - name: API_SERVICE
///       objref: {apiVersion: v1, kind: Service, name: api}
///       fieldref: {fieldPath: metadata.name}    # the default
public struct Var: Sendable, Equatable {
  /// The object the value is read from. Group, version and kind must equal the object's (an
  /// objref without `apiVersion` matches no object of a versioned kind); `name` is any name
  /// the object has had; without a `namespace`, any namespace matches.
  public struct ObjectReference: Sendable, Equatable {
    public var group = ""
    public var version = ""
    public var kind = ""
    public var name = ""
    public var namespace = ""

    public init(group: String = "", version: String = "", kind: String = "", name: String = "", namespace: String = "")
    {
      self.group = group
      self.version = version
      self.kind = kind
      self.name = name
      self.namespace = namespace
    }

    /// `v1 Service api`, `apps/v1 Deployment prod/api`: how messages name it.
    public var description: String {
      let apiVersion = group.isEmpty ? version : "\(group)/\(version)"
      let parts = [apiVersion, kind, namespace.isEmpty ? name : "\(namespace)/\(name)"].filter { !$0.isEmpty }
      return parts.joined(separator: " ")
    }
  }

  public var name: String
  public var objref: ObjectReference
  /// Dot-separated, with `[0]` list indexes, `[key=value]` list selectors and `[a.b]` for a
  /// key holding dots (`spec.ports[0].port`, `metadata.annotations.[example.com/x]`).
  public var fieldPath: String
  /// The entry in the kustomization.
  public var location: SourceLocation

  public init(name: String, objref: ObjectReference, fieldPath: String = "metadata.name", location: SourceLocation) {
    self.name = name
    self.objref = objref
    self.fieldPath = fieldPath
    self.location = location
  }
}

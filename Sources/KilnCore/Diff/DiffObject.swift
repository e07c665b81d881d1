import KilnYAML

/// One object of a rendered stream as `kiln diff` compares it: matched to its counterpart by
/// group, kind, namespace and name, shown by a header, compared as YAML lines.
public struct DiffObject: Sendable {
  /// What matches the object to its counterpart on the other side.
  public var key: String
  /// `group/Kind namespace/name` (`Kind name` in the core group, no namespace when cluster-scoped).
  public var header: String
  public var node: Node
  public var isSecret: Bool

  /// The objects of a build. With `namespace`, objects in the environment's own namespace
  /// (`environmentNamespace`) are shown in that one instead, and its Namespace object takes
  /// that name: comparing two environments, each side's namespace counts as the same, so the
  /// diff shows what really differs. Generated objects match by the name they were generated
  /// with, so a new content hash is a change, not a removal and an addition.
  public static func objects(of resources: [Resource], environmentNamespace: String?, shownIn namespace: String? = nil)
    -> [DiffObject]
  {
    resources.map { resource in
      var resource = resource
      if let from = environmentNamespace, let to = namespace, from != to {
        if resource.namespace == from { resource.setNamespace(.string(to)) }
        if resource.kind == "Namespace" && resource.group.isEmpty && resource.name == from {
          resource.setName(to, at: resource.location)
        }
      }
      let name = resource.isGenerated ? resource.originalName : resource.name
      return make(resource, matchName: name)
    }
  }

  /// The objects of a YAML stream read from a file (`--against`).
  public static func objects(ofStream bytes: [UInt8], file: String) throws -> [DiffObject] {
    let documents: [Node]
    do {
      documents = try YAMLParser.parseDocuments(bytes, file: file)
    } catch {
      throw Diagnostic(error)
    }
    return documents.map { make(Resource(node: $0, sourcePath: file), matchName: nil) }
  }

  private static func make(_ resource: Resource, matchName: String?) -> DiffObject {
    let namespace = resource.namespace ?? ""
    let kind = resource.group.isEmpty ? resource.kind : "\(resource.group)/\(resource.kind)"
    let place = namespace.isEmpty ? resource.name : "\(namespace)/\(resource.name)"
    return DiffObject(
      key: "\(resource.group)|\(resource.kind)|\(namespace)|\(matchName ?? resource.name)",
      header: "\(kind) \(place)", node: resource.node, isSecret: resource.kind == "Secret" && resource.group.isEmpty)
  }

  /// The YAML of the object, one element per line.
  func lines() -> [String] {
    let text = YAMLEmitter.renderString([node])
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }
}

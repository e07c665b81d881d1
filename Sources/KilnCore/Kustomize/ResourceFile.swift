import KilnYAML

/// Reads one file of Kubernetes objects: every document, `kind: List` flattened, each checked
/// to be an object (`apiVersion`, `kind` and `metadata.name`, all strings).
enum ResourceFile {
  static func load(
    _ path: String, files: ProjectFiles, within directory: String?, dialect: ScalarResolver.Dialect, component: String?,
    at location: SourceLocation?
  ) throws -> [Resource] {
    var resources: [Resource] = []
    var problems = DiagnosticCollector()
    for document in try files.parseYAML(path, within: directory, dialect: dialect, at: location) {
      for object in flatten(document) {
        if let problem = check(object) {
          problems.add(problem)
        } else {
          resources.append(Resource(node: object, sourcePath: path, component: component))
        }
      }
    }
    try problems.throwIfErrors()
    return resources
  }

  /// `kind: List` documents stand for their items.
  static func flatten(_ document: Node) -> [Node] {
    guard document["kind"]?.string == "List", let items = document["items"]?.items else { return [document] }
    return items.flatMap(flatten)
  }

  /// Why this document is not a Kubernetes object, if it is not one.
  static func check(_ object: Node) -> Diagnostic? {
    guard object.isMapping else {
      return .error("expected a Kubernetes object (a mapping), found a \(object.kindDescription)", at: object.location)
    }
    for key in ["apiVersion", "kind"] {
      guard let value = object[key] else {
        return .error("object has no \(key)", at: object.location)
      }
      guard let text = value.string, !text.isEmpty else {
        return .error("\(key) must be a non-empty string", at: value.location)
      }
    }
    guard let metadata = object["metadata"], metadata.isMapping else {
      return .error("object has no metadata", at: object["metadata"]?.location ?? object.location)
    }
    guard let name = metadata["name"] else {
      return .error("object has no metadata.name", at: metadata.location)
    }
    guard let text = name.string, !text.isEmpty else {
      return .error("metadata.name must be a non-empty string", at: name.location)
    }
    if let namespace = metadata["namespace"], namespace.string == nil, !namespace.isNull {
      return .error("metadata.namespace must be a string", at: namespace.location)
    }
    return nil
  }
}

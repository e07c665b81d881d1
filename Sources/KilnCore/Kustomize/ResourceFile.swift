import KilnYAML

/// Reads one file of Kubernetes objects: every document, lists flattened, each checked to be an
/// object (`apiVersion`, `kind` and `metadata.name`, all strings).
enum ResourceFile {
  static func load(
    _ path: String, files: ProjectFiles, within directory: String?, dialect: ScalarResolver.Dialect,
    options: YAMLReadOptions = [], component: String?, at location: SourceLocation?
  ) throws -> [Resource] {
    var resources: [Resource] = []
    var problems = DiagnosticCollector()
    for object in try flatten(
      files.parseYAML(path, within: directory, dialect: dialect, options: options, at: location))
    {
      if options.contains(.documentsAsSplitPieces), let unnamed = unnamedList(object) {
        resources.append(Resource(node: unnamed, sourcePath: path, component: component))
      } else if var problem = check(object) {
        if Kustomization.fileNames.contains(Path.fileName(path)) {
          problem.hint =
            "this is a kustomization file: list its directory, \"\(Path.directory(of: path))\", to include what it builds"
        }
        problems.add(problem)
      } else {
        resources.append(Resource(node: object, sourcePath: path, component: component))
      }
    }
    try problems.throwIfErrors()
    return resources
  }

  /// A file's documents with every list replaced by its items, as Kustomize reads them: a list
  /// is any mapping whose kind ends in `List` and that has an `items` field (`DeploymentList`
  /// as well as `List`; `items: null` or `[]` is no object at all). Kustomize works through a
  /// queue, so a list's items come after the rest of the file, in the order found.
  static func flatten(_ documents: [Node]) throws -> [Node] {
    var queue = documents[...]
    var objects: [Node] = []
    while let document = queue.popFirst() {
      // An empty document (`{}`, `[]`) holds no object.
      if document.entries?.isEmpty == true || document.items?.isEmpty == true { continue }
      guard let kind = document["kind"]?.string, kind.hasSuffix("List"), let items = document["items"] else {
        objects.append(document)
        continue
      }
      if items.isNull { continue }
      guard let elements = items.items else {
        throw Diagnostic.error(
          "\(kind) has items that are not a list, but a \(items.kindDescription)", at: items.location)
      }
      queue.append(contentsOf: elements)
    }
    return objects
  }

  /// kubectl kustomize asks no name of an object whose kind ends in `List` (a `kind: List`
  /// without `items` is no list to flatten, but such an object): it keeps it, with an empty
  /// `metadata` when it has none. nil for any other document.
  static func unnamedList(_ object: Node) -> Node? {
    guard let kind = object["kind"]?.scalarText, kind.hasSuffix("List"),
      object["apiVersion"].map({ $0.scalar != nil }) ?? true
    else { return nil }
    let metadata = object["metadata"]
    guard metadata == nil || metadata?.isNull == true || (metadata?.isMapping == true && metadata?["name"] == nil)
    else { return nil }
    var object = object
    if metadata?.isMapping != true { object["metadata"] = Node(.mapping([]), at: object.location) }
    return object
  }

  /// Why this document is not a Kubernetes object, if it is not one. As in Kustomize, the
  /// apiVersion may be missing, and any scalar serves as apiVersion, kind, name or namespace.
  static func check(_ object: Node) -> Diagnostic? {
    guard object.isMapping else {
      return .error("expected a Kubernetes object (a mapping), found a \(object.kindDescription)", at: object.location)
    }
    if let apiVersion = object["apiVersion"], apiVersion.scalar == nil {
      return .error("apiVersion must be a string, not a \(apiVersion.kindDescription)", at: apiVersion.location)
    }
    guard let kind = object["kind"] else {
      return .error("object has no kind", at: object.location)
    }
    guard let text = kind.scalarText, !text.isEmpty else {
      return .error("kind must be a non-empty string", at: kind.location)
    }
    guard let metadata = object["metadata"], metadata.isMapping else {
      return .error("object has no metadata", at: object["metadata"]?.location ?? object.location)
    }
    guard let name = metadata["name"] else {
      return .error("object has no metadata.name", at: metadata.location)
    }
    guard let text = name.scalarText, !text.isEmpty else {
      return .error("metadata.name must be a non-empty string", at: name.location)
    }
    if let namespace = metadata["namespace"], namespace.scalar == nil {
      return .error("metadata.namespace must be a string", at: namespace.location)
    }
    // Kustomize rewrites annotations with their keys unquoted and reads them back: a key that
    // then reads as a number, boolean or null (`"1"`, `"true"`, `"~"`) breaks it.
    for entry in metadata["annotations"]?.entries ?? []
    where ScalarResolver.resolvePlain(entry.key, dialect: .yaml12) != .string {
      return .error(
        "annotation key \"\(entry.key)\" is read as the \(ScalarResolver.resolvePlain(entry.key, dialect: .yaml12)) \(entry.key) once Kustomize unquotes it, and kubectl kustomize fails",
        at: entry.keyLocation)
    }
    return nil
  }
}

import KilnYAML

/// Reads a `configurations:` file: lists of field specs under the names of Kustomize's
/// `TransformerConfig`, every key checked (kubectl refuses unknown ones too) and every problem
/// placed in the file.
struct TransformerConfigDecoder {
  static let lists = [
    "namePrefix", "nameSuffix", "namespace", "commonLabels", "labels", "templateLabels", "commonAnnotations",
    "nameReference", "varReference", "images", "replicas",
  ]

  var problems = DiagnosticCollector()

  static func decode(_ node: Node) throws -> TransformerConfig {
    var decoder = TransformerConfigDecoder()
    let config = decoder.decode(node)
    try decoder.problems.throwIfErrors()
    return config.sortedLists()
  }

  private mutating func decode(_ node: Node) -> TransformerConfig {
    let fields = StrictMapping(node, context: "transformer configuration", problems: &problems)
    fields.checkKeys(Self.lists, problems: &problems)
    var config = TransformerConfig()
    config.namePrefix = specs("namePrefix", fields)
    config.nameSuffix = specs("nameSuffix", fields)
    config.namespace = specs("namespace", fields)
    config.commonLabels = specs("commonLabels", fields)
    config.labels = specs("labels", fields)
    config.templateLabels = specs("templateLabels", fields)
    config.commonAnnotations = specs("commonAnnotations", fields)
    config.varReference = specs("varReference", fields)
    config.images = specs("images", fields)
    config.replicas = specs("replicas", fields)
    for item in fields.sequence("nameReference", problems: &problems) ?? [] {
      if let row = nameReference(item) { config.nameReference.append(row) }
    }
    return config
  }

  private mutating func specs(_ key: String, _ fields: StrictMapping) -> [FieldSpec] {
    (fields.sequence(key, problems: &problems) ?? []).compactMap { fieldSpec($0, in: key, nameReference: false) }
  }

  /// `{group, version, kind, fieldSpecs}`: the kind whose renames the fields follow.
  private mutating func nameReference(_ node: Node) -> NameReferenceTable.Row? {
    let f = StrictMapping(node, context: "nameReference entry", problems: &problems)
    f.checkKeys(["group", "version", "kind", "fieldSpecs"], problems: &problems)
    let referrers = (f.sequence("fieldSpecs", problems: &problems) ?? []).compactMap {
      fieldSpec($0, in: "nameReference", nameReference: true)
    }
    let target = NameReferenceTable.Target(
      group: f.string("group", problems: &problems), version: f.string("version", problems: &problems),
      kind: f.string("kind", problems: &problems) ?? "")
    return node.isMapping ? NameReferenceTable.Row(target: target, referrers: referrers) : nil
  }

  /// `{path, group, version, kind, create}`. A name-reference path may hold `\/` for a slash
  /// inside a key (annotation names), as Kustomize's own table does.
  private mutating func fieldSpec(_ node: Node, in list: String, nameReference: Bool) -> FieldSpec? {
    let f = StrictMapping(node, context: "\(list) field spec", problems: &problems)
    f.checkKeys(["path", "group", "version", "kind", "create"], problems: &problems)
    let group = f.string("group", problems: &problems)
    let version = f.string("version", problems: &problems)
    let kind = f.string("kind", problems: &problems)
    let create = f.bool("create", problems: &problems) ?? false
    guard node.isMapping else { return nil }
    let path = f.string("path", problems: &problems) ?? ""
    var spec =
      nameReference
      ? FieldSpec(
        group: group, version: version, kind: kind, steps: NameReferenceTable.steps(path).map { .key($0) },
        create: create)
      : FieldSpec(group: group, version: version, kind: kind, path: path, create: create)
    spec.location = node.location
    return spec
  }
}

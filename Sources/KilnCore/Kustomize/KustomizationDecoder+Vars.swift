import KilnYAML

/// `vars`: each entry `{name, objref: {apiVersion | group + version, kind, name, namespace},
/// fieldref: {fieldPath}}`.
///
/// Kustomize reads these through Go's JSON decoder, which matches field names whatever their
/// letter case (`objRef`, `fieldRef` and `FieldPath` all work, and are common) and refuses
/// unknown ones.
extension KustomizationDecoder {
  mutating func variable(_ item: Node) -> Var? {
    guard item.isMapping else {
      problems.add(
        .error(
          "a vars entry must be a mapping {name, objref, fieldref}, not a \(item.kindDescription)", at: item.location))
      return nil
    }
    let fields = StrictMapping(
      Self.foldingCase(item, to: ["name", "objref", "fieldref"]), context: "vars entry", problems: &problems)
    fields.checkKeys(["name", "objref", "fieldref"], problems: &problems)
    let name = fields.string("name", problems: &problems) ?? ""
    var objref = Var.ObjectReference()
    if let node = fields.mapping("objref", problems: &problems) {
      objref = objectReference(node)
    }
    var fieldPath = ""
    if let node = fields.mapping("fieldref", problems: &problems) {
      let fieldref = StrictMapping(Self.foldingCase(node, to: ["fieldPath"]), context: "fieldref", problems: &problems)
      fieldref.checkKeys(["fieldPath"], problems: &problems)
      fieldPath = fieldref.string("fieldPath", problems: &problems) ?? ""
    }
    return Var(
      name: name, objref: objref, fieldPath: fieldPath.isEmpty ? "metadata.name" : fieldPath, location: item.location)
  }

  /// `apiVersion` (split at its slash as Kustomize splits it) or `group` and `version`, then
  /// `kind`, `name` and `namespace`.
  private mutating func objectReference(_ node: Node) -> Var.ObjectReference {
    let keys = ["apiVersion", "group", "version", "kind", "name", "namespace"]
    let fields = StrictMapping(Self.foldingCase(node, to: keys), context: "objref", problems: &problems)
    fields.checkKeys(keys, problems: &problems)
    var reference = Var.ObjectReference(
      group: fields.string("group", problems: &problems) ?? "",
      version: fields.string("version", problems: &problems) ?? "",
      kind: fields.string("kind", problems: &problems) ?? "", name: fields.string("name", problems: &problems) ?? "",
      namespace: fields.string("namespace", problems: &problems) ?? "")
    if let apiVersion = fields.string("apiVersion", problems: &problems), !apiVersion.isEmpty {
      // Kustomize takes `a/b` as group and version and `v1` as a version; anything with more
      // slashes leaves both as they were.
      let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      if parts.count == 2 {
        (reference.group, reference.version) = (parts[0], parts[1])
      } else if parts.count == 1 {
        reference.version = parts[0]
      }
    }
    return reference
  }

  /// The mapping with each key that names one of `known` in another letter case spelled as
  /// `known` spells it, as Go's JSON decoder matches them.
  static func foldingCase(_ node: Node, to known: [String]) -> Node {
    guard var entries = node.entries else { return node }
    var changed = false
    for index in entries.indices where !known.contains(entries[index].key) {
      let folded = entries[index].key.lowercased()
      if let match = known.first(where: { $0.lowercased() == folded }) {
        entries[index].key = match
        changed = true
      }
    }
    return changed ? Node(.mapping(entries), at: node.location) : node
  }
}

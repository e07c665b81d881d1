import KilnYAML

/// What a patch may and may not change about the object it patches.
///
/// A strategic merge patch keeps the object's namespace always, and its name and kind unless
/// the entry's `options` allow a change (`allowNameChange`, `allowKindChange`); a changed name
/// is recorded so that references follow it. A JSON 6902 patch may change anything; its
/// renames are recorded the same way, and it leaves every annotation a string (Kustomize
/// rewrites them from their text: `5` becomes "5", a map becomes "").
enum PatchedObject {
  /// Merges `patch` into `resource`. Returns false when the patch deletes the object.
  static func merge(_ patch: Node, into resource: inout Resource, spec: PatchSpec) throws -> Bool {
    let before = resource.node
    // Kustomize records the id of every object such a patch reaches, renamed or not, so a
    // later patch may still name the object by its kind or name from before.
    let mayChangeID = spec.allowNameChange || spec.allowKindChange
    if mayChangeID { resource.recordID() }
    let object = MergeNode(before)
    guard try StrategicMerge(location: patch.location, custom: spec.schema).apply(MergeNode(patch), to: object) else {
      return false
    }
    var node = object.node
    if spec.keepsDuplicateKeys { try PatchLeniency.checkReadable(node, patchedBy: spec) }
    if !spec.allowKindChange { node["kind"] = before["kind"] }
    let newName = node["metadata"]?["name"]?.scalar?.text
    set(before["metadata"]?["name"], at: "name", in: &node)
    set(before["metadata"]?["namespace"], at: "namespace", in: &node)
    resource.node = node
    if !resource.sharedEntries.isEmpty { resource.spreadSharedChanges(from: before) }
    if Self.dropsAnnotations(patch) { resource.forgetBookkeeping() }
    if spec.allowNameChange, let newName, newName != resource.name {
      resource.setName(
        newName, at: patch["metadata"]?["name"]?.location ?? patch.location,
        writing: spec.readsAsKubectl ? .keepingStyle : .asString)
    }
    return true
  }

  /// Whether the patch deletes or replaces the object's whole annotations map (`annotations:
  /// null`, `$patch: replace` or `delete` on it or on the whole metadata). Kustomize keeps its
  /// bookkeeping there (the names an object had, its hash mark), so such a patch wipes that too.
  static func dropsAnnotations(_ patch: Node) -> Bool {
    guard let metadata = patch["metadata"] else { return false }
    if metadata["$patch"]?.string == "replace" { return true }
    guard let annotations = metadata["annotations"] else { return false }
    if annotations.isNull { return true }
    let directive = annotations["$patch"]?.string
    return directive == "replace" || directive == "delete"
  }

  /// Applies JSON 6902 `operations` to `resource`.
  static func patch(_ operations: [JSONPatch.Operation], _ resource: inout Resource, spec: PatchSpec) throws {
    // Kustomize keeps its bookkeeping (ids before renames, the hash mark of generated objects)
    // in annotations until the output, and `patches` records the id before patching. So the
    // patch finds `metadata.annotations` on such an object even when it has none of its own:
    // `add /metadata/annotations/x` works there. (Left empty, it is dropped at the output.)
    let keepsBookkeeping = spec.form == .either || !resource.previousIDs.isEmpty || resource.isGenerated
    // Kustomize records the id of every object a JSON 6902 patch touches, renamed or not.
    resource.recordID()
    // The object is rebuilt from JSON: no two fields share a node any more.
    resource.sharedEntries = []
    var document = try JSONForm.object(resource.node)
    if keepsBookkeeping && document["metadata"]?.isMapping == true && document["metadata"]?["annotations"] == nil {
      document.withMapping(forKey: "metadata", generatedBy: "ApplyPatches") { $0["annotations"] = Node(.mapping([])) }
    }
    do {
      try JSONPatch.apply(operations, to: &document)
    } catch {
      throw Diagnostic.error(error.message, at: spec.location)
    }
    guard document.isMapping else { throw Diagnostic.error(PatchMessages.jsonPatchResult(), at: spec.location) }
    // Kustomize reads the object's id again after the patch.
    if document["kind"]?.scalarText?.isEmpty ?? true {
      throw Diagnostic.error("the patch leaves the object without a kind", at: spec.location)
    }
    if document["metadata"]?["name"]?.scalarText?.isEmpty ?? true {
      throw Diagnostic.error("the patch leaves the object without a metadata.name", at: spec.location)
    }
    // Letting go of the old tree leaves `document` the only owner of the parts the patch did
    // not touch, so the steps below change them in place instead of copying them.
    resource.node = .null()
    JSONForm.readBack(&document)
    StringifyAnnotations.stringify(&document)
    if spec.readsAsKubectl { try checkAnnotationKeys(document, spec) }
    resource.node = document
  }

  /// Kustomize sets the annotations of a JSON-patched object again with plain keys and reads
  /// them back: a key that then reads as a number, boolean or null (`"1"`, `"true"`) fails.
  private static func checkAnnotationKeys(_ object: Node, _ spec: PatchSpec) throws {
    for entry in object["metadata"]?["annotations"]?.entries ?? [] {
      let tag = ScalarResolver.resolvePlain(entry.key, dialect: .yaml12)
      guard tag != .string else { continue }
      throw Diagnostic.error(
        "the patch leaves annotation key \"\(entry.key)\", which kubectl kustomize writes back unquoted and reads as the \(tag) \(entry.key), and fails",
        at: spec.location)
    }
  }

  /// Puts `value` at `metadata.<field>`, or removes the field when `value` is nil.
  private static func set(_ value: Node?, at field: String, in node: inout Node) {
    if value == nil && node["metadata"]?[field] == nil { return }
    node.withMapping(forKey: "metadata", generatedBy: "ApplyPatches") { $0[field] = value }
  }
}

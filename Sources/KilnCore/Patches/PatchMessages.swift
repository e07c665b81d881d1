/// Every message the patch engine reports, in one place: lowercase, the offending thing in
/// quotes, no trailing period. Where Kustomize's own words are what users search for, they are
/// kept (`add operation does not apply: doc is missing path: …`).
enum PatchMessages {
  static func notAPatch() -> String {
    "the patch is neither a strategic merge patch (YAML objects with kind and metadata.name) nor a JSON 6902 patch (a list of operations)"
  }

  static func bothKinds() -> String {
    "the patch reads both as a strategic merge patch and as a JSON 6902 patch (it is empty); kubectl refuses it too"
  }

  static func jsonPatchNeedsTarget() -> String { "a JSON 6902 patch needs a target" }

  static func jsonPatchTargetNeedsName() -> String { "the target of a patchesJson6902 entry needs a name" }

  static func emptyStrategicMerge() -> String { "the strategic merge patch holds no object" }

  static func emptyJSONPatch() -> String { "the JSON 6902 patch holds no operation" }

  static func notJSONPatch(_ detail: String) -> String { "not a JSON 6902 patch: \(detail)" }

  static func multipleDocumentsWithTarget(_ count: Int) -> String {
    "a patch with a target may hold one strategic merge patch, this one holds \(count)"
  }

  static func noMatch(_ id: String) -> String { "no resource matches strategic merge patch \"\(id)\"" }

  static func multipleMatches(_ id: String, _ matched: [ResourceID]) -> String {
    "strategic merge patch \"\(id)\" matches \(matched.count) resources (by the id each has or had: "
      + matched.map(\.description).joined(separator: ", ") + ")"
  }

  static func missingPatchField(_ field: String) -> String {
    "a strategic merge patch needs \(field)"
  }

  static func unknownDirective(_ value: String) -> String {
    "unknown patch strategy \"\(value)\" (expected delete, replace or merge)"
  }

  static func kindMismatch(path: [String], side: String, found: MergeNode.Kind, expected: MergeNode.Kind) -> String {
    let place = path.isEmpty ? "the top" : path.joined(separator: ".")
    return "cannot merge at \(place): the \(side) has a \(found.word) where a \(expected.word) is expected"
  }

  static func mixedList(_ kind: MergeNode.Kind) -> String {
    "cannot merge a list that mixes scalars and mappings (found a \(kind.word))"
  }

  static func badTargetPattern(_ field: String, _ pattern: String) -> String {
    "target \(field) \"\(pattern)\" is not a valid regular expression"
  }

  static func badSelector(_ field: String, _ text: String, _ reason: String) -> String {
    "target \(field) \"\(text)\" is not a valid selector: \(reason)"
  }

  static func duplicateAfterPatch(_ id: ResourceID) -> String {
    "the patch leaves two objects with the id \(id)"
  }

  static func jsonPatchResult() -> String {
    "the JSON 6902 patch turned the object into something that is not a mapping"
  }
}

extension MergeNode.Kind {
  var word: String {
    switch self {
    case .scalar: "scalar"
    case .mapping: "mapping"
    case .sequence: "sequence"
    }
  }
}

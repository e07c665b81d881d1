import KilnYAML

/// Applies `patches`, `patchesStrategicMerge` or `patchesJson6902` entries, in order, each to
/// the result of the one before, as Kustomize v5.5 does.
///
/// - A strategic merge patch without a target patches the one object with its apiVersion,
///   kind, name and namespace (current or earlier ones; no namespace is `default`). No match
///   is an error, so is more than one.
/// - With a target, an entry holds one strategic merge patch (its own name does not count) or
///   a JSON 6902 patch, applied to every object the target selects, in build order. A target
///   that selects nothing is not an error. A JSON 6902 patch always needs a target.
/// - `$patch: delete` at the top of a strategic merge patch deletes the object.
///
/// The merge itself is `StrategicMerge`; JSON 6902 is `JSONPatch`; what a patch may change
/// about an object's identity is `PatchedObject`.
public struct ApplyPatches: Transform {
  public var name: String { "ApplyPatches" }

  public var patches: [PatchSpec]

  public init(patches: [PatchSpec]) { self.patches = patches }

  public func apply(to resources: inout [Resource]) throws {
    guard !patches.isEmpty else { return }
    var index = PatchIndex(resources)
    for spec in patches {
      switch try PatchParser.parse(spec) {
      case .strategicMerge(let documents):
        if let target = spec.target, spec.form == .either {
          guard documents.count == 1 else {
            throw Diagnostic.error(PatchMessages.multipleDocumentsWithTarget(documents.count), at: spec.location)
          }
          try mergeIntoTargets(documents[0], target, spec, &resources, &index)
        } else {
          for document in documents { try mergeIntoItsObject(document, spec, &resources, &index) }
        }
      case .json6902(let operations):
        guard let target = spec.target else {
          throw Diagnostic.error(PatchMessages.jsonPatchNeedsTarget(), at: spec.location)
        }
        if spec.form == .json6902 && (target.name ?? "").isEmpty {
          throw Diagnostic.error(PatchMessages.jsonPatchTargetNeedsName(), at: target.location)
        }
        let targets = try selected(target, resources, index)
        // Each object is patched on its own: on every core, each object owned by one thread.
        var patched = Self.take(targets, from: &resources)
        try InParallel.update(&patched, minimum: 16) { try PatchedObject.patch(operations, &$0, spec: spec) }
        for (i, resource) in zip(targets, patched) {
          resources[i] = resource
          index.update(i, name: resource.name, kind: resource.kind)
        }
      }
    }
    if index.anyDeleted {
      var kept: [Resource] = []
      kept.reserveCapacity(resources.count)
      for (i, resource) in resources.enumerated() where !index.deleted[i] { kept.append(resource) }
      resources = kept
    }
  }

  /// A strategic merge patch without target: the object with the patch's own id.
  private func mergeIntoItsObject(
    _ patch: Node, _ spec: PatchSpec, _ resources: inout [Resource], _ index: inout PatchIndex
  ) throws {
    let id = PatchID(patch)
    let matches = index.named(id.name).filter { id.matches(resources[$0]) }
    guard let i = matches.first else {
      throw Diagnostic.error(
        PatchMessages.noMatch(id.description), at: patch.location, hint: id.hint(among: resources, index))
    }
    guard matches.count == 1 else {
      throw Diagnostic.error(
        PatchMessages.multipleMatches(id.description, matches.map { resources[$0].id }), at: patch.location,
        hint: "give the patch a namespace, or patch with a target")
    }
    try merge(patch, into: i, spec, &resources, &index)
  }

  /// A strategic merge patch with a target: every selected object, the patch taking each
  /// object's apiVersion.
  private func mergeIntoTargets(
    _ patch: Node, _ target: PatchTarget, _ spec: PatchSpec, _ resources: inout [Resource], _ index: inout PatchIndex
  ) throws {
    let targets = try selected(target, resources, index)
    // Each object is merged on its own: on every core, each object owned by one thread.
    var merged = Self.take(targets, from: &resources).map { (resource: $0, kept: true) }
    try InParallel.update(&merged, minimum: 16) { work in
      var copy = patch
      copy["apiVersion"] = .string(work.resource.apiVersion, at: patch.location)
      work.kept = try PatchedObject.merge(copy, into: &work.resource, spec: spec)
    }
    for (i, work) in zip(targets, merged) {
      resources[i] = work.resource
      if work.kept { index.update(i, name: work.resource.name, kind: work.resource.kind) } else { index.delete(i) }
    }
    if spec.allowNameChange || spec.allowKindChange { try checkUniqueIDs(resources, index, at: spec.location) }
  }

  private func merge(
    _ patch: Node, into i: Int, _ spec: PatchSpec, _ resources: inout [Resource], _ index: inout PatchIndex
  ) throws {
    if try PatchedObject.merge(patch, into: &resources[i], spec: spec) {
      index.update(i, name: resources[i].name, kind: resources[i].kind)
    } else {
      index.delete(i)
    }
  }

  /// The objects at `indices`, moved out (their trees left empty in `resources` until they are
  /// put back), so that patching them changes their trees in place instead of copying them.
  private static func take(_ indices: [Int], from resources: inout [Resource]) -> [Resource] {
    indices.map { i in
      let resource = resources[i]
      resources[i].node = .null()
      return resource
    }
  }

  private func selected(_ target: PatchTarget, _ resources: [Resource], _ index: PatchIndex) throws -> [Int] {
    let selector = try TargetSelector(target)
    return index.all(ofKind: selector.literalKind).filter { selector.selects(resources[$0]) }
  }

  /// Kustomize re-adds the objects after a targeted patch and refuses two with one id.
  private func checkUniqueIDs(_ resources: [Resource], _ index: PatchIndex, at location: SourceLocation) throws {
    var seen = Set<ResourceID>()
    for i in index.all(ofKind: nil) where !seen.insert(resources[i].id).inserted {
      throw Diagnostic.error(PatchMessages.duplicateAfterPatch(resources[i].id), at: location)
    }
  }
}

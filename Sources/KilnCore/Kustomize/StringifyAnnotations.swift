import KilnYAML

/// Kustomize rewrites every object's annotations through a string map while it builds
/// (it keeps its own bookkeeping there), so what `kubectl kustomize` prints has every
/// annotation value as a string (the scalar's text as written: `5` → "5", `0x1F` → "0x1F",
/// `~` → "~"; a list or map → ""), and no empty or non-map `annotations` at all.
/// Labels are not touched. At the output, the annotations kpt and Kustomize's own readers keep
/// their bookkeeping in (file path, index, ids) are removed from `metadata.annotations` (and
/// only there) whoever wrote them.
struct StringifyAnnotations: Transform {
  var name: String { "StringifyAnnotations" }

  static let buildAnnotations: Set<String> = [
    "config.kubernetes.io/path", "config.kubernetes.io/index", "config.kubernetes.io/origin", "config.k8s.io/id",
    "internal.config.kubernetes.io/path", "internal.config.kubernetes.io/index", "internal.config.kubernetes.io/id",
    "internal.config.kubernetes.io/seqindent", "internal.config.kubernetes.io/annotations-migration-resource-id",
    "alpha.config.kubernetes.io/transformations",
  ]

  func apply(to resources: inout [Resource]) throws {
    for index in resources.indices {
      Self.removeBuildAnnotations(&resources[index].node)
      Self.stringify(&resources[index].node)
    }
  }

  static func removeBuildAnnotations(_ object: inout Node) {
    guard let entries = object["metadata"]?["annotations"]?.entries,
      entries.contains(where: { buildAnnotations.contains($0.key) })
    else { return }
    object.withValue(forKey: "metadata") { metadata in
      metadata.withValue(forKey: "annotations") { annotations in
        annotations.value = .mapping(entries.filter { !buildAnnotations.contains($0.key) })
      }
    }
  }

  /// Kustomize's `SetAnnotations(GetAnnotations())` on one object.
  static func stringify(_ object: inout Node) {
    object.withValue(forKey: "metadata") { metadata in
      guard let annotations = metadata["annotations"] else { return }
      guard let entries = annotations.entries, !entries.isEmpty else {
        metadata["annotations"] = nil
        return
      }
      guard entries.contains(where: { $0.value.string == nil }) else { return }
      metadata["annotations"] = Node(.mapping(entries.map(\.withTextValue)), at: annotations.location)
    }
  }
}

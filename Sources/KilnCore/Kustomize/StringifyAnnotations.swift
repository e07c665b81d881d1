import KilnYAML

/// Kustomize rewrites every object's annotations through a string map while it builds
/// (it keeps its own bookkeeping there), so what `kubectl kustomize` prints has every
/// annotation value as a string (the scalar's text as written: `5` → "5", `0x1F` → "0x1F",
/// `~` → "~"; a list or map → ""), and no empty or non-map `annotations` at all.
/// Labels are not touched.
struct StringifyAnnotations: Transform {
  var name: String { "StringifyAnnotations" }

  func apply(to resources: inout [Resource]) throws {
    for index in resources.indices { Self.stringify(&resources[index].node) }
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
      metadata["annotations"] = Node(.mapping(entries.map { entry in
        var copy = entry
        copy.value = .string(entry.value.scalar?.text ?? "", at: entry.value.location)
        return copy
      }), at: annotations.location)
    }
  }
}

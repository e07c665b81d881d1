import KilnYAML

/// What `Accumulation` needs to run replacements in place, in a tree of many components that
/// each declare some: the fields they read and write (so queued labels and annotations that
/// cannot meet them stay queued), and whether they may change what the accumulation's indexes
/// hold (ids, images), so that the indexes are kept across components instead of being
/// rebuilt over everything accumulated at every component.
extension ApplyReplacements {
  public var batching: Batching { .replacements(self) }

  /// Every field the replacements read or write, as paths of keys cut at the first step that
  /// is not a key (a write or read there may reach anything below). An unreadable path reads
  /// everything (the empty path leads into every other).
  var footprint: Footprint {
    var paths = Footprint.ids.paths
    func selectors(_ selector: Replacement.Selector) {
      if let labels = selector.labelSelector, !labels.isEmpty { paths.append(["metadata", "labels"]) }
      if let annotations = selector.annotationSelector, !annotations.isEmpty {
        paths.append(["metadata", "annotations"])
      }
    }
    for (r, replacement) in replacements.enumerated() {
      selectors(replacement.source.selector)
      if let steps = try? SourceStep.parse(replacement.source.fieldPath.text, at: replacement.source.fieldPath.location)
      {
        var keys: [String] = []
        for case .field(let key) in steps.prefix(while: { if case .field = $0 { true } else { false } }) {
          keys.append(key)
        }
        paths.append(keys)
      } else {
        paths.append([])
      }
      for (t, target) in replacement.targets.enumerated() {
        selectors(target.select)
        target.reject.forEach(selectors)
        for steps in targetSteps[r][t] {
          guard case .success(let steps) = steps else {
            paths.append([])
            continue
          }
          var keys: [String] = []
          for case .field(let key) in steps.prefix(while: { if case .field = $0 { true } else { false } }) {
            keys.append(key)
          }
          paths.append(keys)
        }
      }
    }
    return Footprint(paths: paths)
  }

  /// Whether a write may give an object a new id (a name, a kind …): the indexes by name must
  /// then be made again.
  var mayChangeIDs: Bool {
    targetSteps.joined().joined().contains { steps in
      guard case .success(let steps) = steps else { return true }
      return Self.mayChangeID(steps)
    }
  }

  /// Whether writing `value` along `steps` may change an image or a containers list: a map or
  /// list replaces whatever it lands on whole; a scalar changes images only on a path through
  /// a containers list or an `image` key, or through `*`.
  static func mayChangeImages(_ steps: [TargetStep], writing value: Node) -> Bool {
    guard value.scalar != nil else { return true }
    return steps.contains { step in
      switch step {
      case .field(let key): key == "containers" || key == "initContainers" || key == "image"
      case .every: true
      case .index, .matching: false
      }
    }
  }
}

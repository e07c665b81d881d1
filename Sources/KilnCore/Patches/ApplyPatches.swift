import KilnYAML

/// Applies `patches`, `patchesStrategicMerge` or `patchesJson6902` entries, in order.
public struct ApplyPatches: Transform {
  public var name: String { "ApplyPatches" }

  public var patches: [PatchSpec]

  public init(patches: [PatchSpec]) { self.patches = patches }

  public func apply(to resources: inout [Resource]) throws {
    guard let first = patches.first else { return }
    throw Diagnostic.error("patches are not supported by kiln yet", at: first.location)
  }
}

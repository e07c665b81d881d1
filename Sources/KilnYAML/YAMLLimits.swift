/// Bounds that keep hostile YAML from exhausting memory or the stack.
public struct YAMLLimits: Sendable {
  /// Deepest nesting of mappings and sequences. Real manifests stay far below 64; CRD
  /// schemas are the deepest seen, at about 40.
  public var maxDepth: Int
  /// Nodes an input may add by expanding aliases (`*name`). A "billion laughs" document
  /// needs billions; honest anchors in manifests add hundreds.
  public var maxAliasExpansion: Int
  /// Bytes of text (scalars and keys) an input may add by expanding aliases: a megabyte
  /// string anchored once and aliased ten thousand times is a few nodes but a gigabyte of
  /// output. Honest anchors repeat a few kilobytes.
  public var maxAliasBytes: Int

  public init(maxDepth: Int = 256, maxAliasExpansion: Int = 100_000, maxAliasBytes: Int = 16 << 20) {
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
    self.maxAliasBytes = maxAliasBytes
  }

  public static let standard = YAMLLimits()
}

import KilnYAML

/// Writes objects as one YAML stream: `---` between documents, one trailing newline, and with
/// `sources`, a `# Source: <path>` line before each object.
public enum ManifestRenderer {
  public static func render(_ resources: [Resource], sources: Bool, options: YAMLEmitter.Options = .build) -> [UInt8] {
    // Documents are written independently, so in pieces on every core, then joined.
    let pieces = InParallel.ranges(resources.count, minimum: 32) { range in
      var emitter = YAMLEmitter(options: options)
      for i in range {
        if i > 0 { emitter.appendRaw("---\n") }
        if sources { emitter.appendRaw("# Source: \(resources[i].sourcePath)\n") }
        emitter.emitDocument(resources[i].node)
      }
      return emitter.bytes
    }
    return InParallel.concatenate(pieces)
  }
}

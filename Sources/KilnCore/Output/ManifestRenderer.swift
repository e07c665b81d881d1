import KilnYAML

/// Writes objects as one YAML stream: `---` between documents, one trailing newline, and with
/// `sources`, a `# Source: <path>` line before each object.
public enum ManifestRenderer {
  public static func render(_ resources: [Resource], sources: Bool, options: YAMLEmitter.Options = .build) -> [UInt8] {
    var emitter = YAMLEmitter(options: options)
    for (i, resource) in resources.enumerated() {
      if i > 0 { emitter.appendRaw("---\n") }
      if sources { emitter.appendRaw("# Source: \(resource.sourcePath)\n") }
      emitter.emitDocument(resource.node)
    }
    return emitter.bytes
  }
}

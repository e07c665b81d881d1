import KilnYAML

/// `kiln kustomize DIR`: what `kubectl kustomize DIR` prints, from the same engine as
/// `kiln build` (same parser, builder, transforms and emitter), with Kustomize's reading rules
/// (`BuildRules.kustomize`) and its output rules: scalars through JSON and goyaml.v2
/// (`JSONRoundTrip`), long lines folded at column 80.
public enum Kustomizer {
  public struct Result: Sendable {
    public var resources: [Resource]
    /// Deprecation warnings, worded as kubectl words them (print as `# Warning: <message>`).
    public var warnings: [Diagnostic]
    /// The bytes kubectl kustomize would print.
    public var output: [UInt8]
  }

  /// Builds the kustomization in `directory` (absolute). `displayPrefix` is how the user wrote
  /// the directory, for messages.
  public static func build(directory: String, displayPrefix: String = "", fileSystem: any FileSystem = DiskFileSystem()) throws -> Result {
    let files = try ProjectFiles(fileSystem: fileSystem, root: directory, displayPrefix: displayPrefix)
    var builder = KustomizeBuilder(files: files, rules: .kustomize)
    let (built, kustomization) = try builder.build(".")
    var resources = try Finalizer.finish(built, order: kustomization?.sortOrder ?? .legacy(.standard))
    try StringifyAnnotations().apply(to: &resources)
    var emitter = YAMLEmitter(options: .init(lineWidth: 80))
    var problems = DiagnosticCollector()
    for i in resources.indices {
      guard problems.recording({ try JSONRoundTrip.canonicalize(&resources[i].node) }) != nil else { continue }
      if i > 0 { emitter.appendRaw("---\n") }
      emitter.emitDocument(resources[i].node)
    }
    try problems.throwIfErrors()
    return Result(resources: resources, warnings: builder.warnings, output: emitter.bytes)
  }
}

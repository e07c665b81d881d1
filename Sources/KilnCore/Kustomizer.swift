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
    /// kiln's own warnings, at input kubectl reads silently its own way (a key written twice):
    /// print as located warnings.
    public var notices: [Diagnostic] = []
    /// The bytes kubectl kustomize would print.
    public var output: [UInt8]
  }

  /// A failed build, with the deprecation warnings of the kustomizations read before it
  /// failed: kubectl prints those before its error.
  public struct Failure: Error {
    public var warnings: [Diagnostic]
    public var notices: [Diagnostic] = []
    public var error: any Error
  }

  /// Builds the kustomization in `directory` (absolute). `displayPrefix` is how the user wrote
  /// the directory, for messages. `filesAnywhere` is kubectl's `--load-restrictor
  /// LoadRestrictionsNone`: files (patches, generator sources, resources) may lie outside their
  /// kustomization's directory. Throws a `Failure`.
  public static func build(
    directory: String, displayPrefix: String = "", fileSystem: any FileSystem = DiskFileSystem(),
    filesAnywhere: Bool = false
  ) throws -> Result {
    InParallel.warmUp()
    var files = try ProjectFiles(fileSystem: fileSystem, root: directory, displayPrefix: displayPrefix)
    files.readsAnywhere = filesAnywhere
    var builder = KustomizeBuilder(files: files, rules: .kustomize)
    do {
      var result = try build(with: &builder)
      var lines = SourceLines(files: files)
      result.notices = lines.attach(builder.notices)
      return result
    } catch {
      // Warnings that came with the error (a kustomization that did not decode) go with the rest.
      var collected = DiagnosticCollector()
      collected.record(error)
      let carried = collected.diagnostics.filter { $0.severity == .warning }
      let errors = collected.diagnostics.filter { $0.severity == .error }
      var lines = SourceLines(files: files)
      throw Failure(
        warnings: builder.warnings + carried, notices: lines.attach(builder.notices),
        error: lines.attach(to: carried.isEmpty ? error : DiagnosticError(errors)))
    }
  }

  private static func build(with builder: inout KustomizeBuilder) throws -> Result {
    let (built, kustomization, vars, config) = try builder.build(".")
    var plan = BuildPlan.finish(
      order: kustomization?.sortOrder ?? .legacy(.standard), vars: vars, varReference: config.varReference,
      nameReference: config.nameReference, stringifyAnnotations: true, rewrite: .keepingStyle)
    // After the bookkeeping annotations are cleared: these are two of them, asked for.
    if let options = kustomization?.buildMetadata, !options.isEmpty {
      plan.steps.append(PlanStep("buildMetadata", .init(kind: "BuildMetadata"), BuildMetadata(options)))
    }
    var resources = built
    try plan.fold(&resources)
    // Each document is written on its own (goyaml.v2 marshals objects one by one), so the
    // stream is written in pieces on every core and joined.
    let pieces = InParallel.ranges(resources.count, minimum: 32) { [resources] range in
      var emitter = YAMLEmitter(options: .init(lineWidth: 80))
      var problems = DiagnosticCollector()
      var nodes: [Node] = []
      for i in range {
        var node = resources[i].node
        if problems.recording({ try JSONRoundTrip.canonicalize(&node) }) != nil {
          if i > 0 { emitter.appendRaw("---\n") }
          emitter.emitDocument(node)
        }
        nodes.append(node)
      }
      return (bytes: emitter.bytes, problems: problems.diagnostics, nodes: nodes)
    }
    var problems = DiagnosticCollector()
    for piece in pieces { piece.problems.forEach { problems.add($0) } }
    try problems.throwIfErrors()
    resources = zip(resources, pieces.flatMap(\.nodes)).map { resource, node in
      var resource = resource
      resource.node = node
      return resource
    }
    return Result(resources: resources, warnings: builder.warnings, output: InParallel.concatenate(pieces.map(\.bytes)))
  }
}

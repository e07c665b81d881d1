import KilnYAML

/// What to build: a project directory and an environment, with extra values.
public struct BuildRequest: Sendable {
  /// The project root, absolute.
  public var projectDirectory: String
  /// How to show project paths in diagnostics ("" or "examples/x/").
  public var displayPrefix: String
  public var environment: String
  public var values: ValueInputs
  /// The namespace to use when the environment sets none (Argo CD's destination namespace).
  public var fallbackNamespace: String?

  public init(
    projectDirectory: String, displayPrefix: String = "", environment: String, values: ValueInputs = ValueInputs(),
    fallbackNamespace: String? = nil
  ) {
    self.projectDirectory = projectDirectory
    self.displayPrefix = displayPrefix
    self.environment = environment
    self.values = values
    self.fallbackNamespace = fallbackNamespace
  }
}

/// A finished build: the objects in output order, and warnings for stderr.
public struct BuildResult: Sendable {
  public var resources: [Resource]
  public var warnings: [Diagnostic]
  public var values: EnvironmentValues

  /// The YAML stream `kiln build` prints.
  public func render(sources: Bool = false) -> [UInt8] {
    ManifestRenderer.render(resources, sources: sources)
  }
}

/// `kiln build`: the whole pipeline (see `BuildPlan+Kiln`), with no output of its own; every problem
/// comes back as diagnostics.
public enum Compiler {
  public static func build(_ request: BuildRequest, fileSystem: any FileSystem = DiskFileSystem()) throws -> BuildResult
  {
    let files = try ProjectFiles(
      fileSystem: fileSystem, root: request.projectDirectory, displayPrefix: request.displayPrefix)
    var lines = SourceLines(files: files, inputs: request.values)
    do {
      var result = try build(request, files: files)
      result.warnings = lines.attach(result.warnings)
      return result
    } catch {
      throw lines.attach(to: error)
    }
  }

  private static func build(_ request: BuildRequest, files: ProjectFiles) throws -> BuildResult {
    let components = try componentNames(files)
    let merged = try EnvironmentLoader.load(environment: request.environment, files: files, inputs: request.values)
    try ValuesSchema.check(merged, files: files)
    var values = try EnvironmentValuesDecoder.decode(merged, components: components, files: files)
    if values.namespace == nil, let fallback = request.fallbackNamespace {
      values.namespace = .string(fallback, at: .generated(by: "the fallback namespace"))
    }

    var builder = KustomizeBuilder(files: files, rules: .kilnBuild)
    var resources: [Resource] = []
    // Copies of instanced components that have a namespace of their own, kept out of the
    // environment's namespace.
    var ownNamespace: [Resource] = []
    var varScopes: [VarScope] = []
    // The name-reference rows of the base, and of each component whose configurations add some.
    var nameReference = TransformerConfig.defaults.nameReference
    var componentNameReferences: [String: [NameReferenceTable.Row]] = [:]
    var problems = DiagnosticCollector()
    if files.kind(of: "base") == .directory {
      problems.recording {
        let built = try builder.build("base")
        resources += built.resources
        varScopes.append(VarScope(vars: built.vars))
        nameReference = built.config.nameReference
      }
    }
    for name in values.enabledComponents {
      let settings = values.components[name] ?? ComponentValues()
      if settings.instances.isEmpty {
        problems.recording {
          let built = try component(name, settings, with: &builder)
          resources += built.resources
          varScopes.append(VarScope(vars: built.vars, component: name))
          componentNameReferences[name] = built.config.nameReference
        }
      }
      for instance in settings.instances where instance.enabled {
        problems.recording {
          let (copy, vars, config) = try component(name, instance, with: &builder)
          if instance.namespace == nil { resources += copy } else { ownNamespace += copy }
          varScopes.append(VarScope(vars: vars, component: name, instance: instance.label))
          componentNameReferences[name] = config.nameReference
        }
      }
    }
    try problems.throwIfErrors()
    try Generators.run(
      values.generators, in: EnvironmentLoader.directory, files: files, fence: nil, into: &resources, component: nil)
    try BuildPlan.environment(values, ownNamespace: ownNamespace).foldCollecting(&resources)
    try KustomizeBuilder.checkUnique(resources)
    try BuildPlan.finish(
      order: .legacy(.standard), scopedVars: varScopes, nameReference: nameReference,
      componentNameReferences: componentNameReferences.filter { $0.value != nameReference }
    ).fold(&resources)
    return BuildResult(resources: resources, warnings: values.warnings + builder.warnings, values: values)
  }

  /// A component built from its directory, with its environment settings.
  private static func component(_ name: String, _ settings: ComponentValues, with builder: inout KustomizeBuilder)
    throws -> (resources: [Resource], vars: VarSet, config: TransformerConfig)
  {
    let built = try builder.build("components/\(name)", component: name, generators: settings.generators)
    var own = built.resources
    try BuildPlan.component(settings).foldCollecting(&own)
    return (own, built.vars, built.config)
  }

  /// One copy of an instanced component: renamed and moved into its namespace first, so that
  /// its settings and patches see it as it will be.
  private static func component(_ name: String, _ instance: ComponentInstance, with builder: inout KustomizeBuilder)
    throws -> (resources: [Resource], vars: VarSet, config: TransformerConfig)
  {
    let built = try builder.build("components/\(name)", component: name, generators: instance.settings.generators)
    var copy = built.resources
    if let suffix = instance.nameSuffix {
      try AddNameSuffix(suffix: suffix, fieldSpecs: built.config.nameSuffix).apply(to: &copy)
    }
    if let namespace = instance.namespace {
      try SetNamespace(namespace: namespace, fieldSpecs: built.config.namespace).apply(to: &copy)
    }
    for index in copy.indices { copy[index].instance = instance.label }
    try BuildPlan.component(instance.settings).foldCollecting(&copy)
    return (copy, built.vars, built.config)
  }

  /// `kiln values`: the values an environment ends up with, every layer merged and checked as
  /// `build` checks them.
  public static func values(_ request: BuildRequest, fileSystem: any FileSystem = DiskFileSystem()) throws -> Node {
    let files = try ProjectFiles(
      fileSystem: fileSystem, root: request.projectDirectory, displayPrefix: request.displayPrefix)
    var lines = SourceLines(files: files, inputs: request.values)
    do {
      return try values(request, files: files)
    } catch {
      throw lines.attach(to: error)
    }
  }

  private static func values(_ request: BuildRequest, files: ProjectFiles) throws -> Node {
    let merged = try EnvironmentLoader.load(environment: request.environment, files: files, inputs: request.values)
    try ValuesSchema.check(merged, files: files)
    _ = try EnvironmentValuesDecoder.decode(merged, components: try componentNames(files), files: files)
    return merged
  }

  /// The directories under `components/`, sorted by byte order.
  public static func componentNames(_ files: ProjectFiles) throws -> [String] {
    guard files.kind(of: "components") == .directory else { return [] }
    let names = try files.list("components").filter { files.kind(of: "components/\($0)") == .directory }
    for name in names where EnvironmentValuesDecoder.environmentKeys.contains(name) {
      throw Diagnostic.error(
        "component directory \(files.display("components/\(name)")) has the name of an environment setting; rename it",
        at: nil)
    }
    return names
  }
}

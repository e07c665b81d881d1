import KilnYAML
import Synchronization

/// Builds directories the way Kustomize does, for both `kiln build` (each component on its own)
/// and `kiln kustomize` (one tree):
///
/// 1. `resources`, depth first in listed order: a file's objects, or a directory built whole
///    (its own generators and transformers run) and added;
/// 2. `configMapGenerator`, then `secretGenerator`;
/// 3. `components`, in order, each working on everything accumulated so far;
/// 4. the transformers, as `BuildPlan.kustomization` orders them.
///
/// Name hashes, reference updates and sorting happen once, for the whole build
/// (`BuildPlan.finish`).
struct KustomizeBuilder {
  let files: ProjectFiles
  let rules: BuildRules
  /// Deprecation notes, in the order kustomizations were read.
  var warnings: [Diagnostic] = []
  /// kiln's own warnings on input kubectl reads silently (`Kustomization.notices`).
  var notices: [Diagnostic] = []
  private var building: [String] = []
  /// Kustomizations read so far, by directory: a directory is read once however often it is
  /// named (as a resource, a component, or ahead of the build).
  private let loaded = LoadedKustomizations()
  /// Directories whose files have been handed to `files.parseAhead`.
  var parsedAhead: Set<String> = []
  /// With `buildMetadata`, the path Kustomize records for the directory being built (relative
  /// to the build root, as written); nil when nothing is recorded.
  var originBase: String?
  /// The `openapi` schema in force, once a kustomization has named one.
  var openAPI: Kustomization.OpenAPI?

  init(files: ProjectFiles, rules: BuildRules) {
    self.files = files
    self.rules = rules
  }

  /// Builds `directory` (project-relative) on its own and tags its objects with `component`.
  /// Also gives the top-level kustomization, for its `sortOptions`. `generators` run as if the
  /// directory's kustomization listed them after its own (an environment's entries for a
  /// component).
  mutating func build(
    _ directory: String, component: String? = nil, requestedBy location: SourceLocation? = nil,
    generators: [GeneratorSpec] = []
  ) throws -> (resources: [Resource], kustomization: Kustomization?, vars: VarSet, config: TransformerConfig) {
    try checkNotEnclosingABuild(directory, listedIn: "resources", at: location)
    building.append(directory)
    defer { building.removeLast() }

    guard var kustomization = try load(directory, requestedBy: location) else {
      var resources = try plainDirectory(directory, component: component, requestedBy: location)
      if !generators.isEmpty {
        var only = Kustomization(kind: .kustomization, location: generators[0].location)
        only.configMapGenerator = generators.filter { $0.kind == .configMap }
        only.secretGenerator = generators.filter { $0.kind == .secret }
        try Generators.run(
          only, in: directory, files: files, fence: fence(directory), into: &resources, component: component)
        try Self.checkUnique(resources)
      }
      return (resources, nil, VarSet(), .defaults)
    }
    kustomization.configMapGenerator += generators.filter { $0.kind == .configMap }
    kustomization.secretGenerator += generators.filter { $0.kind == .secret }
    if rules != .kustomize && !kustomization.buildMetadata.isEmpty {
      throw Diagnostic.error("buildMetadata is read by kiln kustomize only", at: kustomization.location)
    }
    if building.count == 1 { recordOriginsIfAsked(kustomization) }
    adoptSchema(of: kustomization)
    var accumulation = Accumulation()
    accumulation.sharesEntries = rules.readsAsKubectl
    try accumulate(kustomization, in: directory, into: &accumulation, component: component)
    let resources = try accumulation.finish()
    try Self.checkUnique(resources)
    return (resources, kustomization, accumulation.vars, accumulation.config)
  }

  /// The kustomization of a directory, or nil when it has none (and the rules allow that).
  func load(_ directory: String, requestedBy location: SourceLocation?) throws -> Kustomization? {
    if let known = loaded.lookup(directory) { return known }
    let kustomization = try read(directory, requestedBy: location)
    loaded.store(kustomization, for: directory)
    return kustomization
  }

  /// Kustomize refuses to build a directory that is, or holds, one it is building already (its
  /// loader's "cycle detected"): a base listing `../` would otherwise include itself.
  private func checkNotEnclosingABuild(_ directory: String, listedIn field: String, at location: SourceLocation?) throws
  {
    guard !building.isEmpty else { return }
    let candidate = try files.resolvedDirectory(directory)
    for visited in building {
      let root = try files.resolvedDirectory(visited)
      if root == candidate {
        throw Diagnostic.error("\(files.display(directory)) includes itself through its \(field)", at: location)
      }
      if root.hasPrefix(candidate == "/" ? "/" : candidate + "/") {
        throw Diagnostic.error(
          "\(files.display(directory)) holds \(files.display(visited)), which is being built: a cycle through \(field)",
          at: location)
      }
    }
  }

  /// The kustomization files `directory` has, in Kustomize's order of names.
  func kustomizationFiles(in directory: String) -> [String] {
    Kustomization.fileNames.filter { files.kind(of: join(directory, $0)) == .file }
  }

  private func read(_ directory: String, requestedBy location: SourceLocation?) throws -> Kustomization? {
    let present = kustomizationFiles(in: directory)
    if present.count > 1 {
      throw Diagnostic.error(
        "\(files.display(directory)) has more than one kustomization file (\(present.joined(separator: ", "))); keep one",
        at: location)
    }
    guard let name = present.first else {
      if rules.plainDirectories { return nil }
      // A kustomization name that is there but is no file says more than "none".
      let notAFile = Kustomization.fileNames.compactMap { name -> String? in
        let path = join(directory, name)
        if files.kind(of: path) == .directory { return "\(name) is there, but is a directory" }
        return files.isSymlink(path) ? "\(name) is there, but is a symlink that leads nowhere" : nil
      }
      throw Diagnostic.error(
        "\(files.display(directory)) has no kustomization file (one of kustomization.yaml, kustomization.yml, Kustomization)",
        at: location,
        notes: notAFile)
    }
    let file = join(directory, name)
    // Kustomize reads the first document of the file and never looks further.
    let documents = try files.parseYAML(
      file, within: fence(directory), firstDocumentOnly: true, options: rules.kustomizationReading, at: location)
    var document = documents.first ?? .null()
    var notices: [Diagnostic] = []
    if rules.readsAsKubectl {
      (document, notices) = KustomizationLeniency.apply(
        document, topLevel: KustomizationDecoder.supported + KustomizationDecoder.notSupported)
    }
    var kustomization = try KustomizationDecoder.decode(document, file: files.display(file)) { path, at in
      let resolved = try files.resolve(path, in: directory, at: at, mayLeaveRoot: rules.filesInsideTheirKustomization)
      let bytes = try files.read(resolved, within: fence(directory), at: at)
      return (String(decoding: bytes, as: UTF8.self), files.display(resolved))
    }
    kustomization.notices = notices
    if rules.readsAsKubectl { PatchLeniency.mark(&kustomization) }
    return kustomization
  }

  /// Adds what `kustomization` (in `directory`) makes to `resources` and runs its transformers
  /// over all of them. A component is accumulated into its parent's objects this way.
  private mutating func accumulate(
    _ kustomization: Kustomization, in directory: String, into accumulation: inout Accumulation, component: String?
  ) throws {
    warnings += kustomization.warnings
    notices += kustomization.notices
    parseAhead(kustomization, in: directory)
    var problems = DiagnosticCollector()
    for entry in kustomization.resources {
      problems.recording {
        let built = try buildEntry(entry, in: directory, component: component)
        accumulation.append(built.resources)
        try accumulation.vars.merge(built.vars)
        if let config = built.config { accumulation.config = try accumulation.config.merged(with: config) }
      }
    }
    try problems.throwIfErrors()
    // Kustomize merges the kustomization's own configuration after its resources' and before
    // its components': its transformers see all three.
    accumulation.config = try accumulation.config.merged(with: ownConfiguration(kustomization, in: directory))
    if !kustomization.crds.isEmpty {
      accumulation.config = try accumulation.config.merged(with: crdConfiguration(kustomization, in: directory))
    }
    try Self.checkLabelFields(kustomization, accumulation.config)
    let generators = kustomization.configMapGenerator + kustomization.secretGenerator
    if !generators.isEmpty {
      let files = files
      let fence = fence(directory)
      try accumulation.generate(
        { resources in
          try Generators.run(
            kustomization, in: directory, files: files, fence: fence, into: &resources, component: component)
        }, readsExisting: generators.contains { $0.behavior != .create })
      markGenerated(&accumulation, in: directory)
    }
    try runGeneratorPlugins(kustomization, in: directory, into: &accumulation, component: component)
    for entry in kustomization.components {
      let path = try files.resolve(
        entry.path, in: directory, at: entry.location, mayLeaveRoot: rules.filesInsideTheirKustomization)
      guard files.kind(of: path) == .directory else {
        throw Diagnostic.error("component \"\(entry.path)\" is not a directory", at: entry.location)
      }
      try checkNotEnclosingABuild(path, listedIn: "components", at: entry.location)
      guard let nested = try load(path, requestedBy: entry.location) else {
        throw Diagnostic.error("component \"\(entry.path)\" has no kustomization file", at: entry.location)
      }
      guard nested.kind == .component else {
        throw Diagnostic.error(
          "\"\(entry.path)\" is a Kustomization; only kind Component may be listed under components", at: entry.location
        )
      }
      building.append(path)
      defer { building.removeLast() }
      adoptSchema(of: nested)
      try following(entry.path) { try $0.accumulate(nested, in: path, into: &accumulation, component: component) }
    }
    let userTransformers = try pluginSteps(
      kustomization.transformers, as: .transformer, of: kustomization, in: directory)
    try accumulation.run(
      BuildPlan.kustomization(
        withSchema(kustomization), config: accumulation.config, userTransformers: userTransformers,
        rewrite: rules.scalarRewrite))
    for validator in try pluginSteps(kustomization.validators, as: .validator, of: kustomization, in: directory) {
      try accumulation.validate(validator)
    }
    markTransformed(&accumulation, by: kustomization, in: directory, plugins: userTransformers)
    if !kustomization.vars.isEmpty { try accumulation.vars.merge(kustomization.vars) }
  }

  static func isRemote(_ path: String) -> Bool {
    // "://" looked for in bytes: String.contains(String) goes through the regex engine's searcher.
    let bytes = Array(path.utf8)
    let scheme = bytes.indices.dropLast(2).contains {
      bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
    }
    return scheme || path.hasPrefix("github.com/") || path.hasPrefix("git@")
  }

  mutating func buildEntry(_ entry: Kustomization.Entry, in directory: String, component: String?) throws
    -> (resources: [Resource], vars: VarSet, config: TransformerConfig?)
  {
    if Self.isRemote(entry.path) {
      throw Diagnostic.error("remote resources are not supported: \"\(entry.path)\"", at: entry.location)
    }
    let path = try files.resolve(
      entry.path, in: directory, at: entry.location, mayLeaveRoot: rules.filesInsideTheirKustomization)
    switch files.kind(of: path) {
    case .directory:
      if let nested = try? load(path, requestedBy: entry.location), nested.kind == .component {
        throw Diagnostic.error(
          "\"\(entry.path)\" is a Component; list it under components, not resources", at: entry.location)
      }
      let built = try following(entry.path) {
        try $0.build(path, component: component, requestedBy: entry.location)
      }
      return (built.resources, built.vars, built.config)
    case .file:
      var loaded = try ResourceFile.load(
        path, files: files, within: fence(directory), dialect: rules.resourceDialect, options: rules.resourceReading,
        component: component,
        at: entry.location)
      markRead(&loaded, entry: entry.path)
      return (loaded, VarSet(), nil)
    case nil:
      if files.isSymlink(path) {
        throw Diagnostic.error(
          "resource \"\(entry.path)\" is a symlink that leads nowhere (a missing target, or a loop)", at: entry.location
        )
      }
      let siblings = (try? files.list(directory)) ?? []
      throw Diagnostic.error(
        "resource \"\(entry.path)\" does not exist", at: entry.location,
        hint: Suggestion.hint(for: Path.fileName(entry.path), among: siblings))
    }
  }

  private func plainDirectory(_ directory: String, component: String?, requestedBy location: SourceLocation?) throws
    -> [Resource]
  {
    var resources: [Resource] = []
    var problems = DiagnosticCollector()
    for name in try files.list(directory) where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      let path = join(directory, name)
      switch files.kind(of: path) {
      case .file?: break
      case .directory?: continue
      case nil:
        // A link that leads nowhere would leave its object out without a word.
        if files.isSymlink(path) {
          problems.add(
            .error("\(files.display(path)) \(files.brokenSymlink(path)); its object cannot be read", at: nil))
        }
        continue
      }
      problems.recording {
        resources += try ResourceFile.load(
          path, files: files, within: fence(directory), dialect: rules.resourceDialect, options: rules.resourceReading,
          component: component, at: nil)
      }
    }
    try problems.throwIfErrors()
    try Self.checkUnique(resources)
    return resources
  }

  /// Two objects with one id (Kustomize: "may not add resource with an already registered
  /// id"), checked once per directory build rather than on every addition. No namespace and
  /// `default` are one namespace there, and a cluster-scoped object has none whatever it says.
  static func checkUnique(_ resources: [Resource]) throws {
    var seen: [ResourceID: Int] = [:]
    seen.reserveCapacity(resources.count)
    var problems = DiagnosticCollector()
    for index in resources.indices {
      var id = resources[index].id
      if ClusterScope.isClusterScoped(resources[index]) {
        id.namespace = ""
      } else if id.namespace.isEmpty {
        id.namespace = "default"
      }
      if let first = seen[id] {
        // The same place twice: one file read twice (listed twice, or reached two ways).
        let sameFile = resources[index].location == resources[first].location
        let (this, other) = (resources[index], resources[first])
        if let component = this.component, this.instance != nil, other.instance != nil, this.instance != other.instance
        {
          problems.add(
            .error(
              "\(this.id) is made by two instances of component \"\(component)\" (\(other.instance ?? "") and \(this.instance ?? ""))",
              at: this.location,
              hint: "give each instance a nameSuffix, or a namespace of its own if the object is namespaced"))
          continue
        }
        problems.add(
          .error(
            sameFile
              ? "\(resources[index].id) is added twice: \(resources[index].location.file) is listed twice, or reached two ways"
              : "\(resources[index].id) is defined twice",
            at: resources[index].location,
            notes: sameFile ? [] : ["first defined at \(resources[first].location)"]))
      } else {
        seen[id] = index
      }
    }
    try problems.throwIfErrors()
  }

  /// The directory a kustomization's files must stay inside.
  func fence(_ directory: String) -> String? {
    rules.filesInsideTheirKustomization ? directory : nil
  }

  func join(_ directory: String, _ name: String) -> String {
    directory == "." ? name : directory + "/" + name
  }
}

/// The kustomizations a builder has read (nil: a directory without one), shared by its copies.
private final class LoadedKustomizations: Sendable {
  private let byDirectory = Mutex<[String: Kustomization?]>([:])

  func lookup(_ directory: String) -> Kustomization?? { byDirectory.withLock { $0[directory] } }
  func store(_ kustomization: Kustomization?, for directory: String) {
    byDirectory.withLock { $0[directory] = .some(kustomization) }
  }
}

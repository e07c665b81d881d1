import KilnYAML

/// `configMapGenerator` and `secretGenerator`: objects made from literals, files and env files.
///
/// Runs after a kustomization's `resources` and before its components and transformers: every
/// `configMapGenerator` entry in order, then every `secretGenerator` entry. For each entry:
/// 1. the file's `generatorOptions` are merged into the entry's `options`;
/// 2. its settings are checked and passed on as Kustomize passes them (`GeneratorSettings`);
/// 3. its pairs are read (`GeneratorSources`) and a key given twice is an error;
/// 4. the object is built (`GeneratedObject`), its keys are checked, and it is added, merged
///    or replaced (`GeneratorBehavior`).
///
/// Objects that want a content hash are marked `needsHashSuffix`; the hash itself is added at
/// the end of the whole build (`AddHashSuffixes`), after every transformer.
enum Generators {
  static func run(
    _ kustomization: Kustomization, in directory: String, files: ProjectFiles, fence: String?,
    into resources: inout [Resource], component: String?
  ) throws {
    let specs = kustomization.configMapGenerator + kustomization.secretGenerator
    guard !specs.isEmpty else { return }
    let kustomizationSource = kustomizationFile(in: directory, files: files)
    var problems = DiagnosticCollector()
    // Entries that failed, so that a later merge into them is not reported as a second problem.
    var failed: Set<ResourceID> = []
    for written in specs {
      var entryProblems = DiagnosticCollector()
      let merged = GeneratorOptions.merging(written.options, global: kustomization.generatorOptions)
      GeneratorSettings.check(written, options: merged, problems: &entryProblems)
      let (spec, options) = GeneratorSettings.received(written, options: merged)
      let sources = GeneratorSources(files: files, directory: written.declaredIn?.directory ?? directory, fence: fence)
      let pairs = sources.pairs(of: spec, problems: &entryProblems)
      GeneratorSources.checkUnique(pairs, kind: spec.kind, name: spec.name, problems: &entryProblems)
      let node = GeneratedObject.make(spec, pairs: pairs, options: options)
      entryProblems.recording { try GeneratorSettings.checkKeys(of: node) }

      var resource = Resource(
        node: node, sourcePath: written.declaredIn?.file ?? kustomizationSource, component: component)
      resource.isGenerated = true
      resource.needsHashSuffix = options.addsHashSuffix
      let id = resource.id
      if entryProblems.hasErrors {
        entryProblems.diagnostics.forEach { problems.add($0) }
        failed.insert(id)
        continue
      }
      if spec.behavior != .create, failed.contains(id) { continue }
      problems.recording {
        try GeneratorBehavior.absorb(
          resource, behavior: spec.behavior, addsHash: options.addsHashSuffix, at: spec.location, into: &resources)
      }
    }
    try problems.throwIfErrors()
  }

  /// The kustomization file of `directory`, project-relative: the generated objects' source.
  private static func kustomizationFile(in directory: String, files: ProjectFiles) -> String {
    let name =
      Kustomization.fileNames.first { files.kind(of: Path.join(directory, $0)) == .file } ?? Kustomization.fileNames[0]
    return directory == "." ? name : directory + "/" + name
  }
}

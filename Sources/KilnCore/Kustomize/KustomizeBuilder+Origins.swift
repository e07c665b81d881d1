import KilnYAML

/// What `buildMetadata` needs recorded as a build goes: where each object came from, and which
/// transformers ran over it. Nothing is recorded unless the top kustomization asks
/// (`originBase` is nil then), so other builds pay nothing.
extension KustomizeBuilder {
  /// Starts recording when the kustomization at the root of the build sets `buildMetadata`.
  mutating func recordOriginsIfAsked(_ top: Kustomization) {
    if !top.buildMetadata.isEmpty { originBase = "" }
  }

  /// Runs `body` with the recorded path extended by `entry` (a base or component as written),
  /// as Kustomize appends each path it follows to the origin it passes down.
  mutating func following<T>(_ entry: String, _ body: (inout KustomizeBuilder) throws -> T) rethrows -> T {
    guard let base = originBase else { return try body(&self) }
    originBase = Origin.join(base, entry)
    defer { originBase = base }
    return try body(&self)
  }

  /// Marks objects read from the file `entry` (as written) with their path.
  func markRead(_ resources: inout [Resource], entry: String) {
    guard let base = originBase else { return }
    let origin = Origin.file(Origin.join(base, entry))
    for index in resources.indices { resources[index].origins = [origin] }
  }

  /// The kustomization file of `directory` as Kustomize records it: relative to the build root.
  func configuredIn(_ directory: String, base: String) -> String {
    Origin.join(base, kustomizationFiles(in: directory).first ?? Kustomization.fileNames[0])
  }

  /// Marks the objects the generators of `directory` just made (those with no origin yet, or
  /// the one a `behavior: replace` generator left to be filled in).
  func markGenerated(_ accumulation: inout Accumulation, in directory: String) {
    guard let base = originBase else { return }
    let file = configuredIn(directory, base: base)
    accumulation.updateEach { resource in
      guard resource.origins.first.map({ $0 == .replaced }) ?? true else { return }
      let generator = resource.kind == "Secret" ? "SecretGenerator" : "ConfigMapGenerator"
      resource.origins = [.builtin(generator, in: file)] + resource.origins.dropFirst()
    }
  }

  /// Marks the objects the generator plugin `config` just made (those with no origin yet):
  /// Kustomize records the file the configuration came from (the kustomization itself for an
  /// inline one) and the configuration's identity.
  func markGenerated(_ accumulation: inout Accumulation, by config: Resource, in directory: String) {
    guard let base = originBase else { return }
    let origin = Origin.plugin(config, in: config.origins.first?.path ?? configuredIn(directory, base: base))
    accumulation.updateEach { resource in
      guard resource.origins.first.map({ $0 == .replaced }) ?? true else { return }
      resource.origins = [origin] + resource.origins.dropFirst()
    }
  }

  /// Records the transformers of `kustomization` on every object accumulated so far: its
  /// fields' builtin ones, then its `transformers:` list (`plugins`), each by the file that
  /// configures it.
  func markTransformed(
    _ accumulation: inout Accumulation, by kustomization: Kustomization, in directory: String, plugins: [PlanStep]
  ) {
    guard let base = originBase else { return }
    let file = configuredIn(directory, base: base)
    let origins =
      BuildMetadata.transformerKinds(of: kustomization).map { Origin.builtin($0, in: file) }
      + plugins.map { Origin.plugin($0.configuredBy, in: $0.configuredBy.file ?? file) }
    guard !origins.isEmpty else { return }
    accumulation.updateEach { $0.origins += origins }
  }

  /// Where Kustomize records a plugin configuration to be when `buildMetadata` asks: the file
  /// it was read from, or for one written inline, the kustomization file; nil otherwise.
  func recordedIn(_ config: Resource, in directory: String) -> String? {
    guard let base = originBase else { return nil }
    return config.origins.first?.path ?? configuredIn(directory, base: base)
  }
}

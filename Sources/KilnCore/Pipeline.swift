/// The order of `kiln build`, in one place.
///
/// 1. values are loaded and checked (`EnvironmentLoader`, `EnvironmentValuesDecoder`);
/// 2. `base/` and each enabled component are built from their own directories, each with its
///    own kustomization (its labels, images … touch its own objects only);
/// 3. each component's environment settings, in `componentStages` order (its generators
///    run with its own kustomization's, in step 2);
/// 4. the environment's own generators, then environment-wide settings, in
///    `environmentStages` order;
/// 5. duplicate objects are refused, then objects are sorted (`LegacyOrder`) and emitted.
public enum Pipeline {
  public struct Stage<Input>: Sendable {
    public let name: String
    let transforms: @Sendable (Input) -> [any Transform]
  }

  /// Per-component settings. Replicas and images first (they pick objects by kind and image
  /// as written in the component), then container and pod settings.
  public static let componentStages: [Stage<ComponentValues>] = [
    Stage(name: "replicas") { v in v.setting("replicas").map { [SetComponentReplicas($0)] } ?? [] },
    Stage(name: "image") { v in
      v.image.map { [SetComponentImage($0.setting, repository: $0.repository, tag: $0.tag, digest: $0.digest)] } ?? []
    },
    Stage(name: "images") { v in v.images.isEmpty ? [] : [SetImages(overrides: v.images)] },
    Stage(name: "resources") { v in v.setting("resources").map { [MergeContainerResources($0)] } ?? [] },
    Stage(name: "env") { v in v.setting("env").map { [MergeContainerEnv($0)] } ?? [] },
    Stage(name: "nodeSelector") { v in v.setting("nodeSelector").map { [SetPodScheduling(.nodeSelector, $0)] } ?? [] },
    Stage(name: "tolerations") { v in v.setting("tolerations").map { [SetPodScheduling(.tolerations, $0)] } ?? [] },
    Stage(name: "affinity") { v in v.setting("affinity").map { [SetPodScheduling(.affinity, $0)] } ?? [] },
    Stage(name: "podAnnotations") { v in v.setting("podAnnotations").map { [AddPodMetadata(.annotations, $0)] } ?? [] },
    Stage(name: "podLabels") { v in v.setting("podLabels").map { [AddPodMetadata(.labels, $0)] } ?? [] },
    // Last, so that a patch sees, and has the final word over, everything the settings did.
    Stage(name: "patches") { v in v.patches.isEmpty ? [] : [ApplyPatches(patches: v.patches)] },
  ]

  /// Environment-wide settings, in Kustomize's own transformer order (namespace, labels,
  /// commonLabels, annotations, images), so that an environment file means what the same
  /// keys mean in a top-level kustomization.
  public static let environmentStages: [Stage<EnvironmentValues>] = [
    Stage(name: "namespace") { v in v.namespace.map { [SetNamespace(namespace: $0)] } ?? [] },
    Stage(name: "labels") { v in v.labels.isEmpty ? [] : [AddLabels(labels: v.labels, reach: .templates)] },
    Stage(name: "commonLabels") { v in
      v.commonLabels.isEmpty ? [] : [AddLabels(labels: v.commonLabels, reach: .selectors)]
    },
    Stage(name: "commonAnnotations") { v in
      v.commonAnnotations.isEmpty ? [] : [AddAnnotations(annotations: v.commonAnnotations)]
    },
    Stage(name: "images") { v in v.images.isEmpty ? [] : [SetImages(overrides: v.images)] },
    Stage(name: "patches") { v in v.patches.isEmpty ? [] : [ApplyPatches(patches: v.patches)] },
  ]

  /// The environment-wide settings over `resources`, then `ownNamespace` (copies of instanced
  /// components that have a namespace of their own) joins them for every setting but the
  /// namespace, which comes first.
  static func runEnvironmentStages(
    _ values: EnvironmentValues, on resources: inout [Resource], keepingTheirNamespace ownNamespace: [Resource]
  ) throws {
    let (namespace, rest) = (environmentStages.prefix(1), environmentStages.dropFirst())
    assert(namespace.first?.name == "namespace", "the namespace stage must stay first")
    try run(Array(namespace), values, on: &resources)
    resources += ownNamespace
    try run(Array(rest), values, on: &resources)
  }

  static func run<Input>(_ stages: [Stage<Input>], _ input: Input, on resources: inout [Resource]) throws {
    var problems = DiagnosticCollector()
    for stage in stages {
      for transform in stage.transforms(input) {
        problems.recording { try transform.apply(to: &resources) }
      }
    }
    try problems.throwIfErrors()
  }
}

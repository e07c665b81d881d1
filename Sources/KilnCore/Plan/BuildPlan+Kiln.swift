/// The order of `kiln build`:
///
/// 1. values are loaded and checked (`EnvironmentLoader`, `EnvironmentValuesDecoder`);
/// 2. `base/` and each enabled component are built from their own directories, each with its
///    own kustomization (its labels, images … touch its own objects only);
/// 3. each component's environment settings, in `componentStages` order (its generators
///    run with its own kustomization's, in step 2);
/// 4. the environment's own generators, then environment-wide settings, in
///    `environmentStages` order;
/// 5. duplicate objects are refused, then the final plan (`BuildPlan.finish`).
extension BuildPlan {
  struct Stage<Input>: Sendable {
    let name: String
    let transforms: @Sendable (Input) -> [any Transform]
  }

  /// Per-component settings. Replicas and images first (they pick objects by kind and image
  /// as written in the component), then container and pod settings.
  static let componentStages: [Stage<ComponentValues>] = [
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
  /// keys mean in a top-level kustomization. Copies of instanced components that have a
  /// namespace of their own join right after the namespace: every other setting is theirs too.
  static let environmentStages: [Stage<EnvironmentStageInput>] = [
    Stage(name: "namespace") { v in v.values.namespace.map { [SetNamespace(namespace: $0)] } ?? [] },
    Stage(name: "ownNamespaceCopies") { v in v.ownNamespace.isEmpty ? [] : [JoinObjects(objects: v.ownNamespace)] },
    Stage(name: "labels") { v in v.values.labels.isEmpty ? [] : [AddLabels(labels: v.values.labels, reach: .templates)]
    },
    Stage(name: "commonLabels") { v in
      v.values.commonLabels.isEmpty ? [] : [AddLabels(labels: v.values.commonLabels, reach: .selectors)]
    },
    Stage(name: "commonAnnotations") { v in
      v.values.commonAnnotations.isEmpty ? [] : [AddAnnotations(annotations: v.values.commonAnnotations)]
    },
    Stage(name: "images") { v in v.values.images.isEmpty ? [] : [SetImages(overrides: v.values.images)] },
    Stage(name: "patches") { v in v.values.patches.isEmpty ? [] : [ApplyPatches(patches: v.values.patches)] },
  ]

  struct EnvironmentStageInput: Sendable {
    var values: EnvironmentValues
    /// Copies of instanced components that have a namespace of their own.
    var ownNamespace: [Resource]
  }

  /// A component's (or a component instance's) environment settings.
  static func component(_ settings: ComponentValues) -> BuildPlan {
    plan(componentStages, settings, kind: "ComponentSettings")
  }

  /// The environment-wide settings; `ownNamespace` joins the objects after the namespace.
  static func environment(_ values: EnvironmentValues, ownNamespace: [Resource]) -> BuildPlan {
    plan(
      environmentStages, EnvironmentStageInput(values: values, ownNamespace: ownNamespace), kind: "EnvironmentSettings")
  }

  private static func plan<Input>(_ stages: [Stage<Input>], _ input: Input, kind: String) -> BuildPlan {
    BuildPlan(
      stages.flatMap { stage in
        stage.transforms(input).map { PlanStep(stage.name, .init(apiVersion: "kiln", kind: kind), $0) }
      })
  }
}

/// Adds objects made elsewhere to the build, at its place in a plan.
struct JoinObjects: Transform {
  var name: String { "JoinObjects" }
  let objects: [Resource]

  func apply(to resources: inout [Resource]) throws { resources += objects }
}

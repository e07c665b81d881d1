public import KilnYAML

/// The order of a build, as data: the steps a kustomization's transformers, a user's
/// `transformers:` list, `kiln build`'s component and environment settings, or the final
/// passes run, in order. Every ordering decision is made where a plan is built
/// (`BuildPlan+Kustomize`, `BuildPlan+Kiln`, `BuildPlan+Finish`); who runs a plan decides only
/// how (in turn with `fold`, or batched by `Accumulation`), never what comes first.
public struct BuildPlan: Sendable {
  public var steps: [PlanStep]

  public init(_ steps: [PlanStep] = []) { self.steps = steps }

  /// The steps' names, in order: what the plan tests pin.
  public var names: [String] { steps.map(\.name) }

  /// Runs every step in turn over `resources`: the plain meaning of a plan, which every batched
  /// execution must reproduce. Each step's problems are collected; the first failing step
  /// stops the plan.
  public func fold(_ resources: inout [Resource]) throws {
    for step in steps {
      try step.transform.apply(to: &resources)
    }
  }

  /// The same, going on after a failing step and throwing every step's problems at the end
  /// (`kiln build` reports every setting that went wrong at once).
  func foldCollecting(_ resources: inout [Resource]) throws {
    var problems = DiagnosticCollector()
    for step in steps {
      problems.recording { try step.transform.apply(to: &resources) }
    }
    try problems.throwIfErrors()
  }

  public static func + (lhs: BuildPlan, rhs: BuildPlan) -> BuildPlan { BuildPlan(lhs.steps + rhs.steps) }
}

/// One step of a plan: a transform, the name the plan gives it, and what configured it.
public struct PlanStep: Sendable {
  /// The field or stage the step comes from (`commonLabels`, `patches`, `transformers`).
  public var name: String
  /// What configured it, as Kustomize records it in `alpha.config.kubernetes.io/transformations`
  /// (`buildMetadata: [transformerAnnotations]`).
  public var configuredBy: Configuration
  public var transform: any Transform

  public init(_ name: String, _ configuredBy: Configuration, _ transform: any Transform) {
    self.name = name
    self.configuredBy = configuredBy
    self.transform = transform
  }

  /// Kustomize's name for a transformer configuration: a built-in kind (apiVersion `builtin`)
  /// for a kustomization's own fields, or a plugin configuration's apiVersion, kind and name.
  public struct Configuration: Sendable, Equatable {
    public var apiVersion: String
    public var kind: String
    public var name: String?
    public var namespace: String?
    /// The file that holds the configuration (a kustomization, or a plugin's file), as shown.
    public var file: String?

    public init(
      apiVersion: String = "builtin", kind: String, name: String? = nil, namespace: String? = nil, file: String? = nil
    ) {
      self.apiVersion = apiVersion
      self.kind = kind
      self.name = name
      self.namespace = namespace
      self.file = file
    }
  }
}

/// How a transform may be run in a batch with others (`Accumulation`). A step's batching is
/// data the transform declares; a batch runner must give what `BuildPlan.fold` gives.
public enum Batching: Sendable {
  /// Runs as it comes, over every object: it may rename, move, add or delete anything.
  case none
  /// Sets `entries` in the mapping at each of `specs` (labels, annotations) and touches
  /// nothing else, so it can wait, merged with the steps after it, until something must see
  /// its effect.
  case setEntries([MapEntry], specs: [FieldSpec])
  /// Sets `spec.replicas` of scalable objects found by their names.
  case replicaCounts(SetReplicas)
  /// Rewrites the images of containers found by image name.
  case images(SetImages)
  /// Binds `vars` to the objects they name, found by id; changes no object's content.
  case varBinding(BindVars)
  /// Copies values between fields of objects found by name or kind through an index kept
  /// across components; waits for queued steps only when their fields meet its own.
  case replacements(ApplyReplacements)
}

extension Transform {
  public var batching: Batching { .none }
}

public import KilnYAML

/// A `kustomization.yaml` (kind Kustomization or Component), decoded and checked.
public struct Kustomization: Sendable {
  public enum Kind: String, Sendable { case kustomization = "Kustomization", component = "Component" }

  /// A path listed in `resources` or `components`, with where it was written.
  public struct Entry: Sendable {
    public var path: String
    public var location: SourceLocation
  }

  /// One `labels:` entry.
  public struct LabelSet: Sendable {
    public var pairs: [MapEntry]
    public var includeSelectors: Bool
    public var includeTemplates: Bool
    public var fields: [FieldSpec]
  }

  public var kind: Kind
  /// The file, as the user sees it.
  public var location: SourceLocation
  public var resources: [Entry] = []
  public var namespace: Node?
  public var commonLabels: [MapEntry] = []
  public var labels: [LabelSet] = []
  public var commonAnnotations: [MapEntry] = []
  public var images: [ImageOverride] = []
  public var replicas: [SetReplicas.Count] = []
  /// Deprecation notes, printed on stderr as kubectl prints them.
  public var warnings: [Diagnostic] = []

  public init(kind: Kind, location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// The transformers of this kustomization, in Kustomize's fixed order (whatever the order
  /// of keys in the file): namespace, each `labels` entry, `commonLabels`,
  /// `commonAnnotations`, `replicas`, each `images` entry.
  public var transforms: [any Transform] {
    var steps: [any Transform] = []
    if let namespace { steps.append(SetNamespace(namespace: namespace)) }
    for set in labels {
      let reach: AddLabels.Reach = set.includeSelectors ? .selectors : set.includeTemplates ? .templates : .metadataOnly
      steps.append(AddLabels(labels: set.pairs, reach: reach, extraFields: set.fields))
    }
    if !commonLabels.isEmpty { steps.append(AddLabels(labels: commonLabels, reach: .selectors)) }
    if !commonAnnotations.isEmpty { steps.append(AddAnnotations(annotations: commonAnnotations)) }
    if !replicas.isEmpty { steps.append(SetReplicas(counts: replicas)) }
    if !images.isEmpty { steps.append(SetImages(overrides: images)) }
    return steps
  }

  /// The file names Kustomize looks for, in its order.
  public static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]
}

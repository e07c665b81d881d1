public import KilnYAML

/// Adds annotations to objects' metadata and to their pod templates (`commonAnnotations`).
/// Existing keys are overwritten.
public struct AddAnnotations: Transform {
  public var name: String { "AddAnnotations" }
  public var batching: Batching { .setEntries(annotations, specs: fieldSpecs) }

  public var annotations: [MapEntry]
  /// Where they go: `commonAnnotations` of the kustomization's configuration, or an
  /// AnnotationsTransformer's own `fieldSpecs`.
  public var fieldSpecs: [FieldSpec]

  public init(annotations: [MapEntry], fieldSpecs: [FieldSpec] = FieldSpecs.annotations) {
    self.annotations = annotations
    self.fieldSpecs = fieldSpecs
  }

  public func apply(to resources: inout [Resource]) throws {
    try FieldPath.setEntries(annotations, at: fieldSpecs, in: &resources, transform: name)
  }
}

public import KilnYAML

/// Adds labels to objects, at the field specs chosen by how far they should reach.
///
/// - `commonLabels`, and `labels` with `includeSelectors`: metadata, pod templates and
///   selectors (so Services keep selecting their pods; but selectors are immutable, so a
///   change later means recreating the workload);
/// - `labels` with `includeTemplates`: metadata and pod templates;
/// - plain `labels`: `metadata.labels` only.
/// Existing keys are overwritten. Values are always strings.
public struct AddLabels: Transform {
  public var name: String { "AddLabels" }

  public var labels: [MapEntry]
  public var fieldSpecs: [FieldSpec]

  public init(labels: [MapEntry], fieldSpecs: [FieldSpec]) {
    self.labels = labels
    self.fieldSpecs = fieldSpecs
  }

  public enum Reach: Sendable { case metadataOnly, templates, selectors }

  public init(labels: [MapEntry], reach: Reach, extraFields: [FieldSpec] = []) {
    let specs: [FieldSpec]
    switch reach {
    case .metadataOnly: specs = FieldSpecs.metadataLabels
    case .templates: specs = FieldSpecs.metadataLabels + FieldSpecs.templateLabels
    case .selectors: specs = FieldSpecs.commonLabels
    }
    self.init(labels: labels, fieldSpecs: specs + extraFields)
  }

  public func apply(to resources: inout [Resource]) throws {
    try FieldPath.setEntries(labels, at: fieldSpecs, in: &resources, transform: name)
  }
}

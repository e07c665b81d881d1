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
  public var batching: Batching { .setEntries(labels, specs: fieldSpecs) }

  public var labels: [MapEntry]
  public var fieldSpecs: [FieldSpec]

  public init(labels: [MapEntry], fieldSpecs: [FieldSpec]) {
    self.labels = labels
    self.fieldSpecs = fieldSpecs
  }

  public enum Reach: Sendable { case metadataOnly, templates, selectors }

  public init(labels: [MapEntry], reach: Reach, extraFields: [FieldSpec] = []) {
    self.init(labels: labels, reach: reach, config: .defaults, extraFields: extraFields)
  }

  /// The same with the label fields of a kustomization's configuration.
  public init(labels: [MapEntry], reach: Reach, config: TransformerConfig, extraFields: [FieldSpec] = []) {
    let specs: [FieldSpec]
    switch reach {
    case .metadataOnly: specs = FieldSpecs.metadataLabels
    case .templates: specs = FieldSpecs.metadataLabels + config.templateLabels
    case .selectors: specs = config.commonLabels
    }
    self.init(labels: labels, fieldSpecs: specs + extraFields)
  }

  /// The field specs of a `labels` entry with `fields` of its own, as Kustomize merges them:
  /// the entry's specs first, then the configuration's `labels` specs, then each default
  /// unless one of them already stands for it (the same path, for kinds the default selects);
  /// standing for it with another `create` is an error ("conflicting fieldspecs").
  static func fieldSpecs(
    includeSelectors: Bool, includeTemplates: Bool, custom: [FieldSpec], config: TransformerConfig = .defaults
  ) throws -> [FieldSpec] {
    let custom = try merge(
      config.labels, into: custom, failing: "the labels entry's fields", against: "the configurations' labels spec")
    if includeSelectors { return try merge(config.commonLabels, into: custom, failing: "the labels' fields") }
    var specs = try merge(FieldSpecs.metadataLabels, into: custom, failing: "the labels' fields")
    if includeTemplates {
      specs = try merge(config.templateLabels, into: specs, failing: "the template label fields")
    }
    return specs
  }

  private static func merge(
    _ defaults: [FieldSpec], into specs: [FieldSpec], failing what: String,
    against other: String = "Kustomize's own spec"
  ) throws -> [FieldSpec] {
    var merged = specs
    for spec in defaults {
      guard let same = merged.first(where: { $0.path == spec.path && $0.isSelected(by: spec) }) else {
        merged.append(spec)
        continue
      }
      if same.create != spec.create {
        throw Diagnostic.error(
          "\(what) conflict with \(other) for \(spec.pathDescription)\(spec.kind.map { " (\($0))" } ?? ""): one creates the field, the other does not",
          at: nil)
      }
    }
    return merged
  }

  public func apply(to resources: inout [Resource]) throws {
    try FieldPath.setEntries(labels, at: fieldSpecs, in: &resources, transform: name)
  }
}

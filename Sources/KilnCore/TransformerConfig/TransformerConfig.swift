import KilnYAML

/// Where each built-in transform reads and writes, as data: Kustomize's `TransformerConfig`.
///
/// Every kustomization starts from `defaults` (Kustomize's `builtinpluginconsts` tables),
/// merged with its own `configurations:` files and with the configurations of every
/// kustomization it includes; its built-in transforms (namespace, prefix and suffix, labels,
/// annotations, images, replicas) read their field specs here, and the reference update at the
/// end of the build reads the top-level `nameReference` rows.
public struct TransformerConfig: Sendable, Equatable {
  public var namePrefix: [FieldSpec]
  public var nameSuffix: [FieldSpec]
  public var namespace: [FieldSpec]
  public var commonLabels: [FieldSpec]
  /// Where every `labels` entry reaches besides its own fields (Kustomize has no defaults here).
  public var labels: [FieldSpec]
  /// Pod-template label fields: where `labels` with `includeTemplates` reaches.
  public var templateLabels: [FieldSpec]
  public var commonAnnotations: [FieldSpec]
  public var images: [FieldSpec]
  public var replicas: [FieldSpec]
  /// Where `$(VAR)` references are substituted (the vars transform reads these).
  public var varReference: [FieldSpec]
  /// For each kind of object that can be renamed, the fields of other objects naming it.
  public var nameReference: [NameReferenceTable.Row]

  public init(
    namePrefix: [FieldSpec] = [], nameSuffix: [FieldSpec] = [], namespace: [FieldSpec] = [],
    commonLabels: [FieldSpec] = [], labels: [FieldSpec] = [], templateLabels: [FieldSpec] = [],
    commonAnnotations: [FieldSpec] = [],
    images: [FieldSpec] = [], replicas: [FieldSpec] = [], varReference: [FieldSpec] = [],
    nameReference: [NameReferenceTable.Row] = []
  ) {
    self.namePrefix = namePrefix
    self.nameSuffix = nameSuffix
    self.namespace = namespace
    self.commonLabels = commonLabels
    self.labels = labels
    self.templateLabels = templateLabels
    self.commonAnnotations = commonAnnotations
    self.images = images
    self.replicas = replicas
    self.varReference = varReference
    self.nameReference = nameReference
  }

  /// Kustomize's built-in configuration, as every kustomization sees it: sorted, since
  /// Kustomize merges it into an empty configuration first.
  public static let defaults = (try? TransformerConfig().merging(builtin.sortedLists())) ?? builtin

  /// Kustomize's built-in tables, in their written order.
  static let builtin = TransformerConfig(
    namePrefix: BuiltinFieldSpecs.name,
    nameSuffix: BuiltinFieldSpecs.name,
    namespace: BuiltinFieldSpecs.namespace,
    commonLabels: FieldSpecs.commonLabels,
    templateLabels: FieldSpecs.templateLabels,
    commonAnnotations: FieldSpecs.annotations,
    images: FieldSpecs.images,
    replicas: BuiltinFieldSpecs.replicas,
    varReference: BuiltinFieldSpecs.varReference,
    nameReference: NameReferenceTable.rows)
}

import KilnYAML

/// `namePrefix`: prepended to the name of every object but CRDs, Namespaces and APIServices
/// (`NameAffix`). References to the renamed objects are updated at the end of the build
/// (`UpdateNameReferences`).
public struct AddNamePrefix: Transform {
  public var name: String { "AddNamePrefix" }

  public var prefix: Node

  /// Where it goes: `namePrefix` of the kustomization's configuration, or a
  /// PrefixSuffixTransformer's own `fieldSpecs`.
  public var fieldSpecs: [FieldSpec]

  public init(prefix: Node, fieldSpecs: [FieldSpec] = BuiltinFieldSpecs.name) {
    self.prefix = prefix
    self.fieldSpecs = fieldSpecs
  }

  public func apply(to resources: inout [Resource]) throws {
    try NameAffix.apply(prefix, side: .prefix, specs: fieldSpecs, to: &resources)
  }
}

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
  /// How the new names are written (`ScalarRewrite`).
  public var rewrite: ScalarRewrite

  public init(prefix: Node, fieldSpecs: [FieldSpec] = BuiltinFieldSpecs.name, rewrite: ScalarRewrite = .asString) {
    self.prefix = prefix
    self.fieldSpecs = fieldSpecs
    self.rewrite = rewrite
  }

  public func apply(to resources: inout [Resource]) throws {
    try NameAffix.apply(prefix, side: .prefix, specs: fieldSpecs, writing: rewrite, to: &resources)
  }
}

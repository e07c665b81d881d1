import KilnYAML

/// `nameSuffix`: appended to the name of every object but CRDs, Namespaces and APIServices
/// (`NameAffix`), before any content hash (`cfg-v2-5ccmfdht2m`). References to the renamed
/// objects are updated at the end of the build (`UpdateNameReferences`).
public struct AddNameSuffix: Transform {
  public var name: String { "AddNameSuffix" }

  public var suffix: Node

  /// Where it goes: `nameSuffix` of the kustomization's configuration, or a
  /// PrefixSuffixTransformer's own `fieldSpecs`.
  public var fieldSpecs: [FieldSpec]
  /// How the new names are written (`ScalarRewrite`).
  public var rewrite: ScalarRewrite

  public init(suffix: Node, fieldSpecs: [FieldSpec] = BuiltinFieldSpecs.name, rewrite: ScalarRewrite = .asString) {
    self.suffix = suffix
    self.fieldSpecs = fieldSpecs
    self.rewrite = rewrite
  }

  public func apply(to resources: inout [Resource]) throws {
    try NameAffix.apply(suffix, side: .suffix, specs: fieldSpecs, writing: rewrite, to: &resources)
  }
}

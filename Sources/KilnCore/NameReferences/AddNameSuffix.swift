import KilnYAML

/// `nameSuffix`: appended to the name of every object but CRDs, Namespaces and APIServices
/// (`NameAffix`), before any content hash (`cfg-v2-5ccmfdht2m`). References to the renamed
/// objects are updated at the end of the build (`UpdateNameReferences`).
public struct AddNameSuffix: Transform {
  public var name: String { "AddNameSuffix" }

  public var suffix: Node

  public init(suffix: Node) { self.suffix = suffix }

  public func apply(to resources: inout [Resource]) throws {
    NameAffix.apply(suffix, side: .suffix, to: &resources)
  }
}

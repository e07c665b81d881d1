import KilnYAML

/// `namePrefix`: prepended to the name of every object but CRDs, Namespaces and APIServices
/// (`NameAffix`). References to the renamed objects are updated at the end of the build
/// (`UpdateNameReferences`).
public struct AddNamePrefix: Transform {
  public var name: String { "AddNamePrefix" }

  public var prefix: Node

  public init(prefix: Node) { self.prefix = prefix }

  public func apply(to resources: inout [Resource]) throws {
    NameAffix.apply(prefix, side: .prefix, to: &resources)
  }
}

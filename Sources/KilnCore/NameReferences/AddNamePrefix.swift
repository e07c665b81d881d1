import KilnYAML

/// `namePrefix`: prepended to the name of every object but CRDs, Namespaces and APIServices.
public struct AddNamePrefix: Transform {
  public var name: String { "AddNamePrefix" }

  public var prefix: Node

  public init(prefix: Node) { self.prefix = prefix }

  public func apply(to resources: inout [Resource]) throws {
    guard prefix.string?.isEmpty == false else { return }
    throw Diagnostic.error("namePrefix is not supported by kiln yet", at: prefix.location)
  }
}

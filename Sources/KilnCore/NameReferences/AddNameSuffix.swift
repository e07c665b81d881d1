import KilnYAML

/// `nameSuffix`: appended to the name of every object but CRDs, Namespaces and APIServices.
public struct AddNameSuffix: Transform {
  public var name: String { "AddNameSuffix" }

  public var suffix: Node

  public init(suffix: Node) { self.suffix = suffix }

  public func apply(to resources: inout [Resource]) throws {
    guard suffix.string?.isEmpty == false else { return }
    throw Diagnostic.error("nameSuffix is not supported by kiln yet", at: suffix.location)
  }
}

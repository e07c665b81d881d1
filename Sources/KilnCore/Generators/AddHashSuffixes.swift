import KilnYAML

/// Appends the content hash to the name of every generated object that wants one.
public struct AddHashSuffixes: Transform {
  public var name: String { "AddHashSuffixes" }

  public init() {}

  public func apply(to resources: inout [Resource]) throws {
    guard let first = resources.first(where: \.needsHashSuffix) else { return }
    throw Diagnostic.error("name hashes are not supported by kiln yet", at: first.location)
  }
}

import KilnYAML

/// Appends the content hash to the name of every generated object that wants one:
/// `<current name>-<hash>` (`NameHash`), so prefixes and suffixes come before the hash
/// (`p-cfg-v2-5ccmfdht2m`).
///
/// Runs once, at the end of the whole build, after every transformer: a patch to generated
/// data changes the hash, labels and annotations do not. The old name goes to
/// `previousNames`, for the reference update that follows.
public struct AddHashSuffixes: Transform {
  public var name: String { "AddHashSuffixes" }

  public init() {}

  public func apply(to resources: inout [Resource]) throws {
    for index in resources.indices where resources[index].needsHashSuffix {
      let hash = NameHash.of(resources[index].node)
      let current = resources[index].name
      resources[index].rename(to: "\(current)-\(hash)", at: .generated(by: name))
    }
  }
}

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
    let generated = resources.indices.filter { resources[$0].needsHashSuffix }
    // Each hash reads one object only: they are worked out on every core.
    let hashes = InParallel.ranges(generated.count, minimum: 32) { [resources] range in
      range.map { NameHash.of(resources[generated[$0]].node) }
    }
    for (index, hash) in zip(generated, hashes.joined()) {
      let current = resources[index].name
      resources[index].rename(to: "\(current)-\(hash)", at: .generated(by: name))
    }
  }
}

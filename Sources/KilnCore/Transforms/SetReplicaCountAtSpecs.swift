public import KilnYAML

/// A ReplicaCountTransformer plugin: `count` at each of its own field specs, in the objects of
/// the kinds the spec selects named `name` now or before. Unlike a kustomization's `replicas:`
/// (`SetReplicas`), nothing but the specs says where a count goes: no spec, no change. When
/// no object matches any spec, the build fails, as in Kustomize.
public struct SetReplicaCountAtSpecs: Transform {
  public var name: String { "SetReplicaCountAtSpecs" }
  public let objectName: String
  public let count: Int
  public let fieldSpecs: [FieldSpec]
  public let location: SourceLocation

  public init(objectName: String, count: Int, fieldSpecs: [FieldSpec], at location: SourceLocation) {
    self.objectName = objectName
    self.count = count
    self.fieldSpecs = fieldSpecs
    self.location = location
  }

  public func apply(to resources: inout [Resource]) throws {
    var found = false
    for spec in fieldSpecs {
      var parent = spec
      guard let field = parent.path.popLast()?.name else { continue }
      for index in resources.indices where spec.applies(to: resources[index]) {
        let resource = resources[index]
        guard resource.name == objectName || resource.previousNames.contains(objectName) else { continue }
        found = true
        try FieldPath.visit(&resources[index].node, parent, transform: name) { map in
          guard spec.create || map[field] != nil else { return }
          if let old = map[field], !old.isNull, old.scalar == nil {
            throw Diagnostic.error(
              "ReplicaCountTransformer: \(spec.pathDescription) of \(resource.kind) \(resource.name) is a \(old.kindDescription), not a count",
              at: old.location)
          }
          // Kustomize keeps the old value's style: over a quoted count, the new one is quoted.
          if let old = map[field]?.scalar, old.style != .plain {
            map[field] = .string(String(count), at: location)
          } else {
            map[field] = .int(count, at: location)
          }
        }
      }
    }
    guard found else {
      let kinds = fieldSpecs.map { "\($0.kind ?? "~K").\($0.version ?? "[noVer]").\($0.group ?? "[noGrp]")" }
      throw Diagnostic.error(
        "ReplicaCountTransformer: no object named \"\(objectName)\" is of a kind its fieldSpecs select (\(kinds.joined(separator: ", ")))",
        at: location)
    }
  }
}

public import KilnYAML

/// Adds annotations to objects' metadata and to their pod templates (`commonAnnotations`).
/// Existing keys are overwritten.
public struct AddAnnotations: Transform {
  public var name: String { "AddAnnotations" }

  public var annotations: [MapEntry]

  public init(annotations: [MapEntry]) { self.annotations = annotations }

  public func apply(to resources: inout [Resource]) throws {
    try FieldPath.setEntries(annotations, at: FieldSpecs.annotations, in: &resources, transform: name)
  }
}

import KilnYAML

/// Rewrites references (a Deployment's ConfigMap, a RoleBinding's subjects, an Ingress's
/// Service …) to the final names of the objects they name.
public struct UpdateNameReferences: Transform {
  public var name: String { "UpdateNameReferences" }

  public init() {}

  public func apply(to resources: inout [Resource]) throws {}
}

public import KilnYAML

/// Where a kind keeps its pods: the pod spec and the pod metadata that per-component
/// settings (resources, env, scheduling, pod labels) are written to.
public enum PodTemplates {
  /// The path from the object to its pod template (the thing holding `metadata` and `spec`),
  /// or nil for kinds that run no pods. A bare Pod is its own template.
  public static func templatePath(for resource: Resource) -> [String]? {
    switch resource.kind {
    case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
      ["spec", "template"]
    case "CronJob": ["spec", "jobTemplate", "spec", "template"]
    case "PodTemplate": ["template"]
    case "Pod": []
    default: nil
    }
  }

  /// Calls `body` with the pod template of `resource` (created if the kind has one but the
  /// object lacks it). Returns false when the kind runs no pods.
  @discardableResult
  public static func withTemplate(_ resource: inout Resource, transform: String, _ body: (inout Node) throws -> Void)
    rethrows -> Bool
  {
    guard let path = templatePath(for: resource) else { return false }
    try descend(&resource.node, path[...], transform: transform, body)
    return true
  }

  /// Calls `body` with every container (and, when asked, init container) of `resource`.
  /// Returns how many it visited.
  @discardableResult
  public static func withContainers(
    _ resource: inout Resource, includeInit: Bool = false, transform: String, _ body: (inout Node) throws -> Void
  ) rethrows -> Int {
    var visited = 0
    try withTemplate(&resource, transform: transform) { template in
      try template.withValue(forKey: "spec") { spec in
        for key in includeInit ? ["initContainers", "containers"] : ["containers"] {
          try spec.withValue(forKey: key) { list in
            try list.withItems { items in
              for i in items.indices where items[i].isMapping {
                try body(&items[i])
                visited += 1
              }
            }
          }
        }
      }
    }
    return visited
  }

  private static func descend(
    _ node: inout Node, _ path: ArraySlice<String>, transform: String, _ body: (inout Node) throws -> Void
  ) rethrows {
    guard let key = path.first else {
      try body(&node)
      return
    }
    if node.isNull { node = Node(.mapping([]), at: .generated(by: transform)) }
    try node.withValue(forKey: key, creating: { Node(.mapping([]), at: .generated(by: transform)) }) { child in
      try descend(&child, path.dropFirst(), transform: transform, body)
    }
  }
}

extension Node {
  /// Mutates the mapping under `key`, creating an empty one (marked generated) when it is
  /// missing or null.
  public mutating func withMapping<R>(
    forKey key: String, generatedBy transform: String, _ body: (inout Node) throws -> R
  ) rethrows -> R? {
    try withValue(forKey: key, creating: { Node(.mapping([]), at: .generated(by: transform)) }) { child in
      if child.isNull { child = Node(.mapping([]), at: .generated(by: transform)) }
      return try body(&child)
    }
  }
}

import KilnYAML

/// A workload's selector cannot change once it is in a cluster. One that differs between
/// environments means the environments label pods differently, so what dev proves is not
/// what prod runs, and moving a setting from one to the other breaks the apply.
enum SelectorDriftCheck {
  static let kinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]

  static func findings(across builds: [(environment: String, result: BuildResult)]) -> [Diagnostic] {
    var first: [String: (environment: String, selector: String)] = [:]
    var found: [Diagnostic] = []
    for (environment, result) in builds {
      for resource in result.resources where kinds.contains(resource.kind) {
        guard let selector = resource.node.value(at: ["spec", "selector"]) else { continue }
        // The same workload in each environment: its part of the project and its name.
        let id = "\(resource.component ?? "base")/\(resource.instance ?? "")/\(resource.kind)/\(resource.originalName)"
        let text = canonical(selector)
        guard let earlier = first[id] else {
          first[id] = (environment, text)
          continue
        }
        guard earlier.selector != text else { continue }
        found.append(
          Diagnostic(
            .warning,
            "the selector of \(resource.kind) \(resource.originalName) differs between \(earlier.environment) ({\(earlier.selector)}) and \(environment) ({\(text)})",
            at: resource.location,
            hint:
              "selectors cannot change in a cluster: put environment-specific labels under labels:, which leaves selectors alone"
          ))
      }
    }
    return found
  }

  /// `key=value` pairs of the selector in byte order of the key (matchExpressions as written).
  private static func canonical(_ selector: Node) -> String {
    let labels = (selector["matchLabels"] ?? (selector["matchExpressions"] == nil ? selector : nil))?.entries ?? []
    var parts = labels.map { "\($0.key)=\($0.value.scalarText ?? "")" }.sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
    if let expressions = selector["matchExpressions"]?.items {
      parts += expressions.map { expression in
        "\(expression["key"]?.scalarText ?? "") \(expression["operator"]?.scalarText ?? "") \((expression["values"]?.items ?? []).compactMap(\.scalarText))"
      }
    }
    return parts.joined(separator: ", ")
  }
}

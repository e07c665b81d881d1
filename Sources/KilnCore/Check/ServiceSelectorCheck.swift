import KilnYAML

/// A Service whose selector matches no pod template of the build sends traffic nowhere: a
/// typo in a label, or a label one environment adds to pods but not to the selector. It may
/// also select pods an operator makes, so this is a warning.
enum ServiceSelectorCheck {
  static func findings(in resources: [Resource]) -> [Diagnostic] {
    let pods = resources.compactMap { resource -> (namespace: String, labels: [String: String])? in
      guard let path = PodTemplates.templatePath(for: resource) else { return nil }
      let labels = resource.node.value(at: path + ["metadata", "labels"])?.entries ?? []
      return (
        resource.namespace ?? "", Dictionary(labels.map { ($0.key, $0.value.scalarText ?? "") }) { _, last in last }
      )
    }
    return resources.compactMap { service in
      guard service.kind == "Service", service.group.isEmpty,
        service.node.value(at: ["spec", "type"])?.scalarText != "ExternalName",
        let selector = service.node.value(at: ["spec", "selector"]), let entries = selector.entries, !entries.isEmpty
      else { return nil }
      let namespace = service.namespace ?? ""
      let matches = pods.contains { pod in
        pod.namespace == namespace && entries.allSatisfy { pod.labels[$0.key] == ($0.value.scalarText ?? "") }
      }
      guard !matches else { return nil }
      let wanted = entries.map { "\($0.key)=\($0.value.scalarText ?? "")" }.joined(separator: ",")
      return Diagnostic(
        .warning, "Service \(service.name) selects no pods of this build (\(wanted))", at: selector.location)
    }
  }
}

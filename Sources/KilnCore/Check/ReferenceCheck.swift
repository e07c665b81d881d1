import KilnYAML

/// Pods that name a ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim that neither the
/// build nor the environment's `external:` list provides never start. References marked
/// `optional: true` and the `default` ServiceAccount (every namespace has one) are fine.
enum ReferenceCheck {
  struct Reference {
    var kind: String
    var name: Node
  }

  static func findings(in resources: [Resource], external: [ExternalObject]) -> [Diagnostic] {
    var present = Set<String>()
    for resource in resources { present.insert(key(resource.kind, resource.namespace ?? "", resource.name)) }
    let provided = Set(external.map { "\($0.kind)/\($0.name)" })
    var found: [Diagnostic] = []
    for resource in resources {
      guard let path = PodTemplates.templatePath(for: resource), let spec = resource.node.value(at: path + ["spec"])
      else { continue }
      let namespace = resource.namespace ?? ""
      for reference in references(in: spec).sorted(by: {
        ($0.name.location.line, $0.name.location.column) < ($1.name.location.line, $1.name.location.column)
      }) {
        guard let name = reference.name.scalarText, !name.isEmpty else { continue }
        if reference.kind == "ServiceAccount" && name == "default" { continue }
        if present.contains(key(reference.kind, namespace, name)) || provided.contains("\(reference.kind)/\(name)") {
          continue
        }
        // The namespace is left out: each environment has its own, and the same finding in
        // several environments is reported once.
        found.append(
          .error(
            "\(resource.kind) \(resource.name) needs \(reference.kind) \(name), which neither the build nor external: provides",
            at: reference.name.location,
            hint:
              "add it to the build, or list it under external: if the cluster provides it ({kind: \(reference.kind), name: \(name)})"
          ))
      }
    }
    return found
  }

  private static func key(_ kind: String, _ namespace: String, _ name: String) -> String {
    "\(kind)/\(namespace)/\(name)"
  }

  /// Every reference of a pod spec, in the order the spec gives them.
  static func references(in spec: Node) -> [Reference] {
    var found: [Reference] = []
    func add(_ kind: String, _ holder: Node?, _ key: String) {
      guard let holder, holder["optional"]?.scalar != Scalar("true", tag: .bool), let name = holder[key] else { return }
      found.append(Reference(kind: kind, name: name))
    }
    if let name = spec["serviceAccountName"] ?? spec["serviceAccount"] {
      found.append(Reference(kind: "ServiceAccount", name: name))
    }
    for secret in spec["imagePullSecrets"]?.items ?? [] { add("Secret", secret, "name") }
    for volume in spec["volumes"]?.items ?? [] {
      add("ConfigMap", volume["configMap"], "name")
      add("Secret", volume["secret"], "secretName")
      add("PersistentVolumeClaim", volume["persistentVolumeClaim"], "claimName")
      for source in volume["projected"]?["sources"]?.items ?? [] {
        add("ConfigMap", source["configMap"], "name")
        add("Secret", source["secret"], "name")
      }
    }
    for list in ["initContainers", "containers"] {
      for container in spec[list]?.items ?? [] {
        for variable in container["env"]?.items ?? [] {
          add("ConfigMap", variable["valueFrom"]?["configMapKeyRef"], "name")
          add("Secret", variable["valueFrom"]?["secretKeyRef"], "name")
        }
        for source in container["envFrom"]?.items ?? [] {
          add("ConfigMap", source["configMapRef"], "name")
          add("Secret", source["secretRef"], "name")
        }
      }
    }
    return found
  }
}

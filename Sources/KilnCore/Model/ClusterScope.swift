/// Kinds Kustomize knows to be cluster-scoped (its built-in table, from the Kubernetes
/// 1.21.2 OpenAPI): the namespace transform leaves exactly these alone. Anything else,
/// custom resources included, gets the namespace, as `kubectl kustomize` does.
public enum ClusterScope {
  private static let table: Set<String> = {
    var entries: Set<String> = [
      "v1/Namespace", "v1/Node", "v1/PersistentVolume", "v1/ComponentStatus", "v1/NodeProxyOptions",
      "policy/v1beta1/PodSecurityPolicy",
      "flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration",
    ]
    let twoVersions: [(String, [String])] = [
      ("rbac.authorization.k8s.io", ["ClusterRole", "ClusterRoleBinding"]),
      ("apiextensions.k8s.io", ["CustomResourceDefinition"]),
      ("admissionregistration.k8s.io", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]),
      ("apiregistration.k8s.io", ["APIService"]),
      ("certificates.k8s.io", ["CertificateSigningRequest"]),
      ("networking.k8s.io", ["IngressClass"]),
      ("node.k8s.io", ["RuntimeClass"]),
      ("scheduling.k8s.io", ["PriorityClass"]),
      ("storage.k8s.io", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"]),
    ]
    for (group, kinds) in twoVersions {
      for version in ["v1", "v1beta1"] {
        for kind in kinds { entries.insert("\(group)/\(version)/\(kind)") }
      }
    }
    return entries
  }()

  public static func isClusterScoped(apiVersion: String, kind: String) -> Bool {
    table.contains("\(apiVersion)/\(kind)")
  }

  public static func isClusterScoped(_ resource: Resource) -> Bool {
    isClusterScoped(apiVersion: resource.apiVersion, kind: resource.kind)
  }
}

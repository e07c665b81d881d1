import KilnYAML

/// API versions Kubernetes has stopped serving (the deprecated API migration guide): an object
/// still written in one fails to apply on a cluster of that release or later.
enum RemovedAPIs {
  struct Removal {
    var apiVersion: String
    /// nil: every kind of that API version.
    var kinds: [String]?
    var removedIn: KubeVersion
    var replacement: String
  }

  static func v(_ minor: Int) -> KubeVersion { KubeVersion(major: 1, minor: minor) }

  static let removals: [Removal] = [
    Removal(
      apiVersion: "extensions/v1beta1",
      kinds: ["Deployment", "DaemonSet", "ReplicaSet", "NetworkPolicy", "PodSecurityPolicy"], removedIn: v(16),
      replacement: "apps/v1 (networking.k8s.io/v1 for NetworkPolicy)"),
    Removal(
      apiVersion: "extensions/v1beta1", kinds: ["Ingress"], removedIn: v(22), replacement: "networking.k8s.io/v1"),
    Removal(apiVersion: "apps/v1beta1", kinds: nil, removedIn: v(16), replacement: "apps/v1"),
    Removal(apiVersion: "apps/v1beta2", kinds: nil, removedIn: v(16), replacement: "apps/v1"),
    Removal(
      apiVersion: "networking.k8s.io/v1beta1", kinds: ["Ingress", "IngressClass"], removedIn: v(22),
      replacement: "networking.k8s.io/v1"),
    Removal(
      apiVersion: "rbac.authorization.k8s.io/v1beta1", kinds: nil, removedIn: v(22),
      replacement: "rbac.authorization.k8s.io/v1"),
    Removal(
      apiVersion: "apiextensions.k8s.io/v1beta1", kinds: nil, removedIn: v(22), replacement: "apiextensions.k8s.io/v1"),
    Removal(
      apiVersion: "admissionregistration.k8s.io/v1beta1", kinds: nil, removedIn: v(22),
      replacement: "admissionregistration.k8s.io/v1"),
    Removal(
      apiVersion: "apiregistration.k8s.io/v1beta1", kinds: nil, removedIn: v(22),
      replacement: "apiregistration.k8s.io/v1"),
    Removal(
      apiVersion: "certificates.k8s.io/v1beta1", kinds: nil, removedIn: v(22), replacement: "certificates.k8s.io/v1"),
    Removal(
      apiVersion: "coordination.k8s.io/v1beta1", kinds: nil, removedIn: v(22), replacement: "coordination.k8s.io/v1"),
    Removal(apiVersion: "scheduling.k8s.io/v1beta1", kinds: nil, removedIn: v(22), replacement: "scheduling.k8s.io/v1"),
    Removal(
      apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
      removedIn: v(22), replacement: "storage.k8s.io/v1"),
    Removal(apiVersion: "batch/v1beta1", kinds: ["CronJob"], removedIn: v(25), replacement: "batch/v1"),
    Removal(apiVersion: "discovery.k8s.io/v1beta1", kinds: nil, removedIn: v(25), replacement: "discovery.k8s.io/v1"),
    Removal(apiVersion: "events.k8s.io/v1beta1", kinds: nil, removedIn: v(25), replacement: "events.k8s.io/v1"),
    Removal(apiVersion: "autoscaling/v2beta1", kinds: nil, removedIn: v(25), replacement: "autoscaling/v2"),
    Removal(apiVersion: "policy/v1beta1", kinds: ["PodDisruptionBudget"], removedIn: v(25), replacement: "policy/v1"),
    Removal(
      apiVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], removedIn: v(25),
      replacement: "Pod Security admission (namespace labels)"),
    Removal(
      apiVersion: "node.k8s.io/v1beta1", kinds: ["RuntimeClass"], removedIn: v(25), replacement: "node.k8s.io/v1"),
    Removal(apiVersion: "autoscaling/v2beta2", kinds: nil, removedIn: v(26), replacement: "autoscaling/v2"),
    Removal(
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1", kinds: nil, removedIn: v(26),
      replacement: "flowcontrol.apiserver.k8s.io/v1"),
    Removal(
      apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIStorageCapacity"], removedIn: v(27),
      replacement: "storage.k8s.io/v1"),
    Removal(
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kinds: nil, removedIn: v(29),
      replacement: "flowcontrol.apiserver.k8s.io/v1"),
    Removal(
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: nil, removedIn: v(32),
      replacement: "flowcontrol.apiserver.k8s.io/v1"),
  ]

  static func findings(in resources: [Resource], for version: KubeVersion) -> [Diagnostic] {
    resources.compactMap { resource in
      let removal = removals.first { removal in
        removal.apiVersion == resource.apiVersion && (removal.kinds?.contains(resource.kind) ?? true)
      }
      guard let removal, version >= removal.removedIn else { return nil }
      return .error(
        "\(resource.apiVersion) \(resource.kind) is no longer served since Kubernetes \(removal.removedIn) (checked for \(version))",
        at: resource.node["apiVersion"]?.location ?? resource.location, hint: "use \(removal.replacement)")
    }
  }
}

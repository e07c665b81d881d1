import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// The table itself: the rows Kustomize v5.5 ships, in its order.
@Suite struct NameReferenceTableTests {
  @Test func theTargetsAreKustomizesInItsOrder() {
    #expect(
      NameReferenceTable.rows.map(\.target.kind) == [
        "Deployment", "ReplicationController", "ReplicaSet", "StatefulSet", "ConfigMap", "Secret", "Service", "Role",
        "ClusterRole", "ServiceAccount", "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "PriorityClass",
        "IngressClass", "ValidatingAdmissionPolicy",
      ])
  }

  @Test func configMapsAndSecretsAreNamedFromEveryPodSpecKind() {
    let configMap = NameReferenceTable.rows[4]
    let secret = NameReferenceTable.rows[5]
    for kind in ["Pod", "PodTemplate", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob"] {
      #expect(configMap.referrers.filter { $0.kind == kind }.count == 6, "\(kind)")
      #expect(secret.referrers.filter { $0.kind == kind }.count == 7, "\(kind)")
    }
    #expect(configMap.referrers.filter { $0.kind == "Pod" }.allSatisfy { $0.version == "v1" })
  }

  /// `\/` in a path is a slash inside an annotation name.
  @Test func annotationNamesKeepTheirSlash() throws {
    let ingress = try #require(NameReferenceTable.byReferrerKind["Ingress"])
    let annotations = ingress.filter { $0.spec.pathDescription.hasPrefix("metadata.annotations") }
    #expect(
      annotations.map { $0.spec.path.last } == [
        .key("nginx.ingress.kubernetes.io/fastcgi-params-configmap"), .key("ingress.kubernetes.io/auth-secret"),
        .key("nginx.ingress.kubernetes.io/auth-secret"), .key("nginx.ingress.kubernetes.io/auth-tls-secret"),
      ])
  }

  /// A Role's resource names are read for ConfigMaps, then Secrets; a ClusterRole's for
  /// PersistentVolumes too.
  @Test func referringFieldsOfAKindKeepTableOrder() throws {
    let clusterRole = try #require(NameReferenceTable.byReferrerKind["ClusterRole"])
    #expect(clusterRole.map(\.target.kind) == ["ConfigMap", "Secret", "PersistentVolume"])
    let roleBinding = try #require(NameReferenceTable.byReferrerKind["RoleBinding"])
    #expect(roleBinding.map(\.target.kind) == ["Role", "ClusterRole", "ServiceAccount"])
  }
}

import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// The order `kubectl kustomize` prints objects in (research §2.1). Every expected order
/// below was printed by kubectl v1.32 (Kustomize v5.5) for the same objects.
@Suite struct LegacyOrderTests {
  /// Objects written `apiVersion kind namespace/name` (`-` for no namespace), one per entry.
  static func objects(_ ids: [String]) throws -> [Resource] {
    try TransformHarness.resources(
      ids.map { id in
        let parts = id.split(separator: " ").map(String.init)
        let (ns, name) = parts[2].split(separator: "/", maxSplits: 1).map(String.init).pair
        return "apiVersion: \(parts[0])\nkind: \(parts[1])\nmetadata:\n  name: \(name)\n"
          + (ns == "-" ? "" : "  namespace: \(ns)\n")
      }.joined(separator: "---\n"))
  }

  static func ids(_ resources: [Resource]) -> [String] {
    resources.map { "\($0.apiVersion) \($0.kind) \($0.namespace ?? "-")/\($0.name)" }
  }

  /// Sorts `expected` after shuffling it with a few fixed seeds.
  static func sortedFromShuffles(_ expected: [String], order: LegacyOrder = .standard) throws -> [[String]] {
    try [1, 2, 3, 42].map { seed in
      var random = SeededRandom(seed: UInt64(seed))
      return ids(order.sorted(try objects(expected.shuffled(using: &random))))
    }
  }

  @Test func twentyNineMixedKindsSortRankedFirstWebhooksLastTheRestBetween() throws {
    let expected = [
      "v1 Namespace -/x",
      "v1 ResourceQuota -/x",
      "storage.k8s.io/v1 StorageClass -/x",
      "apiextensions.k8s.io/v1 CustomResourceDefinition -/x",
      "v1 ServiceAccount -/x",
      "policy/v1beta1 PodSecurityPolicy -/x",
      "rbac.authorization.k8s.io/v1 Role -/x",
      "rbac.authorization.k8s.io/v1 ClusterRole -/x",
      "rbac.authorization.k8s.io/v1 RoleBinding -/x",
      "rbac.authorization.k8s.io/v1 ClusterRoleBinding -/x",
      "v1 ConfigMap -/x",
      "v1 Secret -/x",
      "v1 Endpoints -/x",
      "v1 Service -/x",
      "v1 LimitRange -/x",
      "scheduling.k8s.io/v1 PriorityClass -/x",
      "v1 PersistentVolume -/x",
      "v1 PersistentVolumeClaim -/x",
      "apps/v1 Deployment -/x",
      "apps/v1 StatefulSet -/x",
      "batch/v1 CronJob -/x",
      "policy/v1 PodDisruptionBudget -/x",
      "aaa.io/v1 Pod -/x",
      "apps/v1 DaemonSet -/x",
      "batch/v1 Job -/x",
      "networking.k8s.io/v1 Ingress -/x",
      "v1 Pod -/x",
      "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration -/x",
      "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration -/x",
    ]
    #expect(expected.count == 29)
    for sorted in try Self.sortedFromShuffles(expected) { #expect(sorted == expected) }
  }

  @Test func unrankedKindsAreGroupedByAPIGroupWithTheCoreGroupLast() throws {
    let expected = [
      "aaa.io/v1 Pod -/x",
      "apps/v1 DaemonSet -/x",
      "autoscaling/v2 HorizontalPodAutoscaler -/x",
      "batch/v1 Job -/x",
      "example.com/v1 Zebra -/x",
      "networking.k8s.io/v1 Ingress -/x",
      "networking.k8s.io/v1 NetworkPolicy -/x",
      "zzz.io/v1 Pod -/x",
      "v1 Pod -/x",
    ]
    for sorted in try Self.sortedFromShuffles(expected) { #expect(sorted == expected) }
  }

  @Test func oneKindFromTwoGroupsKeepsItsRankAndComparesByGroup() throws {
    let expected = ["apps/v1 Deployment -/z", "extensions/v1beta1 Deployment -/a"]
    for sorted in try Self.sortedFromShuffles(expected) { #expect(sorted == expected) }
  }

  @Test func namespacesCompareByteByByteSoAnExtendedNamespaceComesFirstAndNoNamespaceLast() throws {
    let expected = [
      "v1 ConfigMap Z0/a",
      "v1 ConfigMap app-x/web",
      "v1 ConfigMap app0/w",
      "v1 ConfigMap app/web",
      "v1 ConfigMap app/web-1",
      "v1 ConfigMap app/web.a",
      "v1 ConfigMap default/a",
      "v1 ConfigMap -/zz",
    ]
    for sorted in try Self.sortedFromShuffles(expected) { #expect(sorted == expected) }
  }

  @Test func theDefaultNamespaceIsANamespaceLikeAnyOther() throws {
    let expected = ["v1 ConfigMap default/b", "v1 ConfigMap other/c", "v1 ConfigMap -/a"]
    for sorted in try Self.sortedFromShuffles(expected) { #expect(sorted == expected) }
  }

  @Test func theCoreNamespaceComesBeforeACustomNamespaceKind() throws {
    let expected = ["v1 Namespace -/ns", "example.com/v1 Namespace -/a"]
    for sorted in try Self.sortedFromShuffles(expected) { #expect(sorted == expected) }
  }

  @Test func twoCoreNamespaceVersionsCompareInReverse() throws {
    // Kustomize reverses the comparison whenever either Namespace has the core group, so
    // with both in it `v2` comes first (observed). No real cluster has a `v2` Namespace.
    let expected = ["v2 Namespace -/two", "v1 Namespace -/one"]
    let sorted = try Self.sortedFromShuffles(expected)
    #expect(sorted == Array(repeating: expected, count: sorted.count))
  }

  @Test func customFirstAndLastListsReplaceTheDefaults() throws {
    let expected = [
      "aaa.io/v1 Pod -/p",
      "v1 Pod -/p",
      "v1 Secret -/s",
      "apps/v1 Deployment -/z",
      "extensions/v1beta1 Deployment -/a",
      "v1 ConfigMap -/cm",
      "v1 Namespace -/ns",
      "example.com/v1 Namespace -/a",
    ]
    let order = LegacyOrder(first: ["Pod", "Secret"], last: ["Namespace"])
    for sorted in try Self.sortedFromShuffles(expected, order: order) { #expect(sorted == expected) }
  }
}

extension Array where Element == String {
  fileprivate var pair: (String, String) { (self[0], self[1]) }
}

import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `nameSuffix`: the same objects as `namePrefix`, at the other end of the name.
@Suite struct AddNameSuffixTests {
  let suffix = AddNameSuffix(suffix: TransformHarness.value("-v2"))

  @Test func everyObjectButNamespacesCRDsAndAPIServicesGetsTheSuffix() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: admins
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web-v2
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: admins-v2
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      """
    #expect(try TransformCheck.apply(suffix, to: input) == expected)
  }

  /// A kustomization's prefix runs before its suffix; an outer level wraps both.
  @Test func prefixesAndSuffixesNestLikeParentheses() throws {
    let output = try TransformCheck.apply(
      AddNamePrefix(prefix: TransformHarness.value("in-")), AddNameSuffix(suffix: TransformHarness.value("-in")),
      AddNamePrefix(prefix: TransformHarness.value("out-")), AddNameSuffix(suffix: TransformHarness.value("-out")),
      to: """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        """)
    #expect(output.hasSuffix("name: out-in-api-in-out"))
  }

  @Test func theOldNameAndTheSuffixAreRecorded() throws {
    var list = try TransformHarness.resources(
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: token
      """)
    try suffix.apply(to: &list)
    try AddNameSuffix(suffix: TransformHarness.value("-prod")).apply(to: &list)
    #expect(list[0].name == "token-v2-prod")
    #expect(list[0].previousNames == ["token", "token-v2"])
    #expect(list[0].suffixes == ["-v2", "-prod"])
  }
}

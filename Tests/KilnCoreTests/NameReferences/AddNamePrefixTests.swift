import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `namePrefix`. Expected outputs are what `kubectl kustomize` (v5.5) printed for the same
/// objects (kubectl sorts them; here they stay in input order).
@Suite struct AddNamePrefixTests {
  let prefix = AddNamePrefix(prefix: TransformHarness.value("p-"))

  @Test func everyObjectIsPrefixedClusterScopedOnesToo() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: view
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      ---
      apiVersion: example.com/v1
      kind: APIService
      metadata:
        name: not-an-aggregated-api
      """
    let expected = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: p-settings
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: p-view
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: p-high
      ---
      apiVersion: example.com/v1
      kind: APIService
      metadata:
        name: p-not-an-aggregated-api
      """
    #expect(try TransformCheck.apply(prefix, to: input) == expected)
  }

  /// Namespaces and CRDs of any group keep their names; APIServices only in their own group.
  @Test func namespacesCRDsAndAPIServicesKeepTheirNames() throws {
    let input = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: example.com/v1
      kind: Namespace
      metadata:
        name: custom
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      ---
      apiVersion: example.com/v1
      kind: CustomResourceDefinition
      metadata:
        name: fake
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      """
    #expect(try TransformCheck.apply(prefix, to: input) == input)
  }

  /// Each level prepends its own prefix: the outermost ends up first.
  @Test func nestedPrefixesStackOutermostFirst() throws {
    let output = try TransformCheck.apply(
      AddNamePrefix(prefix: TransformHarness.value("c1-")), AddNamePrefix(prefix: TransformHarness.value("c2-")),
      AddNamePrefix(prefix: TransformHarness.value("o-")),
      to: """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: base-cm
        """)
    #expect(output.hasSuffix("name: o-c2-c1-base-cm"))
  }

  /// What the reference update reads: the names before each prefix, and the prefixes,
  /// innermost first.
  @Test func theOldNameAndThePrefixAreRecorded() throws {
    var list = try TransformHarness.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      """)
    try AddNamePrefix(prefix: TransformHarness.value("a-")).apply(to: &list)
    try AddNamePrefix(prefix: TransformHarness.value("b-")).apply(to: &list)
    #expect(list[0].previousNames == ["cfg", "a-cfg"])
    #expect(list[0].prefixes == ["a-", "b-"])
    #expect(list[0].suffixes.isEmpty)
    #expect(list[1].previousNames.isEmpty && list[1].prefixes.isEmpty)
  }

  @Test func anEmptyPrefixChangesNothingAndRecordsNothing() throws {
    var list = try TransformHarness.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      """)
    try AddNamePrefix(prefix: TransformHarness.value("")).apply(to: &list)
    #expect(list[0].name == "cfg" && list[0].previousNames.isEmpty && list[0].prefixes.isEmpty)
  }

  /// The renamed name points back at the kustomization's `namePrefix`, for provenance.
  @Test func theNewNameIsLocatedAtTheNamePrefix() throws {
    var list = try TransformHarness.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      """)
    let at = SourceLocation(file: "kustomization.yaml", line: 3, column: 13)
    try AddNamePrefix(prefix: .string("p-", at: at)).apply(to: &list)
    #expect(list[0].node["metadata"]?["name"]?.location == at)
  }
}

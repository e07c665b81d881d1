import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// How the reference update walks fields of unexpected shapes, as Kustomize's field walk does:
/// missing and null fields end the walk, null list items are skipped, a scalar on the way or a
/// list inside a list of names is an error, and a RoleBinding subject must be a mapping.
@Suite struct ReferenceShapeTests {
  @Test func nullFieldsAndNullItemsAreSkipped() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - env: null
          envFrom:
          - null
          - configMapRef:
              name: cfg
          name: c
        volumes: null
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output.contains("  - env: null\n    envFrom:\n    - null\n    - configMapRef:\n        name: p-cfg\n"))
  }

  /// "expected sequence or mapping node"
  @Test func aScalarOnTheWayIsAnError() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        volumes: abc
      """
    let diagnostics = try NameReferenceCheck.diagnostics(after: [], on: input)
    #expect(
      diagnostics.map(\.message) == [
        "expected a mapping or a list on the way to spec.volumes.configMap.name of Pod p, found a string"
      ])
    #expect(diagnostics.first?.location == SourceLocation(file: "input.yaml", line: 6, column: 12))
  }

  /// "is expected to be either a string or a map of string"
  @Test func aListInsideAListOfNamesIsAnError() throws {
    let input = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: r
      rules:
      - resourceNames:
        - [a]
      """
    let diagnostics = try NameReferenceCheck.diagnostics(after: [], on: input)
    #expect(
      diagnostics.map(\.message) == [
        "each item of rules.resourceNames of rbac.authorization.k8s.io/ClusterRole r must be a name or a mapping, found a sequence"
      ])
  }

  /// A single name where a list is usual is still a name.
  @Test func aScalarWhereAListIsUsualIsStillAName() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: r
      rules:
      - resourceNames: a
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output.hasSuffix("- resourceNames: p-a"))
  }

  /// kubectl kustomize v5.5 crashes on these; kiln reports them.
  @Test func aRoleBindingSubjectMustBeAMapping() throws {
    let input = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: b
      subjects:
      - null
      """
    let diagnostics = try NameReferenceCheck.diagnostics(after: [], on: input)
    #expect(
      diagnostics.map(\.message) == [
        "each subject of rbac.authorization.k8s.io/RoleBinding b must be a mapping, found a null"
      ])
  }

  /// Problems in several objects are all reported, one per object.
  @Test func everyFailingReferrerIsReported() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        volumes: abc
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        containers: 1
      """
    let diagnostics = try NameReferenceCheck.diagnostics(after: [], on: input)
    #expect(diagnostics.count == 2)
  }
}

import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// ServiceAccounts named by RBAC subjects (name and namespace, research §4 and §13 item 13)
/// and by `serviceAccountName` in pod specs. The subject rule used to live in the namespace
/// transform; Kustomize applies it here, with the account's final name and namespace.
@Suite struct ServiceAccountReferenceTests {
  static let accounts = """
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: deployer
      namespace: original
    ---
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: builder
    """

  /// `namespace: prod` then `namePrefix: x-` (§13 ns2): subjects that name an account of the
  /// build, with no namespace or the account's original one, get its final name and namespace.
  @Test func subjectsGetTheAccountsFinalNameAndNamespace() throws {
    let input =
      Self.accounts + "\n---\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: deployers
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: edit
        subjects:
        - kind: ServiceAccount
          name: deployer
          namespace: original
        - kind: ServiceAccount
          name: builder
        - kind: ServiceAccount
          name: deployer
          namespace: other
        - kind: ServiceAccount
          name: monitor
        """
    let output = try TransformCheck.apply(
      NameReferenceCheck.namespace("prod"), NameReferenceCheck.prefix("x-"), UpdateNameReferences(), to: input)
    #expect(
      output.hasSuffix(
        """
        subjects:
        - kind: ServiceAccount
          name: x-deployer
          namespace: prod
        - kind: ServiceAccount
          name: x-builder
          namespace: prod
        - kind: ServiceAccount
          name: deployer
          namespace: other
        - kind: ServiceAccount
          name: monitor
        """))
  }

  /// Kustomize matches subjects by name only: any subject named like a renamed account
  /// follows it, whatever its kind (observed with kubectl kustomize v5.5).
  @Test func aSubjectOfAnotherKindNamedLikeAnAccountFollowsItToo() throws {
    let input =
      Self.accounts + "\n---\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: builders
        subjects:
        - apiGroup: rbac.authorization.k8s.io
          kind: User
          name: builder
        """
    let output = try TransformCheck.apply(NameReferenceCheck.namespace("prod"), UpdateNameReferences(), to: input)
    #expect(
      output.hasSuffix(
        """
        - apiGroup: rbac.authorization.k8s.io
          kind: User
          name: builder
          namespace: prod
        """))
  }

  /// An account already in the target namespace is still recorded by the namespace
  /// transform, so a subject without namespace gets it; `default` stands for no namespace;
  /// an empty namespace matches nothing.
  @Test func subjectNamespacesAreComparedAsKustomizeDoes() throws {
    let input = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: here
        namespace: prod
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: nowhere
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: b
      subjects:
      - kind: ServiceAccount
        name: here
      - kind: ServiceAccount
        name: nowhere
        namespace: default
      - kind: ServiceAccount
        name: nowhere
        namespace: ""
      """
    let output = try TransformCheck.apply(NameReferenceCheck.namespace("prod"), UpdateNameReferences(), to: input)
    #expect(
      output.hasSuffix(
        """
        subjects:
        - kind: ServiceAccount
          name: here
          namespace: prod
        - kind: ServiceAccount
          name: nowhere
          namespace: prod
        - kind: ServiceAccount
          name: nowhere
          namespace: ""
        """))
  }

  /// A RoleBinding sees ServiceAccounts of the namespaces its subjects write, not others.
  @Test func aRoleBindingReachesAccountsOfOtherNamespacesOnlyThroughSubjectNamespaces() throws {
    let accounts = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: ci
        namespace: tools
      """
    let bindings = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: explicit
        namespace: app
      subjects:
      - kind: ServiceAccount
        name: ci
        namespace: tools
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: implicit
        namespace: app
      subjects:
      - kind: ServiceAccount
        name: ci
      """
    let output = try NameReferenceCheck.build([(accounts, [NameReferenceCheck.prefix("t-")]), (bindings, [])])
    #expect(
      output.contains(
        """
        name: explicit
          namespace: app
        subjects:
        - kind: ServiceAccount
          name: t-ci
          namespace: tools
        """))
    #expect(
      output.hasSuffix(
        """
        name: implicit
          namespace: app
        subjects:
        - kind: ServiceAccount
          name: ci
        """))
  }

  @Test func serviceAccountNameInPodSpecsFollows() throws {
    let input = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: runner
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                serviceAccountName: runner
      ---
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: legacy
      spec:
        template:
          spec:
            serviceAccountName: runner
      """
    let output = try TransformCheck.apply(NameReferenceCheck.suffix("-v2"), UpdateNameReferences(), to: input)
    #expect(output.components(separatedBy: "serviceAccountName: runner-v2").count == 3)
  }

  /// Kustomize requires the namespace of a RoleBinding's ServiceAccount subject to be a string
  /// ("namespace is blank").
  @Test func aRoleBindingSubjectNamespaceMustBeAString() throws {
    let input = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: b
      subjects:
      - kind: ServiceAccount
        name: ci
        namespace: null
      """
    let diagnostics = try NameReferenceCheck.diagnostics(after: [], on: input)
    #expect(
      diagnostics.map(\.message) == [
        "the namespace of a ServiceAccount subject of rbac.authorization.k8s.io/RoleBinding b must be a string, found a null"
      ])
    #expect(diagnostics.first?.location == SourceLocation(file: "input.yaml", line: 8, column: 14))
  }
}

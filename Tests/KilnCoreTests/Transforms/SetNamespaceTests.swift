import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `namespace:`. Expected outputs are what `kubectl kustomize` (v5.5) printed for the same
/// objects (kubectl sorts them; here they stay in input order).
@Suite struct SetNamespaceTests {
  let prod = SetNamespace(namespace: .string("prod"))

  @Test func namespacedObjectsGetTheNamespaceOrHaveTheirsReplaced() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: elsewhere
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: prod
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: prod
      """
    #expect(try TransformCheck.apply(prod, to: input) == expected)
  }

  @Test func clusterScopedKindsAndFreeFormNamespaceFieldsAreUntouched() throws {
    let input = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: view
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: disk
      spec:
        claimRef:
          name: data
          namespace: original
      ---
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      provisioner: example.com/fast
      """
    #expect(try TransformCheck.apply(prod, to: input) == input)
  }

  @Test func kindsMissingFromTheBuiltInTableAreNamespacedEvenIfClusterScoped() throws {
    let input = """
      apiVersion: example.com/v1
      kind: ClusterThing
      metadata:
        name: thing
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: policy
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: schema
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
      kind: FlowSchema
      metadata:
        name: old-schema
      """
    let expected = """
      apiVersion: example.com/v1
      kind: ClusterThing
      metadata:
        name: thing
        namespace: prod
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: policy
        namespace: prod
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: schema
        namespace: prod
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
      kind: FlowSchema
      metadata:
        name: old-schema
      """
    #expect(try TransformCheck.apply(prod, to: input) == expected)
  }

  @Test func theNamespaceObjectIsRenamedToTheTarget() throws {
    let input = """
      apiVersion: v1
      kind: Namespace
      metadata:
        labels:
          team: payments
        name: original
      """
    let expected = """
      apiVersion: v1
      kind: Namespace
      metadata:
        labels:
          team: payments
        name: prod
      """
    #expect(try TransformCheck.apply(prod, to: input) == expected)
  }

  @Test func aCustomKindNamedNamespaceIsNamespacedNotRenamed() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Namespace
      metadata:
        name: custom-ns
      """
    let expected = """
      apiVersion: example.com/v1
      kind: Namespace
      metadata:
        name: custom-ns
        namespace: prod
      """
    let output = try TransformCheck.apply(prod, to: input)
    #expect(output == expected)
  }

  static let serviceAccounts = """
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
    ---
    """

  /// The namespace transform itself moves only subjects named `default`; ServiceAccount
  /// subjects follow their ServiceAccount in the reference update at the end of the build.
  @Test func aloneItMovesOnlySubjectsNamedDefault() throws {
    let input =
      Self.serviceAccounts + "\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: builders
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
        - kind: ServiceAccount
          name: builder
        - kind: ServiceAccount
          name: default
        """
    let output = try TransformCheck.apply(prod, to: input)
    #expect(
      output.hasSuffix(
        """
        subjects:
        - kind: ServiceAccount
          name: builder
        - kind: ServiceAccount
          name: default
          namespace: prod
        """))
  }

  /// Kustomize records every object's id before moving it; the reference update matches on it.
  @Test func everyObjectsCurrentNameIsRecordedForTheReferenceUpdate() throws {
    var list = try TransformHarness.resources(
      Self.serviceAccounts + "\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: view
        """)
    try prod.apply(to: &list)
    #expect(list.map(\.previousNames) == [["deployer"], ["builder"], ["view"]])
  }

  @Test func withTheReferenceUpdateSubjectsFollowWhenNamedDefaultOrWhenTheyNameAServiceAccountOfTheBuild() throws {
    let input =
      Self.serviceAccounts + "\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: deployers
          namespace: original
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: deploy
        subjects:
        - kind: Group
          name: default
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
        - apiGroup: rbac.authorization.k8s.io
          kind: User
          name: jane
        """
    let expected = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: deployer
        namespace: prod
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: builder
        namespace: prod
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: deployers
        namespace: prod
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: Role
        name: deploy
      subjects:
      - kind: Group
        name: default
        namespace: prod
      - kind: ServiceAccount
        name: deployer
        namespace: prod
      - kind: ServiceAccount
        name: builder
        namespace: prod
      - kind: ServiceAccount
        name: deployer
        namespace: other
      - kind: ServiceAccount
        name: monitor
      - apiGroup: rbac.authorization.k8s.io
        kind: User
        name: jane
      """
    #expect(try TransformCheck.apply(prod, UpdateNameReferences(), to: input) == expected)
  }

  @Test func withTheReferenceUpdateAClusterRoleBindingServiceAccountSubjectWithoutNamespaceFollows() throws {
    let input =
      Self.serviceAccounts + "\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: builders
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
        - kind: ServiceAccount
          name: builder
        """
    let expected = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: deployer
        namespace: prod
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: builder
        namespace: prod
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: builders
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: view
      subjects:
      - kind: ServiceAccount
        name: builder
        namespace: prod
      """
    #expect(try TransformCheck.apply(prod, UpdateNameReferences(), to: input) == expected)
  }

  @Test func aRoleBindingKindOfAnotherGroupStillMovesDefaultSubjects() throws {
    let input = """
      apiVersion: example.com/v1
      kind: RoleBinding
      metadata:
        name: fake
      subjects:
      - kind: ServiceAccount
        name: default
      """
    let expected = """
      apiVersion: example.com/v1
      kind: RoleBinding
      metadata:
        name: fake
        namespace: prod
      subjects:
      - kind: ServiceAccount
        name: default
        namespace: prod
      """
    let output = try TransformCheck.apply(prod, to: input)
    #expect(output == expected)
  }

  @Test func anAPIServiceGetsItsServiceNamespaceCreated() throws {
    let input = """
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      spec:
        group: metrics.k8s.io
        service:
          name: metrics-server
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1.local.example.com
      spec:
        group: local.example.com
      """
    let expected = """
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1beta1.metrics.k8s.io
      spec:
        group: metrics.k8s.io
        service:
          name: metrics-server
          namespace: prod
      ---
      apiVersion: apiregistration.k8s.io/v1
      kind: APIService
      metadata:
        name: v1.local.example.com
      spec:
        group: local.example.com
        service:
          namespace: prod
      """
    #expect(try TransformCheck.apply(prod, to: input) == expected)
  }

  @Test func aCRDConversionServiceNamespaceIsReplacedOnlyWhenPresent() throws {
    let input = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        conversion:
          strategy: Webhook
          webhook:
            clientConfig:
              service:
                name: converter
                namespace: original
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: gizmos.example.com
      spec:
        conversion:
          strategy: None
      """
    let expected = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        conversion:
          strategy: Webhook
          webhook:
            clientConfig:
              service:
                name: converter
                namespace: prod
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: gizmos.example.com
      spec:
        conversion:
          strategy: None
      """
    #expect(try TransformCheck.apply(prod, to: input) == expected)
  }
}

import Testing

@testable import KilnCore

/// `instances:` renders one component once per entry (Helm's `range` over tenants), each copy
/// in its own namespace or with its own name suffix, with the entry's settings over the
/// component's.
@Suite struct ComponentInstancesTests {
  static let tenant = [
    "base/config.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n",
    "components/tenant/namespace.yaml": """
    apiVersion: v1
    kind: Namespace
    metadata:
      name: tenant
      labels:
        pod-security.kubernetes.io/enforce: restricted
    """,
    "components/tenant/quota.yaml": """
    apiVersion: v1
    kind: ResourceQuota
    metadata:
      name: quota
    spec:
      hard:
        pods: "10"
    """,
    "components/tenant/worker.yaml": ProjectCheck.deployment("worker"),
  ]

  @Test func eachCopyGoesToItsNamespaceWithItsOwnSettings() throws {
    var files = Self.tenant
    files["environments/prod.yaml"] = """
      namespace: hodei
      commonLabels: {app.kubernetes.io/part-of: hodei}
      tenant:
        enabled: true
        replicas: 1
        instances:
        - namespace: hodei-tenant-acme
        - namespace: hodei-tenant-globex
          replicas: 3
        - namespace: hodei-tenant-initech
          enabled: false
      """
    let objects = try Compiler.build(ProjectCheck.request("prod"), fileSystem: ProjectCheck.fileSystem(files)).resources
    #expect(
      objects.map { "\($0.kind) \($0.namespace ?? "-")/\($0.name)" } == [
        "Namespace -/hodei-tenant-acme",
        "Namespace -/hodei-tenant-globex",
        "ResourceQuota hodei-tenant-acme/quota",
        "ResourceQuota hodei-tenant-globex/quota",
        "ConfigMap hodei/shared",
        "Deployment hodei-tenant-acme/worker",
        "Deployment hodei-tenant-globex/worker",
      ])
    let replicas = objects.filter { $0.kind == "Deployment" }.map {
      $0.node.value(at: ["spec", "replicas"])?.scalarText
    }
    #expect(replicas == ["1", "3"])
    // Environment-wide settings but the namespace reach every copy.
    #expect(
      objects.allSatisfy {
        $0.node.value(at: ["metadata", "labels", "app.kubernetes.io/part-of"])?.scalarText == "hodei"
      })
    let listing = try EnvironmentListing.make(ProjectCheck.request("prod"), fileSystem: ProjectCheck.fileSystem(files))
    #expect(
      listing.parts.map(\.name) == [
        "base", "tenant [hodei-tenant-acme]", "tenant [hodei-tenant-globex]", "tenant [hodei-tenant-initech]",
      ])
  }

  @Test func aClusterScopedObjectNeedsANameSuffixPerCopy() throws {
    var files = Self.tenant
    files["components/tenant/clusterrole.yaml"] = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: tenant-reader
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: tenant-reader
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: tenant-reader
      subjects:
      - kind: ServiceAccount
        name: default
        namespace: tenant
      """
    files["environments/prod.yaml"] = """
      tenant:
        enabled: true
        instances:
        - {namespace: t-acme}
        - {namespace: t-globex}
      """
    #expect(
      ProjectCheck.failure(files).contains(
        "error: rbac.authorization.k8s.io/ClusterRole tenant-reader is made by two instances of component \"tenant\" (t-acme and t-globex)"
      ))
    files["environments/prod.yaml"] = """
      tenant:
        enabled: true
        instances:
        - {namespace: t-acme, nameSuffix: -acme}
        - {namespace: t-globex, nameSuffix: -globex}
      """
    let objects = try Compiler.build(ProjectCheck.request("prod"), fileSystem: ProjectCheck.fileSystem(files)).resources
    let bindings = objects.filter { $0.kind == "ClusterRoleBinding" }
    #expect(bindings.map(\.name) == ["tenant-reader-acme", "tenant-reader-globex"])
    #expect(
      bindings.map { $0.node.value(at: ["roleRef", "name"])?.scalarText } == [
        "tenant-reader-acme", "tenant-reader-globex",
      ])
    #expect(bindings.map { $0.node["subjects"]?.items?.first?["namespace"]?.scalarText } == ["t-acme", "t-globex"])
  }

  @Test func anEntryIsCheckedLikeAComponent() {
    var files = Self.tenant
    files["environments/prod.yaml"] = """
      tenant:
        enabled: true
        replicas: two
        instances:
        - {namespace: t-acme, replcias: 2}
        - {namespace: T_Globex}
        - {replicas: 2}
      """
    #expect(
      ProjectCheck.failure(files) == """
        environments/prod.yaml:3:13: error: replicas in component "tenant" must be an integer, not the string "two"
        environments/prod.yaml:5:25: error: unknown field "replcias" in tenant.instances[0]
        environments/prod.yaml:6:17: error: namespace "T_Globex" may only hold lowercase letters, digits and '-'
        environments/prod.yaml:7:5: error: tenant.instances[2] needs a namespace or a nameSuffix, or its objects would be those of every other copy
        """)
  }
}

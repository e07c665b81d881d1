import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// How the reference update picks the object a name means (research §7, checked against
/// kubectl kustomize v5.5 in `KubectlNameReferenceOracleTests`). Each test builds nested
/// kustomizations in code: groups of objects with their own transforms, then the top level.
@Suite struct CandidateChoiceTests {
  static func configMap(_ name: String, namespace: String? = nil) -> String {
    """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: \(name)\(namespace.map { "\n  namespace: \($0)" } ?? "")
    """
  }

  static func pod(_ name: String, using configMap: String) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: \(name)
    spec:
      volumes:
      - configMap:
          name: \(configMap)
        name: config
    """
  }

  /// Kustomize matches a reference against the names it recorded before each rename, not
  /// against current names: the overlay's own `cfg` was never renamed, so the base's `cfg`
  /// (now `b-cfg`) is the only candidate, even for the overlay's Pod.
  @Test func onlyEarlierNamesCountSoANeverRenamedObjectIsNoCandidate() throws {
    let output = try NameReferenceCheck.build([
      (Self.configMap("cfg"), [NameReferenceCheck.prefix("b-")]),
      (Self.configMap("cfg") + "\n---\n" + Self.pod("p", using: "cfg"), []),
    ])
    #expect(output.hasSuffix("- configMap:\n      name: b-cfg\n    name: config"))
  }

  /// Two bases with their own prefixes each hold a `cfg` and a Pod using it: each Pod gets the
  /// ConfigMap renamed the way it was.
  @Test func theCandidateRenamedLikeTheReferrerWins() throws {
    let output = try NameReferenceCheck.build(
      [
        (Self.configMap("cfg") + "\n---\n" + Self.pod("p", using: "cfg"), [NameReferenceCheck.prefix("a-")]),
        (Self.configMap("cfg") + "\n---\n" + Self.pod("p", using: "cfg"), [NameReferenceCheck.prefix("b-")]),
      ], top: [NameReferenceCheck.prefix("t-")])
    #expect(output.contains("name: t-a-p\nspec:\n  volumes:\n  - configMap:\n      name: t-a-cfg"))
    #expect(output.contains("name: t-b-p\nspec:\n  volumes:\n  - configMap:\n      name: t-b-cfg"))
  }

  /// A Pod at the top names `cfg`; both bases' ConfigMaps were `cfg`, and the top prefix ends
  /// both affix lists the same way: Kustomize cannot choose.
  @Test func twoCandidatesRenamedAlikeAreAnError() throws {
    var all: [Resource] = []
    for prefix in ["a-", "b-"] {
      var list = try TransformHarness.resources(Self.configMap("cfg"))
      try NameReferenceCheck.prefix(prefix).apply(to: &list)
      all += list
    }
    all += try TransformHarness.resources(Self.pod("p", using: "cfg"))
    try NameReferenceCheck.prefix("t-").apply(to: &all)
    do {
      try UpdateNameReferences().apply(to: &all)
      Issue.record("expected an error")
    } catch let error as DiagnosticError {
      let diagnostic = try #require(error.diagnostics.first)
      #expect(
        diagnostic.message == """
          found multiple possible referrals for "cfg" in spec.volumes.configMap.name of Pod t-p: ConfigMap t-a-cfg, ConfigMap t-b-cfg
          """)
      #expect(diagnostic.location == SourceLocation(file: "input.yaml", line: 8, column: 13))
    }
  }

  /// With no prefix at the top, the Pod's affixes (none) match neither base's: no candidate,
  /// the reference stays.
  @Test func candidatesRenamedUnlikeTheReferrerAreDropped() throws {
    let output = try NameReferenceCheck.build([
      (Self.configMap("cfg"), [NameReferenceCheck.prefix("a-")]),
      (Self.configMap("cfg"), [NameReferenceCheck.prefix("b-")]),
      (Self.pod("p", using: "cfg"), []),
    ])
    #expect(output.hasSuffix("- configMap:\n      name: cfg\n    name: config"))
  }

  /// One base, included under two prefixes, holds `cfg` and a sub-directory whose Pod gets a
  /// suffix of its own. Kustomize resolved each Pod's `cfg` inside its own copy of the base,
  /// where it was the only candidate; over the whole build both copies fail the affix rule
  /// (the Pod has a suffix, the ConfigMaps none), and the copy that shares the Pod's prefix wins.
  @Test func aReferrerWithAnAffixOfItsOwnFollowsTheCopyOfItsBranch() throws {
    var all: [Resource] = []
    for prefix in ["a-", "b-"] {
      var pod = try TransformHarness.resources(Self.pod("p", using: "cfg"))
      try NameReferenceCheck.suffix("-w").apply(to: &pod)
      var copy = try TransformHarness.resources(Self.configMap("cfg")) + pod
      try NameReferenceCheck.prefix(prefix).apply(to: &copy)
      all += copy
    }
    try UpdateNameReferences().apply(to: &all)
    let names = all.filter { $0.kind == "Pod" }.map {
      $0.node["spec"]?["volumes"]?.items?.first?["configMap"]?["name"]?.string
    }
    #expect(names == ["a-cfg", "b-cfg"])
  }

  /// A ClusterRole sees every namespace: two ConfigMaps once named `cfg` in two namespaces are
  /// not ambiguous when they end up with the same name.
  @Test func candidatesWithTheSameFinalNameAreNotAmbiguous() throws {
    let input =
      Self.configMap("cfg", namespace: "a") + "\n---\n" + Self.configMap("cfg", namespace: "b") + "\n---\n" + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules:
        - resourceNames:
          - cfg
          - external
        """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("x-"), UpdateNameReferences(), to: input)
    #expect(output.hasSuffix("- resourceNames:\n  - x-cfg\n  - external"))
  }

  /// A roleRef names a Role or a ClusterRole: only objects of the roleRef's kind are candidates.
  @Test func aRoleRefPicksTheKindItNames() throws {
    let roles = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: view
      """
    let clusterRoles = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: view
      """
    let bindings = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: to-role
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: Role
        name: view
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: to-cluster-role
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: view
      """
    let output = try NameReferenceCheck.build([
      (roles, [NameReferenceCheck.prefix("r-")]), (clusterRoles, [NameReferenceCheck.prefix("c-")]), (bindings, []),
    ])
    #expect(
      output.contains("name: to-role\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r-view"))
    #expect(
      output.contains(
        "name: to-cluster-role\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: c-view"))
  }

  /// Names that match nothing in the build (objects made elsewhere) are left as written.
  @Test func referencesToObjectsOutsideTheBuildStay() throws {
    let input = Self.configMap("cfg") + "\n---\n" + Self.pod("p", using: "made-by-an-operator")
    let output = try TransformCheck.apply(
      NameReferenceCheck.prefix("x-"), NameReferenceCheck.namespace("prod"), UpdateNameReferences(), to: input)
    #expect(output.hasSuffix("- configMap:\n      name: made-by-an-operator\n    name: config"))
  }
}

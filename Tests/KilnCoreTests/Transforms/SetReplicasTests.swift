import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `replicas:` by object name. Expected outputs are what `kubectl kustomize` (v5.5) printed.
@Suite struct SetReplicasTests {
  /// Where the entry sits in the pretend kustomization, for error locations.
  static let entry = SourceLocation(file: "kustomization.yaml", line: 4, column: 3)

  func replicas(_ counts: (String, Int)...) -> SetReplicas {
    SetReplicas(counts: counts.map { SetReplicas.Count(name: $0.0, count: .int($0.1), at: Self.entry) })
  }

  @Test func onlyScalableKindsWithThatNameAreScaledWhateverTheirGroup() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: web
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        maxReplicas: 5
      ---
      apiVersion: example.com/v1
      kind: ReplicaSet
      metadata:
        name: web
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 1
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: web
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        maxReplicas: 5
      ---
      apiVersion: example.com/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 1
      """
    #expect(try TransformCheck.apply(replicas(("web", 3)), to: input) == expected)
  }

  @Test func aCountOfZeroIsWrittenAsZero() throws {
    let input = """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: legacy
      spec:
        replicas: 2
      """
    let expected = """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: legacy
      spec:
        replicas: 0
      """
    #expect(try TransformCheck.apply(replicas(("legacy", 0)), to: input) == expected)
  }

  @Test func anEarlierNameStillMatches() throws {
    // After `namePrefix: p-`, `replicas: [{name: web}]` still scales p-web.
    var list = try TransformHarness.resources(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: p-web
      """)
    list[0].previousIDs = [
      ResourceID(group: list[0].group, version: list[0].version, kind: list[0].kind, namespace: "", name: "web")
    ]
    try replicas(("web", 2)).apply(to: &list)
    #expect(list[0].node.value(at: ["spec", "replicas"]) == .int(2))
  }

  @Test func aNameNothingScalableHasIsAnErrorAtTheEntryWithASuggestion() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      """
    let diagnostics = try TransformCheck.diagnostics(replicas(("wbe", 3), ("agent", 2)), on: input)
    #expect(
      diagnostics.map(\.description) == [
        #"kustomization.yaml:4:3: error: replicas: no Deployment, StatefulSet, ReplicaSet or ReplicationController is named "wbe""#,
        #"kustomization.yaml:4:3: error: replicas: no Deployment, StatefulSet, ReplicaSet or ReplicationController is named "agent""#,
      ])
    #expect(diagnostics.map(\.hint) == [#"did you mean "web"?"#, nil])
  }
}

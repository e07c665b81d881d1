import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `<component>.replicas` in an environment file.
@Suite struct SetComponentReplicasTests {
  static let environment = """
    api:
      enabled: true
      replicas: 3
    """

  @Test func everyDeploymentStatefulSetAndReplicaSetOfTheComponentIsScaled() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 1
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: api-cache
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: api-agent
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: api-migrate
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: api-cache
      spec:
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: api-agent
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: api-migrate
      """
    let setting = try TransformCheck.setting("api", "replicas", in: Self.environment)
    #expect(try TransformCheck.apply(SetComponentReplicas(setting), to: input) == expected)
  }

  @Test func aComponentWithNothingToScaleIsAnErrorAtTheSetting() throws {
    let input = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: api-agent
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      """
    let setting = try TransformCheck.setting("api", "replicas", in: Self.environment)
    let diagnostics = try TransformCheck.diagnostics(SetComponentReplicas(setting), on: input)
    #expect(
      diagnostics.map(\.description) == [
        #"environments/dev.yaml:3:13: error: api.replicas is set, but component "api" has no Deployment, StatefulSet or ReplicaSet to scale"#
      ])
    #expect(diagnostics.first?.hint == "remove the setting, or add what it is meant to change to components/api/")
  }
}

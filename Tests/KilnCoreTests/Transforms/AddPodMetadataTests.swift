import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `<component>.podLabels` and `.podAnnotations`: pod templates only, never selectors or the
/// workload's own metadata.
@Suite struct AddPodMetadataTests {
  static let environment = """
    api:
      podLabels:
        tier: backend
        app: api-v2
      podAnnotations:
        prometheus.io/scrape: "true"
        checksum/config: null
    """

  func podMetadata(_ field: AddPodMetadata.Field) throws -> AddPodMetadata {
    AddPodMetadata(field, try TransformCheck.setting("api", field.rawValue, in: Self.environment))
  }

  @Test func podLabelsGoOnTheTemplateAndNeverOnTheSelector() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: api
        name: api
      spec:
        selector:
          matchLabels:
            app: api
        template:
          metadata:
            labels:
              app: api
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: api
        name: api
      spec:
        selector:
          matchLabels:
            app: api
        template:
          metadata:
            labels:
              app: api-v2
              tier: backend
      """
    #expect(try TransformCheck.apply(try podMetadata(.labels), to: input) == expected)
  }

  @Test func podAnnotationsMergeAndANullDeletesOne() throws {
    let input = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: api-cleanup
      spec:
        jobTemplate:
          spec:
            template:
              metadata:
                annotations:
                  checksum/config: abc123
                  owner: team-a
        schedule: 0 3 * * *
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-debug
      """
    let expected = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: api-cleanup
      spec:
        jobTemplate:
          spec:
            template:
              metadata:
                annotations:
                  owner: team-a
                  prometheus.io/scrape: "true"
        schedule: 0 3 * * *
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        annotations:
          prometheus.io/scrape: "true"
        name: api-debug
      """
    let output = try TransformCheck.apply(try podMetadata(.annotations), to: input)
    #expect(output == expected)
  }

  @Test func aComponentThatRunsNoPodsIsAnErrorAtTheSetting() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: api-settings
      """
    #expect(
      try TransformCheck.diagnostics(try podMetadata(.labels), on: input).map(\.description) == [
        #"environments/dev.yaml:3:5: error: api.podLabels is set, but component "api" has no workloads that run pods"#
      ])
  }
}

import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `<component>.resources`: deep-merged into every (non-init) container's `resources`.
@Suite struct MergeContainerResourcesTests {
  static let environment = """
    api:
      enabled: true
      resources:
        requests:
          cpu: 500m
        limits:
          memory: null
    """

  @Test func requestsMergeKeyByKeyAndANullDeletesALimit() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
            - image: ghcr.io/acme/api:1.0
              name: api
              resources:
                limits:
                  cpu: "1"
                  memory: 256Mi
                requests:
                  cpu: 100m
                  memory: 128Mi
            initContainers:
            - image: ghcr.io/acme/api:1.0
              name: migrate
              resources:
                requests:
                  cpu: 50m
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
            - image: ghcr.io/acme/api:1.0
              name: api
              resources:
                limits:
                  cpu: "1"
                requests:
                  cpu: 500m
                  memory: 128Mi
            initContainers:
            - image: ghcr.io/acme/api:1.0
              name: migrate
              resources:
                requests:
                  cpu: 50m
      """
    let setting = try TransformCheck.setting("api", "resources", in: Self.environment)
    #expect(try TransformCheck.apply(MergeContainerResources(setting), to: input) == expected)
  }

  @Test func aNullUnderAKeyTheContainerLacksAddsNoNull() throws {
    // The proxy has no limits: `limits: {memory: null}` has nothing to delete, and a null
    // written into a container spec would mean nothing to Kubernetes.
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - image: envoyproxy/envoy:v1.29
          name: proxy
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - image: envoyproxy/envoy:v1.29
          name: proxy
          resources:
            limits: {}
            requests:
              cpu: 500m
      """
    let setting = try TransformCheck.setting("api", "resources", in: Self.environment)
    #expect(try TransformCheck.apply(MergeContainerResources(setting), to: input) == expected)
  }

  @Test func bareAndCronJobPodsAreReachedToo() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-debug
      spec:
        containers:
        - image: busybox:1.36
          name: shell
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: api-cleanup
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - image: ghcr.io/acme/api:1.0
                  name: cleanup
        schedule: 0 3 * * *
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-debug
      spec:
        containers:
        - image: busybox:1.36
          name: shell
          resources:
            requests:
              cpu: 500m
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: api-cleanup
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - image: ghcr.io/acme/api:1.0
                  name: cleanup
                  resources:
                    requests:
                      cpu: 500m
        schedule: 0 3 * * *
      """
    let environment = """
      api:
        resources:
          requests:
            cpu: 500m
      """
    let setting = try TransformCheck.setting("api", "resources", in: environment)
    #expect(try TransformCheck.apply(MergeContainerResources(setting), to: input) == expected)
  }

  @Test func aComponentWithoutContainersIsAnErrorAtTheSetting() throws {
    let input = """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      """
    let setting = try TransformCheck.setting("api", "resources", in: Self.environment)
    #expect(
      try TransformCheck.diagnostics(MergeContainerResources(setting), on: input).map(\.description) == [
        #"environments/dev.yaml:4:5: error: api.resources is set, but component "api" has no containers"#
      ])
  }
}

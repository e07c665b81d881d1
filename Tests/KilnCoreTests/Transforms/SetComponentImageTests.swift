import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `<component>.image: {repository, tag, digest}`: the shortcut for a component's one image.
@Suite struct SetComponentImageTests {
  static let environment = """
    api:
      enabled: true
      image:
        repository: registry.example.com/acme/api
        tag: "2.0"
    """

  func shortcut(repository: String? = nil, tag: String? = nil, digest: String? = nil) throws -> SetComponentImage {
    let setting = try TransformCheck.setting("api", "image", in: Self.environment)
    return SetComponentImage(setting, repository: repository, tag: tag, digest: digest)
  }

  @Test func theOneImageGetsTheNewRepositoryAndTagEverywhereItRuns() throws {
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
            initContainers:
            - image: ghcr.io/acme/api:1.0-migrate
              name: migrate
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
                - image: ghcr.io/acme/api@sha256:abc
                  name: cleanup
        schedule: 0 3 * * *
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
            - image: registry.example.com/acme/api:2.0
              name: api
            initContainers:
            - image: registry.example.com/acme/api:2.0
              name: migrate
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
                - image: registry.example.com/acme/api:2.0
                  name: cleanup
        schedule: 0 3 * * *
      """
    let transform = try shortcut(repository: "registry.example.com/acme/api", tag: "2.0")
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func aDigestAloneReplacesTheTagAndKeepsTheRepository() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - image: ghcr.io/acme/api:1.0
          name: api
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - image: ghcr.io/acme/api@sha256:feed
          name: api
      """
    #expect(try TransformCheck.apply(try shortcut(digest: "sha256:feed"), to: input) == expected)
  }

  @Test func twoDistinctImagesAreAnErrorThatListsThem() throws {
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
            - image: envoyproxy/envoy:v1.29
              name: proxy
            - image: ghcr.io/acme/api:1.0
              name: worker
      """
    let diagnostics = try TransformCheck.diagnostics(try shortcut(tag: "2.0"), on: input)
    #expect(
      diagnostics.map(\.description) == [
        #"environments/dev.yaml:4:5: error: api.image is a shortcut for a component's only image, but "api" runs 2: envoyproxy/envoy, ghcr.io/acme/api"#
      ])
    #expect(diagnostics.first?.hint == "use api.images with one entry per image ({name: …, newTag: …})")
  }

  @Test func aComponentWithoutImagesIsAnErrorAtTheSetting() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: api-settings
      """
    let diagnostics = try TransformCheck.diagnostics(try shortcut(tag: "2.0"), on: input)
    #expect(
      diagnostics.map(\.description) == [
        #"environments/dev.yaml:4:5: error: api.image is set, but component "api" has no container images"#
      ])
  }
}

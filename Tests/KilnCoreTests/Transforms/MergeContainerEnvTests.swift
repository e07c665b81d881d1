import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `<component>.env`: variables replaced in place (later ones may refer to them as
/// `$(NAME)`), new ones appended in the order the environment file lists them.
@Suite struct MergeContainerEnvTests {
  @Test func anExistingVariableIsReplacedInPlaceAndNewOnesAreAppendedInFileOrder() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
            - env:
              - name: HOST
                value: localhost
              - name: PORT
                value: "8080"
              - name: URL
                value: http://$(HOST):$(PORT)
              image: ghcr.io/acme/api:1.0
              name: api
      """
    let environment = """
      api:
        env:
          PORT: "9090"
          ZONE: eu-west-1
          LOG_LEVEL: debug
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
            - env:
              - name: HOST
                value: localhost
              - name: PORT
                value: "9090"
              - name: URL
                value: http://$(HOST):$(PORT)
              - name: ZONE
                value: eu-west-1
              - name: LOG_LEVEL
                value: debug
              image: ghcr.io/acme/api:1.0
              name: api
      """
    let setting = try TransformCheck.setting("api", "env", in: environment)
    #expect(try TransformCheck.apply(MergeContainerEnv(setting), to: input) == expected)
  }

  @Test func aValueFromMappingReplacesAPlainValueAndIsAddedToContainersWithoutEnv() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - env:
          - name: DB_PASSWORD
            value: insecure
          image: ghcr.io/acme/api:1.0
          name: api
        - image: envoyproxy/envoy:v1.29
          name: proxy
        initContainers:
        - image: ghcr.io/acme/api:1.0
          name: migrate
      """
    let environment = """
      api:
        env:
          DB_PASSWORD:
            valueFrom:
              secretKeyRef:
                key: password
                name: db
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
      spec:
        containers:
        - env:
          - name: DB_PASSWORD
            valueFrom:
              secretKeyRef:
                key: password
                name: db
          image: ghcr.io/acme/api:1.0
          name: api
        - env:
          - name: DB_PASSWORD
            valueFrom:
              secretKeyRef:
                key: password
                name: db
          image: envoyproxy/envoy:v1.29
          name: proxy
        initContainers:
        - image: ghcr.io/acme/api:1.0
          name: migrate
      """
    let setting = try TransformCheck.setting("api", "env", in: environment)
    #expect(try TransformCheck.apply(MergeContainerEnv(setting), to: input) == expected)
  }

  @Test func aComponentWithoutContainersIsAnErrorAtTheSetting() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: api-settings
      """
    let environment = """
      api:
        enabled: true
        env:
          LOG_LEVEL: debug
      """
    let setting = try TransformCheck.setting("api", "env", in: environment)
    #expect(
      try TransformCheck.diagnostics(MergeContainerEnv(setting), on: input).map(\.description) == [
        #"environments/dev.yaml:4:5: error: api.env is set, but component "api" has no containers"#
      ])
  }
}

import Testing

/// `configMapGenerator` and `secretGenerator` in an environment file: per component (generated
/// as if the component's kustomization listed them, so they get its labels) and
/// environment-wide; files named from `environments/`; hashes and references as Kustomize.
@Suite struct EnvironmentGeneratorsTests {
  static let api = [
    "components/api/kustomization.yaml": """
    resources: [deployment.yaml]
    labels:
    - pairs: {app.kubernetes.io/component: api}
    configMapGenerator:
    - name: api-defaults
      literals: [MODE=safe]
    """,
    "components/api/deployment.yaml": ProjectCheck.deployment(
      "api",
      extra: """

                envFrom:
                - configMapRef: {name: api-settings}
                - configMapRef: {name: api-defaults}
                - secretRef: {name: shop-credentials}
        """),
  ]

  @Test func aComponentsGeneratorsGetItsLabelsAndTheirReferencesFollowTheHash() throws {
    var files = Self.api
    files["environments/prod.yaml"] = """
      api:
        enabled: true
        configMapGenerator:
        - name: api-settings
          literals: [LOG_LEVEL=info]
          files: [files/app.properties]
        - name: api-defaults
          behavior: merge
          literals: [MODE=fast]
      secretGenerator:
      - name: shop-credentials
        envs: [files/credentials.env]
      """
    files["environments/files/app.properties"] = "cache=on\n"
    files["environments/files/credentials.env"] = "API_KEY=not-a-real-key\n"
    // kubectl kustomize prints the same for the equivalent tree: the component's kustomization
    // listing these generators, and a top-level one with the secret.
    #expect(
      try ProjectCheck.build(files) == """
        apiVersion: v1
        data:
          MODE: fast
        kind: ConfigMap
        metadata:
          labels:
            app.kubernetes.io/component: api
          name: api-defaults-7kcm455446
        ---
        apiVersion: v1
        data:
          LOG_LEVEL: info
          app.properties: |
            cache=on
        kind: ConfigMap
        metadata:
          labels:
            app.kubernetes.io/component: api
          name: api-settings-4988cmhmcf
        ---
        apiVersion: v1
        data:
          API_KEY: bm90LWEtcmVhbC1rZXk=
        kind: Secret
        metadata:
          name: shop-credentials-h95bch62d6
        type: Opaque
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            app.kubernetes.io/component: api
          name: api
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - envFrom:
                - configMapRef:
                    name: api-settings-4988cmhmcf
                - configMapRef:
                    name: api-defaults-7kcm455446
                - secretRef:
                    name: shop-credentials-h95bch62d6
                image: example.com/api:1
                name: main
        """)
  }

  @Test func generatedObjectsNameTheEnvironmentFileAsTheirSource() throws {
    var files = Self.api
    files["environments/defaults.yaml"] = "configMapGenerator:\n- name: shared\n  literals: [A=1]\n"
    files["environments/prod.yaml"] =
      "api:\n  enabled: true\n  configMapGenerator:\n  - name: api-settings\n    literals: [B=2]\n"
    #expect(
      try ProjectCheck.sources(files) == [
        "ConfigMap/api-defaults components/api/kustomization.yaml",
        "ConfigMap/api-settings environments/prod.yaml",
        "ConfigMap/shared environments/defaults.yaml",
        "Deployment/api components/api/deployment.yaml",
      ])
  }

  @Test func aComponentWithoutAKustomizationGetsItsGeneratorsToo() throws {
    let files = [
      "components/worker/deployment.yaml": ProjectCheck.deployment("worker"),
      "environments/prod.yaml":
        "worker:\n  enabled: true\n  configMapGenerator:\n  - name: worker-settings\n    literals: [A=1]\n",
    ]
    #expect(
      try ProjectCheck.sources(files) == [
        "ConfigMap/worker-settings environments/prod.yaml",
        "Deployment/worker components/worker/deployment.yaml",
      ])
  }

  @Test func aGeneratorEntryIsCheckedAsInAKustomization() {
    var files = Self.api
    files["environments/prod.yaml"] =
      "api:\n  enabled: true\n  configMapGenerator:\n  - name: api-settings\n    literal: [B=2]\n"
    #expect(
      ProjectCheck.failure(files) == """
        environments/prod.yaml:5:5: error: unknown field "literal" in configMapGenerator entry
        """)
  }
}

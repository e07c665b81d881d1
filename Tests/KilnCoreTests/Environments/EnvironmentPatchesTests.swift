import Testing

/// `patches` in an environment file: per component (only that component's objects, after its
/// other settings) and environment-wide (every object, after the environment's settings).
@Suite struct EnvironmentPatchesTests {
  static let components = [
    "components/api/deployment.yaml": ProjectCheck.deployment("api"),
    "components/worker/deployment.yaml": ProjectCheck.deployment("worker"),
  ]

  @Test func aComponentsPatchesTouchOnlyItsOwnObjectsAndComeAfterItsSettings() throws {
    var files = Self.components
    files["environments/prod.yaml"] = """
      api:
        enabled: true
        replicas: 2
        patches:
        - target: {kind: Deployment}
          patch: |-
            - op: replace
              path: /spec/replicas
              value: 4
      worker:
        enabled: true
      """
    #expect(
      try ProjectCheck.build(files) == """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - image: example.com/api:1
                name: main
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: worker
        spec:
          selector:
            matchLabels:
              app: worker
          template:
            metadata:
              labels:
                app: worker
            spec:
              containers:
              - image: example.com/worker:1
                name: main
        """)
  }

  @Test func environmentPatchesSeeTheNamespaceAndLabelsAlreadySet() throws {
    var files = Self.components
    files["environments/prod.yaml"] = """
      namespace: shop
      commonLabels: {tier: backend}
      api: {enabled: true}
      worker: {enabled: true}
      patches:
      - target: {namespace: shop, labelSelector: "tier=backend", name: worker}
        path: patches/worker.yaml
      """
    files["environments/patches/worker.yaml"] = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: worker
      spec:
        template:
          spec:
            containers:
            - name: main
              resources:
                limits: {memory: 1Gi}
      """
    let output = try ProjectCheck.build(files)
    #expect(
      output.split(separator: "---\n").last == """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            tier: backend
          name: worker
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: worker
              tier: backend
          template:
            metadata:
              labels:
                app: worker
                tier: backend
            spec:
              containers:
              - image: example.com/worker:1
                name: main
                resources:
                  limits:
                    memory: 1Gi
        """)
    #expect(!output.split(separator: "---\n")[0].contains("memory"))
  }

  @Test func aPatchEntryIsCheckedAsInAKustomizationAtTheEnvironmentFile() {
    var files = Self.components
    files["environments/prod.yaml"] = """
      api:
        enabled: true
        patches:
        - path: patches/api.yaml
          tagret: {kind: Deployment}
      """
    files["environments/patches/api.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
    #expect(
      ProjectCheck.failure(files) == """
        environments/prod.yaml:5:5: error: unknown field "tagret" in patches entry
        """)
  }

  @Test func patchFilesAreNamedFromTheEnvironmentsDirectoryAndStayInTheProject() {
    var files = Self.components
    files["environments/prod.yaml"] = "api:\n  enabled: true\n  patches:\n  - path: ../../etc/passwd\n"
    #expect(
      ProjectCheck.failure(files).contains(
        "environments/prod.yaml:4:11: error: \"../../etc/passwd\" is outside the project directory"))
    files["environments/prod.yaml"] = "api:\n  enabled: true\n  patches:\n  - path: missing.yaml\n"
    #expect(ProjectCheck.failure(files).contains("environments/missing.yaml"))
  }
}

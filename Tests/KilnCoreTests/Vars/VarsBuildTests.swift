import KilnYAML
import Testing

@testable import KilnCore

/// `vars` in whole trees, built with the engine behind `kiln kustomize`; expected outputs are
/// what `kubectl kustomize` (v5.5) printed for the same files.
@Suite struct VarsBuildTests {
  static let service = """
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    spec:
      ports:
      - port: 8080
    """
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
          - name: web
            image: web:1
            args: ["--api=http://$(API):$(API_PORT)"]
            env:
            - name: API_PORT
              value: $(API_PORT)
    """
  static let baseKustomization = """
    resources: [service.yaml, deployment.yaml]
    vars:
    - name: API
      objref: {apiVersion: v1, kind: Service, name: api}
    - name: API_PORT
      objref: {apiVersion: v1, kind: Service, name: api}
      fieldref: {fieldPath: "spec.ports[0].port"}
    """

  @Test func overlayPrefixReachesReferencesDeclaredInTheBase() throws {
    let output = try GeneratorCheck.build(
      [
        "base/kustomization.yaml": Self.baseKustomization, "base/service.yaml": Self.service,
        "base/deployment.yaml": Self.deployment,
        "prod/kustomization.yaml": "resources: [../base]\nnamePrefix: prod-\n",
      ], in: "prod")
    #expect(
      output == """
        apiVersion: v1
        kind: Service
        metadata:
          name: prod-api
        spec:
          ports:
          - port: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: prod-web
        spec:
          template:
            spec:
              containers:
              - args:
                - --api=http://prod-api:8080
                env:
                - name: API_PORT
                  value: 8080
                image: web:1
                name: web
        """)
  }

  @Test func aComponentsVarNamesAnObjectAnEarlierComponentAddedAndRenamed() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": "resources: [deployment.yaml]\ncomponents: [api, vars]\n",
      "deployment.yaml": Self.deployment.replacingOccurrences(of: ":$(API_PORT)", with: ""),
      "api/kustomization.yaml": """
      apiVersion: kustomize.config.k8s.io/v1alpha1
      kind: Component
      resources: [service.yaml]
      namePrefix: one-
      """,
      "api/service.yaml": Self.service,
      "vars/kustomization.yaml": """
      apiVersion: kustomize.config.k8s.io/v1alpha1
      kind: Component
      vars:
      - name: API
        objref: {apiVersion: v1, kind: Service, name: api}
      - name: API_PORT
        objref: {apiVersion: v1, kind: Service, name: one-api}
        fieldref: {fieldPath: "spec.ports[0].port"}
      """,
    ])
    #expect(output.contains("- --api=http://one-api\n"))
    #expect(output.contains("value: 8080\n"))
  }

  @Test func aVarCannotNameAnObjectOfASiblingBase() {
    let failure = GeneratorCheck.failure(
      [
        "api/kustomization.yaml": "resources: [service.yaml]\n", "api/service.yaml": Self.service,
        "web/kustomization.yaml": """
        resources: [deployment.yaml]
        vars:
        - name: API
          objref: {apiVersion: v1, kind: Service, name: api}
        """,
        "web/deployment.yaml": Self.deployment,
        "kustomization.yaml": "resources: [api, web]\n",
      ])
    #expect(failure.contains("web/kustomization.yaml:3:3: error: var \"API\": no object v1 Service api"))
  }

  @Test func aNameDeclaredTwiceInTheTreeFails() {
    let failure = GeneratorCheck.failure([
      "kustomization.yaml": Self.baseKustomization
        + "\n- name: API\n  objref: {apiVersion: v1, kind: Service, name: api}\n",
      "service.yaml": Self.service, "deployment.yaml": Self.deployment,
    ])
    #expect(failure.contains("error: var \"API\" is declared twice"))
  }

  @Test func anObjrefMatchingTwoObjectsFails() {
    let failure = GeneratorCheck.failure([
      "kustomization.yaml": Self.baseKustomization,
      "service.yaml": Self.service.replacingOccurrences(of: "name: api", with: "name: api\n  namespace: a") + "\n---\n"
        + Self.service.replacingOccurrences(of: "name: api", with: "name: api\n  namespace: b"),
      "deployment.yaml": Self.deployment,
    ])
    #expect(failure.contains("objref v1 Service api matches 2 objects"))
  }

  @Test func aListAtAReferencePathMustHoldStrings() {
    let failure = GeneratorCheck.failure([
      "kustomization.yaml": Self.baseKustomization, "service.yaml": Self.service,
      "deployment.yaml": Self.deployment.replacingOccurrences(of: "args: [", with: "args: [5, "),
    ])
    #expect(failure.contains("its items must be strings, not the integer 5"))
  }
}

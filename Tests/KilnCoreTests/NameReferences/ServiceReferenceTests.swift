import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Services named by StatefulSets, Ingresses, APIServices and admission webhooks.
@Suite struct ServiceReferenceTests {
  static let service = """
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    ---
    """

  @Test func statefulSetsAndIngressBackendsFollow() throws {
    let input =
      Self.service + "\n" + """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: api
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          defaultBackend:
            service:
              name: api
          ingressClassName: api
          rules:
          - http:
              paths:
              - backend:
                  service:
                    name: api
              - backend:
                  serviceName: api
        """
    let expected = """
      apiVersion: v1
      kind: Service
      metadata:
        name: p-api
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: p-db
      spec:
        serviceName: p-api
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: p-web
      spec:
        defaultBackend:
          service:
            name: p-api
        ingressClassName: api
        rules:
        - http:
            paths:
            - backend:
                service:
                  name: p-api
            - backend:
                serviceName: p-api
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output == expected, "\(firstDifferences(output, expected))")
  }

  /// Only `apps` StatefulSets are referrers.
  @Test func aStatefulSetOfAnotherGroupIsNotAReferrer() throws {
    let input =
      Self.service + "\n" + """
        apiVersion: example.com/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: api
        """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output.hasSuffix("serviceName: api"))
  }

  /// An APIService keeps its own name but follows its Service; namespace first, then prefix.
  @Test func anAPIServiceFollowsItsService() throws {
    let input =
      Self.service + "\n" + """
        apiVersion: apiregistration.k8s.io/v1
        kind: APIService
        metadata:
          name: v1beta1.metrics.k8s.io
        spec:
          service:
            name: api
        """
    let output = try TransformCheck.apply(
      NameReferenceCheck.namespace("prod"), NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(
      output.hasSuffix(
        """
        name: v1beta1.metrics.k8s.io
        spec:
          service:
            name: p-api
            namespace: prod
        """))
  }

  /// A webhook's service is a `{name, namespace}` pair: with no namespace, or the Service's
  /// original one, it gets the Service's final name and namespace; another namespace, none.
  @Test func webhookServicesGetNameAndNamespace() throws {
    let input = """
      apiVersion: v1
      kind: Service
      metadata:
        name: webhook
        namespace: system
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata:
        name: checks
      webhooks:
      - clientConfig:
          service:
            name: webhook
        name: a.example.com
      - clientConfig:
          service:
            name: webhook
            namespace: system
        name: b.example.com
      - clientConfig:
          service:
            name: webhook
            namespace: elsewhere
        name: c.example.com
      """
    let expected = """
      apiVersion: v1
      kind: Service
      metadata:
        name: x-webhook
        namespace: prod
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata:
        name: x-checks
      webhooks:
      - clientConfig:
          service:
            name: x-webhook
            namespace: prod
        name: a.example.com
      - clientConfig:
          service:
            name: x-webhook
            namespace: prod
        name: b.example.com
      - clientConfig:
          service:
            name: webhook
            namespace: elsewhere
        name: c.example.com
      """
    let output = try TransformCheck.apply(
      NameReferenceCheck.namespace("prod"), NameReferenceCheck.prefix("x-"), UpdateNameReferences(), to: input)
    #expect(output == expected, "\(firstDifferences(output, expected))")
  }

  /// Kustomize needs a `name` in every webhook service ("no 'name' field in node").
  @Test func aWebhookServiceWithoutNameIsAnError() throws {
    let input = """
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingWebhookConfiguration
      metadata:
        name: inject
      webhooks:
      - clientConfig:
          service:
            namespace: system
            path: /mutate
        name: a.example.com
      """
    let diagnostics = try NameReferenceCheck.diagnostics(after: [], on: input)
    #expect(
      diagnostics.map(\.message) == [
        "webhooks.clientConfig.service of admissionregistration.k8s.io/MutatingWebhookConfiguration inject has no \"name\"; "
          + "a reference to a Service needs one"
      ])
    #expect(diagnostics.first?.location == SourceLocation(file: "input.yaml", line: 8, column: 7))
  }
}

import KilnTestSupport
import Testing

@testable import KilnCore

/// Per-component settings end to end, from an environment file to the rendered objects.
@Suite struct ComponentSettingsTests {
  static func project(_ settings: String) -> ProjectHarness {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n" + settings)
    return p
  }

  @Test func resourcesEnvAndScheduling() throws {
    let yaml = try Self.project(
      """
        resources: {requests: {cpu: 250m}, limits: {memory: 1Gi}}
        env: {LOG_LEVEL: debug, FEATURE_X: "true"}
        nodeSelector: {disktype: ssd}
        tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule}]
        podAnnotations: {prometheus.io/scrape: "true"}
        podLabels: {tier: frontend}
      """
    ).build("dev")
    #expect(
      yaml.contains(
        """
        spec:
          replicas: 1
          selector:
            matchLabels:
              app.kubernetes.io/component: web
          template:
            metadata:
              annotations:
                prometheus.io/scrape: "true"
              labels:
                app.kubernetes.io/component: web
                tier: frontend
            spec:
              containers:
              - env:
                - name: LOG_LEVEL
                  value: debug
                - name: FEATURE_X
                  value: "true"
                image: shop/web:1.0
                name: web
                ports:
                - containerPort: 8080
                resources:
                  limits:
                    memory: 1Gi
                  requests:
                    cpu: 250m
              nodeSelector:
                disktype: ssd
              serviceAccountName: shop
              tolerations:
              - effect: NoSchedule
                key: dedicated
                operator: Equal
                value: web
        """))
  }

  @Test func imageRepositoryTagAndDigest() throws {
    let yaml = try Self.project("  image: {repository: registry.example/web, tag: \"3.1\", digest: \"sha256:abc\"}\n")
      .build("dev")
    #expect(yaml.contains("image: registry.example/web:3.1@sha256:abc"))
  }

  @Test func environmentImagesApplyToEveryComponent() throws {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "worker: {enabled: true}\nimages:\n- {name: shop/worker, newTag: \"9\"}\n")
    let yaml = try p.build("dev")
    #expect(yaml.contains("image: shop/worker:9"))
    #expect(yaml.contains("image: shop/web:1.0"))
  }

  @Test func commonLabelsReachSelectorsAndLabelsDoNot() throws {
    var p = Fixtures.twoComponents()
    p.write(
      "environments/dev.yaml",
      "commonLabels: {app.kubernetes.io/part-of: shop}\nlabels: {team: platform}\ncommonAnnotations: {owner: sre}\n")
    let resources = try p.result("dev").resources
    let web = try #require(resources.first { $0.kind == "Deployment" })
    #expect(web.node.value(at: ["spec", "selector", "matchLabels", "app.kubernetes.io/part-of"])?.string == "shop")
    #expect(web.node.value(at: ["spec", "selector", "matchLabels", "team"]) == nil)
    #expect(web.node.value(at: ["spec", "template", "metadata", "labels", "team"])?.string == "platform")
    #expect(web.node.value(at: ["spec", "template", "metadata", "annotations", "owner"])?.string == "sre")
  }
}

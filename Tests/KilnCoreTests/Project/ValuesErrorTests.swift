import KilnTestSupport
import Testing

@testable import KilnCore

/// Every bad input is an error at the file, line and column that caused it, with a
/// suggestion where one is close.
@Suite struct ValuesErrorTests {
  @Test func typoInAComponentKey() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n  replcias: 2\n")
    let d = p.diagnostics("dev")
    #expect(
      d.map(\.description) == ["environments/dev.yaml:2:3: error: unknown field \"replcias\" in component \"web\""])
    #expect(d.first?.hint == "did you mean \"replicas\"?")
  }

  @Test func unknownComponent() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "namespace: shop-dev\nwbe:\n  enabled: true\n")
    let d = p.diagnostics("dev")
    #expect(
      d.map(\.description) == [
        "environments/dev.yaml:2:1: error: \"wbe\" is neither a component nor an environment setting"
      ])
    #expect(d.first?.hint == "did you mean \"web\"?")
  }

  @Test func enabledButMissingComponent() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "cache:\n  enabled: true\n")
    #expect(
      p.errors("dev") == [
        "environments/dev.yaml:1:1: error: \"cache\" is neither a component nor an environment setting"
      ])
  }

  @Test func wrongTypes() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n  replicas: three\n  enabled: maybe\n  image: {tag: 1.10}\n")
    #expect(
      p.errors("dev") == [
        "environments/dev.yaml:3:12: error: enabled in component \"web\" must be a boolean (true or false), not the string \"maybe\"",
        "environments/dev.yaml:2:13: error: replicas in component \"web\" must be an integer, not the string \"three\"",
        "environments/dev.yaml:4:16: error: tag must be a string, not the number 1.10",
      ])
  }

  @Test func quotedNumberGetsAHint() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n  replicas: \"2\"\n")
    #expect(p.diagnostics("dev").first?.hint == "remove the quotes: 2")
  }

  @Test func errorsInSetArgumentsPointIntoTheArgument() {
    let d = Fixtures.twoComponents().diagnostics("dev", set: ["web.replicas=2,web.replcias=3"])
    #expect(d.map(\.description) == ["--set:1:20: error: unknown field \"replcias\" in component \"web\""])
  }

  @Test func invalidYAML() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n  enabled: true\n   replicas: 2\n")
    #expect(p.errors("dev") == ["environments/dev.yaml:3:12: error: mapping values are not allowed in this context"])
  }

  @Test func duplicateKey() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n  enabled: true\n  enabled: false\n")
    #expect(p.errors("dev") == ["environments/dev.yaml:3:3: error: duplicate key \"enabled\""])
  }

  @Test func duplicateKeyInAManifest() {
    var p = Fixtures.twoComponents()
    p.write("components/web/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n")
    #expect(p.errors("prod") == ["components/web/service.yaml:5:3: error: duplicate key \"name\""])
  }

  @Test func unknownEnvironment() {
    let d = Fixtures.twoComponents().diagnostics("prdo")
    #expect(d.map(\.description) == ["kiln: error: unknown environment \"prdo\""])
    #expect(d.first?.hint == "did you mean \"prod\"?")
    #expect(d.first?.notes == ["environments: dev, prod"])
  }

  @Test func replicasOnAComponentWithNothingToScale() {
    var p = Fixtures.twoComponents()
    p.write("components/config/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
    p.write("environments/dev.yaml", "config:\n  enabled: true\n  replicas: 2\n")
    #expect(
      p.errors("dev") == [
        "environments/dev.yaml:3:13: error: config.replicas is set, but component \"config\" has no Deployment, StatefulSet or ReplicaSet to scale"
      ])
  }

  @Test func imageShortcutWithSeveralImages() {
    var p = Fixtures.twoComponents()
    p.write(
      "components/web/sidecar.yaml",
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: proxy}
      spec:
        template:
          spec:
            containers:
            - {name: proxy, image: envoyproxy/envoy:v1.30}
      """)
    p.write("components/web/kustomization.yaml", "resources: [deployment.yaml, service.yaml, sidecar.yaml]\n")
    p.write("environments/dev.yaml", "web: {image: {tag: \"2\"}}\n")
    let d = p.diagnostics("dev")
    #expect(
      d.map(\.description) == [
        "environments/dev.yaml:1:14: error: web.image is a shortcut for a component's only image, but \"web\" runs 2: envoyproxy/envoy, shop/web"
      ])
  }

  @Test func allProblemsAreReportedAtOnce() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web: {replicsa: 1}\nworker: {enabeld: true}\nnamespcae: x\n")
    #expect(p.errors("dev").count == 3)
  }

  @Test func kustomizationSettingsAreCheckedAsInAKustomization() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "web:\n  patches: nope\n")
    #expect(
      p.errors("dev") == [
        "environments/dev.yaml:2:12: error: patches in component \"web\" must be a list, not the string \"nope\""
      ])
  }

  @Test func badNamespace() {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "namespace: Shop_Dev\n")
    #expect(
      p.errors("dev") == [
        "environments/dev.yaml:1:12: error: namespace \"Shop_Dev\" may only hold lowercase letters, digits and '-'"
      ])
  }
}

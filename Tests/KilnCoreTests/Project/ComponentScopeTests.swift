import KilnTestSupport
import Testing

@testable import KilnCore

/// A component's own kustomization settings touch its own objects only: the Kustomize
/// Component label leak is gone.
@Suite struct ComponentScopeTests {
  @Test func eachServiceSelectsItsOwnComponent() throws {
    let yaml = try Fixtures.twoComponents().build("prod")
    #expect(
      yaml.contains(
        """
        kind: Service
        metadata:
          labels:
            app.kubernetes.io/component: web
          name: shop-web
          namespace: shop
        spec:
          ports:
          - port: 80
            targetPort: 8080
          selector:
            app.kubernetes.io/component: web
        """))
    #expect(
      yaml.contains(
        """
          selector:
            app.kubernetes.io/component: worker
        """))
  }

  @Test func baseObjectsGetNoComponentLabel() throws {
    let yaml = try Fixtures.twoComponents().build("prod")
    #expect(
      yaml.hasPrefix(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: shop
          namespace: shop
        ---
        """))
  }

  @Test func disabledComponentsRenderNothing() throws {
    let yaml = try Fixtures.twoComponents().build("dev")
    #expect(yaml.contains("shop-web"))
    #expect(!yaml.contains("worker"))
  }

  @Test func aDirectoryWithoutKustomizationTakesEveryYAMLFile() throws {
    var p = ProjectHarness()
    p.write("components/db/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n")
    p.write("components/db/a.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
    p.write("components/db/notes.txt", "not a manifest")
    p.write("environments/dev.yaml", "db: {enabled: true}\n")
    let resources = try p.result("dev").resources
    #expect(resources.map(\.name) == ["a", "b"])
    #expect(resources.map(\.sourcePath) == ["components/db/a.yml", "components/db/b.yaml"])
  }
}

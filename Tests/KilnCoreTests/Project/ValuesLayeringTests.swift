import KilnTestSupport
import Testing

@testable import KilnCore

/// defaults.yaml, then the environment, then -f files, then --set-json, --set, --set-string.
@Suite struct ValuesLayeringTests {
  @Test func environmentOverridesDefaults() throws {
    let values = try Fixtures.twoComponents().result("prod").values
    #expect(values.enabledComponents == ["web", "worker"])
    #expect(values.namespace?.string == "shop")
  }

  @Test func setWinsOverFiles() throws {
    let yaml = try Fixtures.twoComponents().build("prod", set: ["web.replicas=5"])
    #expect(yaml.contains("  replicas: 5\n"))
    #expect(!yaml.contains("  replicas: 3\n"))
  }

  @Test func setStringWinsOverSetWhateverTheOrder() throws {
    var p = Fixtures.twoComponents()
    p.write("environments/dev.yaml", "namespace: shop-dev\nweb: {image: {tag: x}}\n")
    let yaml = try p.build("dev", set: ["web.image.tag=from-set"], setString: ["web.image.tag=from-set-string"])
    #expect(yaml.contains("image: shop/web:from-set-string"))
  }

  @Test func valuesFilesLayerInOrder() throws {
    var p = Fixtures.twoComponents()
    p.writeOutside("/elsewhere/one.yaml", "web: {replicas: 2, image: {tag: one}}\n")
    p.writeOutside("/elsewhere/two.yaml", "web: {replicas: 4}\n")
    let yaml = try p.build("prod", files: ["/elsewhere/one.yaml", "/elsewhere/two.yaml"])
    #expect(yaml.contains("  replicas: 4\n"))
    #expect(yaml.contains("image: shop/web:one"))
  }

  @Test func nullDeletesALowerValue() throws {
    var p = Fixtures.twoComponents()
    p.writeOutside("/elsewhere/reset.yaml", "web: {replicas: null, image: null}\n")
    let yaml = try p.build("prod", files: ["/elsewhere/reset.yaml"])
    #expect(yaml.contains("  replicas: 1\n"))
    #expect(yaml.contains("image: shop/web:1.0"))
  }

  @Test func setJSONSetsStructuredValues() throws {
    let yaml = try Fixtures.twoComponents().build("dev", setJSON: ["web.nodeSelector={\"disktype\":\"ssd\"}"])
    #expect(yaml.contains("      nodeSelector:\n        disktype: ssd\n"))
  }
}

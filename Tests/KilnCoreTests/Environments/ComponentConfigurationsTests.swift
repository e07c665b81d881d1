import Testing

@testable import KilnCore

/// A component's `configurations` are in force for that component only: its own transforms
/// and the reference update of its own objects.
@Suite struct ComponentConfigurationsTests {
  static let files = [
    "base/widget.yaml": """
    apiVersion: example.com/v1
    kind: Widget
    metadata:
      name: base-widget
    spec:
      configRef: widget-settings
    """,
    "components/widgets/kustomization.yaml": """
    resources:
    - widget.yaml
    configMapGenerator:
    - name: widget-settings
      literals:
      - color=blue
    namespace: widgets
    configurations:
    - kustomizeconfig.yaml
    """,
    "components/widgets/kustomizeconfig.yaml": """
    nameReference:
    - kind: ConfigMap
      version: v1
      fieldSpecs:
      - kind: Widget
        path: spec/configRef
    namespace:
    - kind: Widget
      path: spec/target/namespace
      create: true
    """,
    "components/widgets/widget.yaml": """
    apiVersion: example.com/v1
    kind: Widget
    metadata:
      name: widget
    spec:
      configRef: widget-settings
    """,
    "environments/prod.yaml": "widgets:\n  enabled: true\n",
  ]

  @Test func theComponentsFieldSpecsReachOnlyItsObjects() throws {
    let objects = try Compiler.build(ProjectCheck.request("prod"), fileSystem: ProjectCheck.fileSystem(Self.files))
      .resources
    let widget = try #require(objects.first { $0.name == "widget" })
    let configMap = try #require(objects.first { $0.kind == "ConfigMap" })
    #expect(configMap.name.hasPrefix("widget-settings-"))
    #expect(widget.node.value(at: ["spec", "configRef"])?.string == configMap.name)
    #expect(widget.node.value(at: ["spec", "target", "namespace"])?.string == "widgets")
    let baseWidget = try #require(objects.first { $0.name == "base-widget" })
    #expect(baseWidget.node.value(at: ["spec", "configRef"])?.string == "widget-settings")
  }
}

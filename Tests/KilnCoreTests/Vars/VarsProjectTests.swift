import KilnTestSupport
import Testing

@testable import KilnCore

/// `vars` in a kiln project: each component's kustomization is its own build, so its vars
/// name its own objects and are substituted in them only; two components may use one name.
@Suite struct VarsProjectTests {
  static func component(_ name: String) -> String {
    """
    apiVersion: v1
    kind: Service
    metadata:
      name: \(name)
    spec:
      ports:
      - port: 80
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: \(name)
    spec:
      template:
        spec:
          containers:
          - name: \(name)
            image: \(name):1
            env:
            - name: SELF
              value: http://$(SERVICE)
    """
  }

  static let kustomization = """
    resources: [app.yaml]
    vars:
    - name: SERVICE
      objref: {apiVersion: v1, kind: Service, name: SERVICE_NAME}
    """

  @Test func eachComponentSubstitutesItsOwnVars() throws {
    var p = ProjectHarness()
    for name in ["api", "web"] {
      p.write("components/\(name)/app.yaml", Self.component(name))
      p.write(
        "components/\(name)/kustomization.yaml",
        Self.kustomization.replacingOccurrences(of: "SERVICE_NAME", with: name))
    }
    p.write("environments/dev.yaml", "api: {enabled: true}\nweb: {enabled: true}\n")
    let yaml = try p.build("dev")
    #expect(yaml.contains("value: http://api\n"))
    #expect(yaml.contains("value: http://web\n"))
    #expect(!yaml.contains("$(SERVICE)"))
  }

  @Test func instancesReadTheirOwnObject() throws {
    var p = ProjectHarness()
    p.write(
      "components/api/app.yaml", Self.component("api").replacingOccurrences(of: "$(SERVICE)", with: "$(SERVICE).$(NS)"))
    p.write(
      "components/api/kustomization.yaml",
      Self.kustomization.replacingOccurrences(of: "SERVICE_NAME", with: "api") + """

        - name: NS
          objref: {apiVersion: v1, kind: Service, name: api}
          fieldref: {fieldPath: metadata.namespace}
        """)
    p.write(
      "environments/dev.yaml",
      """
      api:
        enabled: true
        instances:
        - namespace: blue
        - namespace: green
      """)
    let yaml = try p.build("dev")
    #expect(yaml.contains("value: http://api.blue\n"))
    #expect(yaml.contains("value: http://api.green\n"))
  }
}

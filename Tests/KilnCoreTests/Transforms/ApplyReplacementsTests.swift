import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// `replacements:`. Each test gives the objects, the replacements as a kustomization writes
/// them, and what `kubectl kustomize` (v5.5) printed for them.
@Suite struct ApplyReplacementsTests {
  /// The replacements of a kustomization holding only `replacements` (given as its text).
  func replacements(_ yaml: String) throws -> ApplyReplacements {
    let node = try #require(
      try YAMLParser.parseDocuments(Array(("replacements:\n" + yaml).utf8), file: "kustomization.yaml").first)
    return ApplyReplacements(
      replacements: try KustomizationDecoder.decode(node, file: "kustomization.yaml").replacements)
  }

  static let settingsAndDeployment = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      level: debug
      replicas: "3"
      endpoint: api.example.com
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 1
      template:
        spec:
          containers:
          - name: web
            image: nginx:1.27
            env:
            - name: LEVEL
              value: info
          - name: webhook
            image: hook
    """

  @Test func aValueIsCopiedIntoAListElementChosenByItsName() throws {
    let output = try TransformCheck.apply(
      try replacements(
        """
        - source: {kind: ConfigMap, name: settings, fieldPath: data.level}
          targets:
          - select: {kind: Deployment}
            fieldPaths:
            - spec.template.spec.containers.[name=web].env.[name=LEVEL].value
        """), to: Self.settingsAndDeployment)
    #expect(output.contains("value: debug"))
  }

  @Test func aTextCopiedIntoAnIntegerStaysAnInteger() throws {
    let output = try TransformCheck.apply(
      try replacements(
        """
        - source: {kind: ConfigMap, name: settings, fieldPath: data.replicas}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.replicas, metadata.annotations.replicas]
            options: {create: true}
        """), to: Self.settingsAndDeployment)
    // The existing integer keeps its type; the created annotation takes the type "3" reads as.
    #expect(output.contains("  replicas: 3\n"))
    #expect(output.contains("    replicas: 3\n"))
  }

  @Test func aTextAnIntegerFieldCannotHoldIsAnErrorAtTheFieldPath() throws {
    let problems = try TransformCheck.diagnostics(
      try replacements(
        """
        - source: {kind: ConfigMap, name: settings, fieldPath: data.level}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.replicas]
        """), on: Self.settingsAndDeployment)
    #expect(problems.map(\.message) == [ReplacementMessages.unreadable("debug", as: .int)])
    #expect(problems.first?.location?.line == 5)
  }

  @Test func theListSelectorIsAPatternFoundAnywhereInTheName() throws {
    // `[name=web]` also reaches the container `webhook`, as in Kustomize.
    let output = try TransformCheck.apply(
      try replacements(
        """
        - source: {kind: ConfigMap, name: settings, fieldPath: data.level}
          targets:
          - select: {kind: Deployment}
            fieldPaths:
            - spec.template.spec.containers.[name=web].image
            options: {delimiter: ':', index: 1}
        """), to: Self.settingsAndDeployment)
    #expect(output.contains("image: nginx:debug"))
    #expect(output.contains("image: hook:debug"))
  }

  @Test func aSourceDelimiterTakesOnePart() throws {
    let output = try TransformCheck.apply(
      try replacements(
        """
        - source: {kind: ConfigMap, name: settings, fieldPath: data.endpoint, options: {delimiter: ., index: 0}}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [metadata.labels.app]
            options: {create: true}
        """), to: Self.settingsAndDeployment)
    #expect(output.contains("    app: api\n"))
  }

  @Test func aSourceThatSelectsTwoObjectsIsAnErrorAtTheEntry() throws {
    let problems = try TransformCheck.diagnostics(
      try replacements(
        """
        - source: {name: web}
          targets:
          - select: {kind: Deployment}
        """),
      on: Self.settingsAndDeployment + "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n")
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("selects more than one object") == true)
    #expect(problems.first?.location?.line == 2)
  }

  @Test func aMissingTargetFieldWithoutCreateIsAnError() throws {
    let problems = try TransformCheck.diagnostics(
      try replacements(
        """
        - source: {kind: ConfigMap, name: settings, fieldPath: data.level}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [metadata.annotations.level]
        """), on: Self.settingsAndDeployment)
    #expect(
      problems.map(\.message) == [
        ReplacementMessages.targetFieldMissing(
          "metadata.annotations.level",
          in: ResourceID(group: "apps", version: "v1", kind: "Deployment", namespace: "", name: "web"), create: false)
      ])
  }

  @Test func anObjectIsSelectedByTheNameItHadBeforeAPrefix() throws {
    var list = try TransformHarness.resources(Self.settingsAndDeployment)
    list[0].rename(to: "p-settings")
    try replacements(
      """
      - source: {kind: ConfigMap, name: settings}
        targets:
        - select: {kind: Deployment}
          fieldPaths: [metadata.annotations.config]
          options: {create: true}
      """
    ).apply(to: &list)
    #expect(list[1].node.value(at: ["metadata", "annotations", "config"])?.string == "p-settings")
  }

  @Test func pathsSplitAsKustomizeSplitsThem() {
    #expect(
      ReplacementPath.split("metadata.annotations.[cert-manager.io/inject-ca-from]") == [
        "metadata", "annotations", "cert-manager.io/inject-ca-from",
      ])
    #expect(
      ReplacementPath.split("spec.containers.[name=com.example.app].image") == [
        "spec", "containers", "[name=com.example.app]", "image",
      ])
    #expect(ReplacementPath.split(#"data.a\.b"#) == ["data", "a.b"])
  }

  @Test func aListElementPatternIsFoundAnywhereUnlessAnchored() throws {
    #expect(try ElementPattern("web").matches("webapp"))
    #expect(try ElementPattern("web").matches("my-web"))
    #expect(try !ElementPattern("^web$").matches("webapp"))
    #expect(try ElementPattern("a.i").matches("api"))
  }

  @Test func queuedLabelsWaitUnlessTheirFieldsMeetAReplacementPath() throws {
    let labels = FieldSpec(path: "spec/template/metadata/labels", create: true).path
    // A label set on the template, and a replacement reading the template's labels: they meet.
    #expect(ApplyReplacements.meet(labels, [.key("spec"), .key("template")]))
    #expect(
      ApplyReplacements.meet(labels, [.key("spec"), .key("template"), .key("metadata"), .key("labels"), .key("a")]))
    // A replacement writing a container's env var: they do not.
    #expect(
      !ApplyReplacements.meet(
        labels, [.key("spec"), .key("template"), .key("spec"), .key("containers"), nil, .key("env")])
    )
  }
}

/// Which replacement writes may give an object a new id (the accumulation's indexes by name
/// then start again); a CA-injection annotation must not make every component re-index.
@Suite struct ReplacementIDChangeTests {
  func mayChangeID(_ path: String) throws -> Bool {
    let r = try ApplyReplacementsTests().replacements(
      """
      - source: {kind: ConfigMap, name: settings, fieldPath: data.level}
        targets:
        - select: {kind: Deployment}
          fieldPaths:
          - \(path)
      """)
    return r.mayChangeIDs
  }

  @Test func namesNamespacesKindsAndVersionsAreIDs() throws {
    #expect(try mayChangeID("metadata.name"))
    #expect(try mayChangeID("metadata.namespace"))
    #expect(try mayChangeID("kind"))
    #expect(try mayChangeID("apiVersion"))
    #expect(try mayChangeID("metadata"))
    #expect(try mayChangeID("metadata.*"))
  }

  @Test func annotationsLabelsAndSpecAreNot() throws {
    #expect(try !mayChangeID("metadata.annotations.[cert-manager.io/inject-ca-from]"))
    #expect(try !mayChangeID("metadata.labels.version"))
    #expect(try !mayChangeID("spec.template.metadata.annotations.version"))
  }
}

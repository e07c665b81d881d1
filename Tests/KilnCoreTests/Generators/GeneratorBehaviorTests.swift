import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// `behavior: create | merge | replace`. Expected outputs are what kubectl kustomize printed.
@Suite struct GeneratorBehaviorTests {
  static let base = """
    configMapGenerator:
    - name: cfg
      literals: [a=1]
      options:
        disableNameSuffixHash: true
        labels: {l1: base, shared: base}
        annotations: {an: base}
    """

  @Test func mergeKeepsTheOldMetadataAddsTheNewAndMergesData() throws {
    let output = try GeneratorCheck.build(
      [
        "base/kustomization.yaml": Self.base,
        "ov/kustomization.yaml": """
        resources: [../base]
        configMapGenerator:
        - name: cfg
          behavior: merge
          literals: [b=2]
          options:
            labels: {shared: ov, l2: ov}
        """,
      ], in: "ov")
    #expect(
      output == """
        apiVersion: v1
        data:
          a: "1"
          b: "2"
        kind: ConfigMap
        metadata:
          annotations:
            an: base
          labels:
            l1: base
            l2: ov
            shared: ov
          name: cfg
        """)
  }

  @Test func replaceKeepsOnlyTheNewDataButStillMergesMetadata() throws {
    let output = try GeneratorCheck.build(
      [
        "base/kustomization.yaml": Self.base,
        "ov/kustomization.yaml": """
        resources: [../base]
        configMapGenerator:
        - name: cfg
          behavior: replace
          literals: [b=2]
          options:
            immutable: true
        """,
      ], in: "ov")
    #expect(
      output == """
        apiVersion: v1
        data:
          b: "2"
        immutable: true
        kind: ConfigMap
        metadata:
          annotations:
            an: base
          labels:
            l1: base
            shared: base
          name: cfg
        """)
  }

  /// The hash is kept only when both the existing object and the new entry want it.
  @Test(arguments: [
    (false, false, "replace", "cfg"), (true, false, "merge", "cfg"), (false, true, "merge", "cfg"),
    (true, true, "merge", "cfg-7gdc49gk6d"), (true, false, "replace", "cfg"), (true, true, "replace", "cfg-fmbk44khfc"),
  ])
  func aHashOnlyWhenBothWantOne(_ baseHash: Bool, _ overlayHash: Bool, _ behavior: String, _ name: String) throws {
    let resources = try GeneratorCheck.resources(
      [
        "base/kustomization.yaml": """
        configMapGenerator:
        - name: cfg
          literals: [a=1]
          options: {disableNameSuffixHash: \(!baseHash)}
        """,
        "ov/kustomization.yaml": """
        resources: [../base]
        configMapGenerator:
        - name: cfg
          behavior: \(behavior)
          literals: [b=2]
          options: {disableNameSuffixHash: \(!overlayHash)}
        """,
      ], in: "ov")
    #expect(resources.map(\.name) == [name])
  }

  @Test func mergingIntoAConfigMapFromResourcesAddsNoHash() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      resources: [cm.yaml]
      configMapGenerator:
      - name: plain
        behavior: merge
        literals: [b=2]
      """,
      "cm.yaml": """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: plain
        labels: {keep: me}
      data:
        a: 0x1F
      """,
    ])
    // The old value is read back as its text: the number becomes the string "0x1F".
    #expect(
      output == """
        apiVersion: v1
        data:
          a: "0x1F"
          b: "2"
        kind: ConfigMap
        metadata:
          labels:
            keep: me
          name: plain
        """)
  }

  @Test func anEmptyNamespaceAndDefaultAreTheSameAndTheOldNamespaceStays() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      configMapGenerator:
      - name: a
        literals: [x=1]
      - name: a
        behavior: merge
        literals: [y=1]
      - name: a
        namespace: default
        behavior: merge
        literals: [z=1]
      """
    ])
    #expect(
      output == """
        apiVersion: v1
        data:
          x: "1"
          "y": "1"
          z: "1"
        kind: ConfigMap
        metadata:
          name: a-2878khck42
        """)
  }

  @Test func aSecretMergeTakesTheNewType() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      secretGenerator:
      - name: sec
        type: kubernetes.io/tls
        literals: [tls.crt=x, tls.key=y]
      - name: sec
        behavior: merge
        literals: [extra=z]
      """
    ])
    #expect(
      output == """
        apiVersion: v1
        data:
          extra: eg==
          tls.crt: eA==
          tls.key: eQ==
        kind: Secret
        metadata:
          name: sec-46t899hhtg
        type: Opaque
        """)
  }

  /// An overlay names a base's generated object by the name it was generated with, even after
  /// the base renamed it.
  @Test func previousNamesAndNamespacesAreMatched() throws {
    var renamed = Resource(
      node: try TransformHarness.node(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-cfg\n  namespace: base-ns\n"),
      sourcePath: "base/kustomization.yaml")
    func id(_ name: String, _ namespace: String) -> ResourceID {
      ResourceID(group: "", version: "v1", kind: "ConfigMap", namespace: namespace, name: name)
    }
    // What Kustomize records when a base sets `namespace: base-ns`, then `namePrefix: p-`.
    renamed.previousIDs = [id("cfg", ""), id("cfg", "base-ns")]
    #expect(GeneratorBehavior.matches(renamed, id("cfg", "")))
    #expect(GeneratorBehavior.matches(renamed, id("cfg", "default")))
    #expect(GeneratorBehavior.matches(renamed, id("cfg", "base-ns")))
    #expect(GeneratorBehavior.matches(renamed, id("p-cfg", "base-ns")))
    #expect(!GeneratorBehavior.matches(renamed, id("cfg", "other")))
    #expect(
      !GeneratorBehavior.matches(
        renamed, ResourceID(group: "", version: "v1", kind: "Secret", namespace: "", name: "cfg")))
  }

  @Test func mergeAndReplaceKeepTheOldPlaceInTheList() throws {
    let resources = try GeneratorCheck.resources([
      "kustomization.yaml": """
      sortOptions: {order: fifo}
      configMapGenerator:
      - name: first
      - name: second
      - name: first
        behavior: replace
        literals: [a=1]
      """
    ])
    #expect(resources.map(\.originalName) == ["first", "second"])
  }
}

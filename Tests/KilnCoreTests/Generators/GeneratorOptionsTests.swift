import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// `generatorOptions` merged into each generator's `options`.
@Suite struct GeneratorOptionsTests {
  func options(labels: KeyValuePairs<String, String> = [:], disable: Bool? = nil, immutable: Bool? = nil)
    -> GeneratorOptions
  {
    var options = GeneratorOptions()
    options.labels = labels.map { MapEntry(key: $0.key, value: .string($0.value)) }
    options.disableNameSuffixHash = disable
    options.immutable = immutable
    return options
  }

  @Test func theGeneratorWinsOnALabelKeyAndGlobalLabelsAreAdded() {
    let merged = GeneratorOptions.merging(
      options(labels: ["both": "local"]), global: options(labels: ["g": "global", "both": "global"]))
    #expect(merged.labels.map { "\($0.key)=\($0.value.string ?? "")" } == ["both=local", "g=global"])
  }

  @Test func aGlobalTrueCannotBeTurnedOffButAGlobalFalseChangesNothing() {
    let off = GeneratorOptions.merging(
      options(disable: false, immutable: false), global: options(disable: true, immutable: true))
    #expect(off.disableNameSuffixHash == true && off.immutable == true)
    #expect(!off.addsHashSuffix)
    let local = GeneratorOptions.merging(
      options(disable: true, immutable: true), global: options(disable: false, immutable: false))
    #expect(local.disableNameSuffixHash == true && local.immutable == true)
    #expect(GeneratorOptions.merging(nil, global: nil).addsHashSuffix)
  }

  /// kubectl kustomize printed this tree.
  @Test func optionsInTheOutput() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      generatorOptions:
        labels: {g: global, both: global}
        annotations: {ga: "1"}
        disableNameSuffixHash: true
      configMapGenerator:
      - name: a
        literals: [x=1]
        options:
          labels: {both: local}
          disableNameSuffixHash: false
          immutable: false
      - name: b
        namespace: other
        literals: [x=1]
      """
    ])
    #expect(
      output == """
        apiVersion: v1
        data:
          x: "1"
        kind: ConfigMap
        metadata:
          annotations:
            ga: "1"
          labels:
            both: global
            g: global
          name: b
          namespace: other
        ---
        apiVersion: v1
        data:
          x: "1"
        kind: ConfigMap
        metadata:
          annotations:
            ga: "1"
          labels:
            both: local
            g: global
          name: a
        """)
  }
}

import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// The ConfigMaps and Secrets generators make. Each expected output is what kubectl kustomize
/// (v5.5) printed for the same tree.
@Suite struct GeneratedObjectTests {
  @Test func aConfigMapFromLiteralsGetsItsDataAndAHashedName() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      configMapGenerator:
      - name: x
        literals: [a=b]
      """
    ])
    #expect(
      output == """
        apiVersion: v1
        data:
          a: b
        kind: ConfigMap
        metadata:
          name: x-4h2mbtbbt6
        """)
  }

  @Test func textFilesGoToDataAndOtherFilesToBinaryData() throws {
    let output = try GeneratorCheck.build(
      [
        "kustomization.yaml": """
        configMapGenerator:
        - name: f
          files: [sub/a.txt, k=sub/a.txt, sub/bin]
        """,
        "sub/a.txt": "hello\n",
      ],
      bytes: ["sub/bin": [0x00, 0x01, 0xFF]])
    #expect(
      output == """
        apiVersion: v1
        binaryData:
          bin: AAH/
        data:
          a.txt: |
            hello
          k: |
            hello
        kind: ConfigMap
        metadata:
          name: f-mdhh8d76b9
        """)
  }

  @Test func aSecretIsBase64WithItsTypeImmutableAndLabels() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      secretGenerator:
      - name: s
        literals:
        - a51=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        - a52=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        - e=
        type: kubernetes.io/tls
        options:
          immutable: true
          labels: {x: "y"}
      """
    ])
    #expect(
      output == """
        apiVersion: v1
        data:
          a51: YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh
          a52: |
            YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ
            ==
          e: ""
        immutable: true
        kind: Secret
        metadata:
          labels:
            x: "y"
          name: s-mfbk7tg725
        type: kubernetes.io/tls
        """)
  }

  @Test func withoutSourcesAConfigMapHasNoDataAndASecretAnEmptyOne() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": """
      configMapGenerator:
      - name: e
      secretGenerator:
      - name: s
      """
    ])
    #expect(
      output == """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: e-6ct58987ht
        ---
        apiVersion: v1
        data: {}
        kind: Secret
        metadata:
          name: s-46f8b28mk5
        type: Opaque
        """)
  }

  @Test func theNamespaceIsKeptAndAnEmptyTypeIsOpaque() throws {
    let resources = try GeneratorCheck.resources([
      "kustomization.yaml": """
      secretGenerator:
      - name: s
        namespace: prod
        type: ""
      """
    ])
    let secret = try #require(resources.first)
    #expect(secret.namespace == "prod")
    #expect(secret.node["type"]?.string == "Opaque")
    #expect(secret.isGenerated)
    #expect(secret.name == "s-46f8b28mk5")
    #expect(secret.previousNames == ["s"])
    #expect(secret.sourcePath == "kustomization.yaml")
  }

  @Test func sourcesAreReadRelativeToTheirKustomization() throws {
    let output = try GeneratorCheck.build([
      "kustomization.yaml": "resources: [base]\n",
      "base/kustomization.yaml": """
      configMapGenerator:
      - name: cfg
        envs: [conf/app.env]
      """,
      "base/conf/app.env": "a=1\nb=2\n",
    ])
    #expect(
      output == """
        apiVersion: v1
        data:
          a: "1"
          b: "2"
        kind: ConfigMap
        metadata:
          name: cfg-7gdc49gk6d
        """)
  }
}

import Foundation
import KilnTestSupport
import Testing

/// User-written patterns run in linear time (issue 11, hostile defect 2). Each pattern here is
/// exponential in a backtracking engine: with 30 characters kiln used to run for hours (16 took
/// 25 s); kubectl answers at once, and so must kiln.
@Suite struct RegexBlowUpTests {
  static let longName = String(repeating: "a", count: 30)

  static func configMap(_ name: String) -> String {
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  k: v\n"
  }

  @Test func kustomizePatchTargetName() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-regex")
    try tree.write("cm.yaml", Self.configMap(Self.longName))
    try tree.write(
      "kustomization.yaml",
      """
      resources:
      - cm.yaml
      patches:
      - target: {kind: ConfigMap, name: "(a+)+b"}
        patch: |-
          - {op: add, path: /data/patched, value: "yes"}
      - target: {kind: ConfigMap, name: "(a+)+"}
        patch: |-
          - {op: add, path: /data/matched, value: "yes"}

      """)
    let result = try KilnBinary.run(["kustomize", "."], directory: tree.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        apiVersion: v1
        data:
          k: v
          matched: "yes"
        kind: ConfigMap
        metadata:
          name: \(Self.longName)

        """)
  }

  @Test func environmentPatchTarget() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-regex")
    try tree.write("components/api/cm.yaml", Self.configMap(Self.longName))
    try tree.write(
      "environments/prod.yaml",
      """
      api:
        enabled: true
        patches:
        - target: {kind: ConfigMap, name: "(a+)+b"}
          patch: |-
            - {op: add, path: /data/patched, value: "yes"}

      """)
    let result = try KilnBinary.run(["build", "prod"], directory: tree.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("patched"))
    #expect(result.stdout.contains("name: \(Self.longName)"))
  }

  @Test func valuesSchemaPattern() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-regex")
    try tree.write("components/api/cm.yaml", Self.configMap("api"))
    try tree.write(
      "environments/schema.json",
      """
      {"type": "object", "properties": {"api": {"type": "object",
        "properties": {"tag": {"type": "string", "pattern": "^(a+)+b$"}}}}}
      """)
    try tree.write("environments/prod.yaml", "api:\n  enabled: true\n  tag: \(Self.longName)\n")
    let result = try KilnBinary.run(["build", "prod"], directory: tree.path)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("environments/prod.yaml:3:8: error: api.tag"), "\(result.stderr)")
  }
}

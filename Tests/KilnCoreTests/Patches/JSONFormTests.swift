import KilnCore
import KilnYAML
import Testing

/// The JSON round trip of a JSON 6902 patch: YAML 1.1 patch values, numbers through float64,
/// annotations rewritten as strings.
@Suite struct JSONFormTests {
  static func apply(_ operations: String, to input: String) throws -> String {
    try PatchCheck.apply(PatchCheck.patch(operations, target: PatchTarget(kind: "ConfigMap")), to: input)
  }

  static let empty = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata: {}\n"

  /// Kustomize converts a YAML patch to JSON with YAML 1.1 rules (sigs.k8s.io/yaml).
  @Test func patchValuesReadAsYAML11() throws {
    let output = try Self.apply(
      """
      - {op: add, path: /data/yes, value: yes}
      - {op: add, path: /data/octal, value: 0123}
      - {op: add, path: /data/date, value: 2024-01-01}
      - {op: add, path: /data/million, value: 1000000}
      """, to: Self.empty)
    #expect(
      output == """
        apiVersion: v1
        data:
          date: "2024-01-01"
          million: 1000000
          octal: 83
          "yes": true
        kind: ConfigMap
        metadata:
          name: cm
        """)
  }

  @Test func everyNumberOfThePatchedObjectGoesThroughFloat64() throws {
    let input =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  big: 12345678901234567890\n  when: 2024-01-01\n"
    let output = try Self.apply("- {op: add, path: /data/x, value: \"1\"}", to: input)
    #expect(output.contains("big: 12345678901234567000\n"))
    #expect(output.contains("when: \"2024-01-01T00:00:00Z\"\n"))
  }

  @Test func annotationsBecomeStrings() throws {
    let output = try Self.apply(
      """
      - {op: add, path: /metadata/annotations, value: {num: 5, map: {a: b}, flag: true}}
      """, to: Self.empty)
    #expect(
      output.contains(
        """
          annotations:
            flag: "true"
            map: ""
            num: "5"
        """))
  }

  @Test func annotationsThatAreNotAMapGoAway() throws {
    let output = try Self.apply("- {op: add, path: /metadata/annotations, value: text}", to: Self.empty)
    #expect(!output.contains("annotations"))
  }
}

import KilnCore
import KilnYAML
import Testing

/// JSON 6902 patches as Kustomize applies them (evanphx/json-patch v4).
@Suite struct JSONPatchTests {
  static let configMap = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      mode: fast
      list: [a, b, c]
    """

  static func apply(_ operations: String, to input: String = configMap) throws -> String {
    try PatchCheck.apply(PatchCheck.patch(operations, target: PatchTarget(kind: "ConfigMap")), to: input)
  }

  static func errors(_ operations: String) throws -> [String] {
    try PatchCheck.errors(PatchCheck.patch(operations, target: PatchTarget(kind: "ConfigMap")), on: configMap)
  }

  @Test func addRemoveReplaceMoveCopyTest() throws {
    let output = try Self.apply(
      """
      - {op: test, path: /data/mode, value: fast}
      - {op: replace, path: /data/mode, value: slow}
      - {op: add, path: /data/level, value: "3"}
      - {op: copy, from: /data/level, path: /data/copy}
      - {op: move, from: /data/copy, path: /data/moved}
      - {op: remove, path: /data/list/1}
      """)
    #expect(
      output == """
        apiVersion: v1
        data:
          level: "3"
          list:
          - a
          - c
          mode: slow
          moved: "3"
        kind: ConfigMap
        metadata:
          name: settings
        """)
  }

  @Test func pointersEscapeSlashAndTildeAndIndexArrays() throws {
    let output = try Self.apply(
      """
      - {op: add, path: /metadata/annotations, value: {}}
      - {op: add, path: /metadata/annotations/example.com~1owner, value: team}
      - {op: add, path: /metadata/annotations/a~0b, value: t}
      - {op: add, path: /data/list/-, value: end}
      - {op: add, path: /data/list/0, value: start}
      - {op: remove, path: /data/list/-1}
      """)
    #expect(
      output == """
        apiVersion: v1
        data:
          list:
          - start
          - a
          - b
          - c
          mode: fast
        kind: ConfigMap
        metadata:
          annotations:
            a~b: t
            example.com/owner: team
          name: settings
        """)
  }

  /// evanphx's departures from RFC 6902, kept because kubectl has them.
  @Test func replaceOfAMissingKeyAddsItAndCopyOfNothingCopiesNull() throws {
    let output = try Self.apply(
      """
      - {op: replace, path: /data/new, value: added}
      - {op: copy, from: /data/nothing, path: /data/copied}
      - {op: add, path: /data/novalue}
      """)
    #expect(output.contains("copied: null\n  list:"))
    #expect(output.contains("new: added\n  novalue: null"))
  }

  @Test func failuresUseEvanphxWords() throws {
    #expect(
      try Self.errors("- {op: add, path: /spec/x, value: 1}") == [
        "add operation does not apply: doc is missing path: \"/spec/x\": missing value"
      ])
    #expect(
      try Self.errors("- {op: remove, path: /data/absent}") == [
        "error in remove for path: '/data/absent': Unable to remove nonexistent key: absent: missing value"
      ])
    #expect(
      try Self.errors("- {op: test, path: /data/mode, value: slow}") == [
        "testing value /data/mode failed: test failed"
      ])
    #expect(
      try Self.errors("- {op: add, path: /data/list/9, value: x}") == [
        "error in add for path: '/data/list/9': Unable to access invalid index: 9: invalid index referenced"
      ])
    #expect(try Self.errors("- {op: frob, path: /data}") == ["Unexpected kind: frob"])
  }

  @Test func aJSONPatchNeedsATarget() throws {
    #expect(
      try PatchCheck.errors(PatchCheck.patch("- {op: remove, path: /data}"), on: Self.configMap) == [
        "a JSON 6902 patch needs a target"
      ])
  }
}

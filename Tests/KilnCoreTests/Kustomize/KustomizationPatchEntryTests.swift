import KilnYAML
import Testing

@testable import KilnCore

/// How a kustomization's `patches:` entries are read: each mistake is reported once, where the
/// entry is written.
@Suite struct KustomizationPatchEntryTests {
  static func errors(_ yaml: String) throws -> [String] {
    let node = try #require(try YAMLParser.parseDocuments(Array(yaml.utf8), file: "kustomization.yaml").first)
    do {
      _ = try KustomizationDecoder.decode(node, file: "kustomization.yaml")
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics.map(\.message)
    }
  }

  /// An old component style writes the patch text itself as the entry; kubectl refuses it
  /// (a string is no Patch), and so does kiln, once.
  @Test func anEntryWrittenAsPatchTextIsOneError() throws {
    let yaml = "patches:\n- |\n  apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n  $patch: delete\n"
    #expect(try Self.errors(yaml) == ["patches entry must be a mapping, not a string"])
  }

  @Test func aMappingWithNeitherPathNorPatchSaysSo() throws {
    #expect(
      try Self.errors("patches:\n- target:\n    kind: Service\n") == ["patches entry needs a path or a patch"])
  }
}

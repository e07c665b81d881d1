import KilnCore
import KilnYAML

/// Runs transforms over objects written as YAML and gives the result back as YAML, so a
/// transform test is an input, a transform and an expected output.
public enum TransformHarness {
  public static func resources(_ yaml: String, component: String? = nil) throws -> [Resource] {
    try YAMLParser.parseDocuments(Array(yaml.utf8), file: "input.yaml").map {
      Resource(node: $0, sourcePath: "input.yaml", component: component)
    }
  }

  public static func apply(_ transforms: [any Transform], to yaml: String) throws -> String {
    var list = try resources(yaml)
    for transform in transforms { try transform.apply(to: &list) }
    return String(decoding: ManifestRenderer.render(list, sources: false), as: UTF8.self)
  }

  public static func apply(_ transform: any Transform, to yaml: String) throws -> String {
    try apply([transform], to: yaml)
  }

  /// A string node, located in a pretend values file, for building transforms by hand.
  public static func value(_ text: String) -> Node {
    .string(text, at: SourceLocation(file: "values.yaml", line: 1, column: 1))
  }

  /// Parses a YAML snippet into a node (a values fragment for a component setting).
  public static func node(_ yaml: String) throws -> Node {
    try YAMLParser.parseDocuments(Array(yaml.utf8), file: "values.yaml").first ?? .null()
  }
}

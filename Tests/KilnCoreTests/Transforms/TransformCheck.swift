import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Small helpers so a transform test reads as: input YAML, the transform, expected YAML.
enum TransformCheck {
  /// The YAML `transforms` make of `input`, in kiln's canonical layout, without the final
  /// newline (so it compares with a multi-line string literal).
  static func apply(_ transforms: any Transform..., to input: String) throws -> String {
    let output = try TransformHarness.apply(transforms, to: input)
    return output.hasSuffix("\n") ? String(output.dropLast()) : output
  }

  /// The diagnostics a failing transform throws (empty when it succeeds).
  static func diagnostics(_ transform: any Transform, on input: String) throws -> [Diagnostic] {
    var list = try TransformHarness.resources(input)
    do {
      try transform.apply(to: &list)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch let error as Diagnostic {
      return [error]
    }
  }

  /// `key: value` string pairs, as the kustomization decoder makes them.
  static func pairs(_ pairs: KeyValuePairs<String, String>) -> [MapEntry] {
    pairs.map { MapEntry(key: $0.key, value: .string($0.value)) }
  }

  /// The setting `component.key` of an environment file written out in full, so that its
  /// node carries the line and column a diagnostic should point at.
  static func setting(_ component: String, _ key: String, in environmentFile: String) throws -> ComponentSetting {
    let file = try YAMLParser.parseDocuments(Array(environmentFile.utf8), file: "environments/dev.yaml").first
    let value = try #require(file?[component]?[key], "\(component).\(key) is not in the environment file")
    return ComponentSetting(component: component, key: key, value: value)
  }
}

/// The first lines where two texts differ, with line numbers, for failure messages.
func firstDifferences(_ actual: String, _ expected: String, context: Int = 3, limit: Int = 8) -> String {
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  guard let first = (0..<max(a.count, e.count)).first(where: { $0 >= a.count || $0 >= e.count || a[$0] != e[$0] })
  else {
    return "texts are identical"
  }
  var out = ["first difference at line \(first + 1) (kiln \(a.count) lines, expected \(e.count)):"]
  for i in max(0, first - context)..<first { out.append("    \(i + 1)  \(a[i])") }
  var shown = 0
  for i in first..<max(a.count, e.count) where shown < limit {
    let x = i < a.count ? String(a[i]) : "<end>"
    let y = i < e.count ? String(e[i]) : "<end>"
    if x != y {
      out.append("  - \(i + 1)  kiln:     \(x)")
      out.append("  + \(i + 1)  expected: \(y)")
      shown += 1
    }
  }
  return out.joined(separator: "\n")
}

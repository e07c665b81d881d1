import KilnCore
import KilnTestSupport
import KilnYAML

/// Helpers for reference-update tests: renames done in code, the way the hash step (or any
/// transform) renames an object, so a test can say "this ConfigMap was hashed" in one line.
enum NameReferenceCheck {
  /// Renames every `kind` named `name` to `newName`, recording the old name as the hash step
  /// does (`cfg` → `cfg-7gdc49gk6d`).
  struct Rename: Transform {
    var name: String { "Rename" }
    var kind: String
    var from: String
    var to: String

    func apply(to resources: inout [Resource]) throws {
      for index in resources.indices where resources[index].kind == kind && resources[index].name == from {
        resources[index].rename(to: to)
      }
    }
  }

  static func rename(_ kind: String, _ from: String, to newName: String) -> Rename {
    Rename(kind: kind, from: from, to: newName)
  }

  static func prefix(_ text: String) -> AddNamePrefix { AddNamePrefix(prefix: TransformHarness.value(text)) }
  static func suffix(_ text: String) -> AddNameSuffix { AddNameSuffix(suffix: TransformHarness.value(text)) }
  static func namespace(_ text: String) -> SetNamespace { SetNamespace(namespace: TransformHarness.value(text)) }

  /// `TransformCheck.apply` for a list of transforms.
  static func apply(_ transforms: [any Transform], to input: String) throws -> String {
    let output = try TransformHarness.apply(transforms, to: input)
    return output.hasSuffix("\n") ? String(output.dropLast()) : output
  }

  /// Each transform run over `input` in its own group, as nested kustomizations do: the
  /// objects of `groups[i]` get the transforms of `levels[i]`, then all of them are joined
  /// and `top` runs over everything, then the reference update.
  static func build(_ groups: [(input: String, transforms: [any Transform])], top: [any Transform] = []) throws
    -> String
  {
    var all: [Resource] = []
    for group in groups {
      var list = try TransformHarness.resources(group.input)
      for transform in group.transforms { try transform.apply(to: &list) }
      all += list
    }
    for transform in top + [UpdateNameReferences()] { try transform.apply(to: &all) }
    let output = String(decoding: ManifestRenderer.render(all, sources: false), as: UTF8.self)
    return output.hasSuffix("\n") ? String(output.dropLast()) : output
  }

  /// The diagnostics the reference update throws after `transforms` (empty when it succeeds).
  static func diagnostics(after transforms: [any Transform], on input: String) throws -> [Diagnostic] {
    var list = try TransformHarness.resources(input)
    for transform in transforms { try transform.apply(to: &list) }
    do {
      try UpdateNameReferences().apply(to: &list)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    }
  }
}

import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Small helpers so a patch test reads as: objects, a patch, the objects after.
enum PatchCheck {
  /// Where the kustomization names the patch; the patch text itself is "patch.yaml".
  static let entry = SourceLocation(file: "kustomization.yaml", line: 4, column: 3)

  /// A `patches:` entry (or `patchesStrategicMerge` / `patchesJson6902` with `form`).
  static func patch(
    _ text: String, target: PatchTarget? = nil, form: PatchSpec.Form = .either,
    allowNameChange: Bool = false, allowKindChange: Bool = false
  ) -> PatchSpec {
    var spec = PatchSpec(form: form, text: text, file: "patch.yaml", target: target, location: entry)
    spec.allowNameChange = allowNameChange
    spec.allowKindChange = allowKindChange
    return spec
  }

  /// The objects of `input` after `patches`, rendered as kubectl prints them, scalars in
  /// their JSON form (no final newline).
  static func apply(_ patches: PatchSpec..., to input: String) throws -> String {
    var list = try TransformHarness.resources(input)
    try ApplyPatches(patches: patches).apply(to: &list)
    for i in list.indices { try JSONRoundTrip.canonicalize(&list[i].node) }
    let output = String(decoding: ManifestRenderer.render(list, sources: false), as: UTF8.self)
    return output.hasSuffix("\n") ? String(output.dropLast()) : output
  }

  /// The objects after `patches`, for checks on their bookkeeping (earlier names).
  static func resources(_ patches: PatchSpec..., on input: String) throws -> [Resource] {
    var list = try TransformHarness.resources(input)
    try ApplyPatches(patches: patches).apply(to: &list)
    return list
  }

  /// The messages a failing patch reports, without positions.
  static func errors(_ patches: PatchSpec..., on input: String) throws -> [String] {
    try TransformCheck.diagnostics(ApplyPatches(patches: patches), on: input).map(\.message)
  }
}

import KilnYAML

/// Merges a strategic merge patch into an object exactly as Kustomize v5.5 does (kyaml's
/// `merge2` with lists prepended), including its quirks:
///
/// - Maps merge key by key; a patch value of `null` removes the key. Every field of the object
///   is visited, so a field written with nothing after its colon (`key:`) disappears from any
///   patched object, while `key: null` and `key: ~` stay.
/// - A scalar from the patch takes the quoting style of the value it replaces: `replicas: 5`
///   patched over `replicas: "3"` prints as the string `"5"`.
/// - `$patch: delete | replace | merge` in a map, and as the only key of a list element (for
///   the whole list). Any other `$patch` value fails, except in a map the object lacks, where
///   it is copied as is.
/// - Lists merge only where the built-in schema has a merge strategy (`MergeKeys`); every other
///   list, and every list of a kind without schema, is replaced. See `mergeList`.
struct StrategicMerge {
  /// Where the patch came from, for diagnostics.
  let location: SourceLocation
  /// The `openapi` schema in force, which replaces the built-in one (`CustomSchema`).
  var custom: CustomSchema? = nil

  /// Merges `patch` into `object` in place. Returns false when the patch deletes the object.
  func apply(_ patch: MergeNode, to object: MergeNode) throws -> Bool {
    try walk(dest: object, origin: patch, schema: nil, path: []) != nil
  }

  enum Directive: String { case merge, replace, delete }

  // MARK: - Walking

  /// The merged value of one field: `dest` from the object, `origin` from the patch.
  func walk(dest: MergeNode?, origin: MergeNode?, schema: MergeKeys.Schema?, path: [String]) throws -> MergeNode? {
    let schema = schema ?? self.schema(of: dest) ?? self.schema(of: origin)
    let first = isMissingOrNull(dest) ? (isMissingOrNull(origin) ? nil : origin) : dest
    guard let kind = first?.kind else { return try walkMap(dest: dest, origin: origin, schema: schema, path: path) }
    try checkKinds(kind, dest, origin, path: path)
    switch kind {
    case .mapping:
      return try walkMap(dest: dest, origin: origin, schema: schema, path: path)
    case .sequence:
      if let schema, schema.merges {
        return try mergeList(dest: dest, origin: origin, schema: schema, path: path)
      }
      return origin ?? dest
    case .scalar:
      return origin ?? dest
    }
  }

  /// A node with `apiVersion` and `kind` (the object, or an object embedded where the schema
  /// knows nothing) brings its own kind's schema.
  func schema(of node: MergeNode?) -> MergeKeys.Schema? {
    guard let node, node.kind == .mapping, let apiVersion = node.field("apiVersion"), let kind = node.field("kind"),
      !apiVersion.text.isEmpty, !kind.text.isEmpty
    else { return nil }
    if let custom { return custom.schema(apiVersion: apiVersion.text, kind: kind.text) }
    return MergeKeys.schema(apiVersion: apiVersion.text, kind: kind.text)
  }

  private func checkKinds(_ kind: MergeNode.Kind, _ dest: MergeNode?, _ origin: MergeNode?, path: [String]) throws {
    for (node, side) in [(dest, "object"), (origin, "patch")] {
      guard let node, !node.isNull, node.kind != kind else { continue }
      throw Diagnostic.error(
        PatchMessages.kindMismatch(path: path, side: side, found: node.kind, expected: kind), at: location)
    }
  }

  private func walkMap(dest: MergeNode?, origin: MergeNode?, schema: MergeKeys.Schema?, path: [String]) throws
    -> MergeNode?
  {
    guard let merged = try visitMap(dest: dest, origin: origin) else { return nil }
    for key in MergeNode.fieldNames(merged, origin) {
      let value = try walk(
        dest: merged.field(key), origin: origin?.field(key), schema: schema?.field(key), path: path + [key])
      set(key, to: value, in: merged)
    }
    return merged
  }

  /// Which map the fields of `dest` and `origin` merge into (nil: the map goes away).
  private func visitMap(dest: MergeNode?, origin: MergeNode?) throws -> MergeNode? {
    if isMissingOrNull(dest) {
      if (try? directive(of: origin)) == .delete { return nil }
      if origin == nil, let dest, !dest.scalar.text.isEmpty {
        // `key: null` and `key: ~` survive; `key:` does not.
        let kept = MergeNode.plain(dest.scalar.text, at: dest.location)
        kept.keepsNull = true
        return kept
      }
      return origin
    }
    if origin?.isNull == true { return nil }
    switch try directive(of: origin) {
    case .delete: return nil
    case .replace: return origin
    case .merge: return dest
    }
  }

  /// Sets a merged field the way kyaml's `FieldSetter` does: null removes it; an existing value
  /// keeps its identity and its quoting style.
  func set(_ key: String, to value: MergeNode?, in map: MergeNode) {
    guard let value, !value.isNull || value.keepsNull else {
      map.removeField(key)
      return
    }
    guard let existing = map.field(key) else {
      map.entries.append(MergeNode.Entry(key: key, keyLocation: value.location, value: value))
      return
    }
    if existing.kind == .scalar, value.kind == .scalar, existing !== value {
      value.scalar = Self.restyled(value.scalar, like: existing.scalar)
    }
    existing.take(value)
  }

  /// `value` printed in the style of `old`: a quoted, literal or folded style turns numbers,
  /// booleans and timestamps into strings of the same text.
  static func restyled(_ value: Scalar, like old: Scalar) -> Scalar {
    var result = value
    result.style = old.style
    if old.style != .plain, value.tag != .string, value.tag != .null {
      result.tag = .string
    }
    return result
  }

  // MARK: - Directives

  /// Reads and removes the `$patch` directive of a patch node.
  func directive(of patch: MergeNode?) throws -> Directive {
    guard let patch else { return .merge }
    switch patch.kind {
    case .mapping:
      guard let value = patch.field("$patch") else { return .merge }
      guard let directive = Directive(rawValue: value.text) else {
        throw Diagnostic.error(PatchMessages.unknownDirective(value.text), at: value.location)
      }
      patch.removeField("$patch")
      return directive
    case .sequence:
      // The first element holding `$patch`, if that is its only key, speaks for the list.
      guard let element = patch.items.first(where: { $0.kind == .mapping && $0.field("$patch") != nil }),
        element.entries.count <= 1, let value = element.field("$patch")
      else { return .merge }
      guard let directive = Directive(rawValue: value.text) else {
        throw Diagnostic.error(PatchMessages.unknownDirective(value.text), at: value.location)
      }
      try ListEditor.remove(from: patch, keys: ["$patch"], values: [value.text])
      return directive
    case .scalar:
      throw Diagnostic.error("a scalar has no strategic merge directive", at: patch.location)
    }
  }
}

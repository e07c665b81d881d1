import KilnYAML

/// A kustomization's `openapi: {path: …}` schema: the lists of each kind it describes that a
/// strategic merge patch merges, and on which keys. Kustomize then reads this schema *instead
/// of* its built-in one, so a kind the file does not describe (a Deployment too) has every list
/// replaced.
///
/// Kinds are the `x-kubernetes-group-version-kind` entries of `definitions`; a list merges
/// when its `x-kubernetes-patch-strategy` contains `merge`, on `x-kubernetes-list-map-keys`,
/// else `x-kubernetes-patch-merge-key`, else as a set of scalars (the rule of
/// Scripts/generate-merge-keys.py). Fields are followed through `$ref`, inline `properties`,
/// `items` and `additionalProperties`.
public struct CustomSchema: Sendable {
  let kinds: [String: MergeKeys.Schema]

  func schema(apiVersion: String, kind: String) -> MergeKeys.Schema? { kinds["\(apiVersion) \(kind)"] }

  /// Reads the schema document; a missing or wrong-typed `definitions` describes no kind.
  static func read(_ document: Node) -> CustomSchema {
    let definitions = document["definitions"]?.entries ?? []
    var byName: [String: Node] = [:]
    for entry in definitions where byName[entry.key] == nil { byName[entry.key] = entry.value }
    var kinds: [String: MergeKeys.Schema] = [:]
    for entry in definitions {
      for gvk in entry.value["x-kubernetes-group-version-kind"]?.items ?? [] {
        guard let kind = gvk["kind"]?.scalarText, let version = gvk["version"]?.scalarText else { continue }
        let group = gvk["group"]?.scalarText ?? ""
        let key = "\(group.isEmpty ? version : group + "/" + version) \(kind)"
        guard kinds[key] == nil else { continue }
        var walker = Walker(definitions: byName)
        walker.fields(of: entry.value, path: [], through: [entry.key])
        kinds[key] = MergeKeys.build(walker.paths)
      }
    }
    return CustomSchema(kinds: kinds)
  }

  /// Collects the merged lists below a schema as `MergeKeys` path strings.
  private struct Walker {
    let definitions: [String: Node]
    var paths: [String] = []

    mutating func fields(of schema: Node, path: [String], through refs: [String]) {
      if let name = Self.reference(schema) {
        // A schema that reaches itself again holds nothing new on this path.
        guard !refs.contains(name), let target = definitions[name] else { return }
        fields(of: target, path: path, through: refs + [name])
        return
      }
      for entry in schema["properties"]?.entries ?? [] {
        field(entry.value, path: path + [entry.key], through: refs)
      }
      if let extra = schema["additionalProperties"], extra.isMapping {
        field(extra, path: path + ["*"], through: refs)
      }
    }

    mutating func field(_ schema: Node, path: [String], through refs: [String]) {
      guard let items = schema["items"] else {
        fields(of: schema, path: path, through: refs)
        return
      }
      let strategy = schema["x-kubernetes-patch-strategy"]?.scalarText ?? ""
      guard strategy.split(separator: ",").contains("merge") else { return }
      var keys = (schema["x-kubernetes-list-map-keys"]?.items ?? []).compactMap(\.scalarText)
      if schema["x-kubernetes-list-map-keys"] == nil, let key = schema["x-kubernetes-patch-merge-key"]?.scalarText {
        keys = [key]
      }
      let here = path.dropLast() + ["\(path.last ?? "")[\(keys.joined(separator: ","))]"]
      paths.append(here.joined(separator: "."))
      if items.isMapping { fields(of: items, path: Array(here), through: refs) }
    }

    static func reference(_ schema: Node) -> String? {
      guard let ref = schema["$ref"]?.scalarText else { return nil }
      return ref.split(separator: "/").last.map(String.init)
    }
  }
}

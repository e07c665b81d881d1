import KilnYAML

/// A plugin configuration as Kustomize's plugin reads it: with sigs.k8s.io/yaml into the
/// plugin's struct, not strictly. So a field name in other letter case sets the field
/// (`fieldspecs`), and a number or boolean where the struct holds a string is taken as its
/// text (`newTag: 2`, a label `tier: 1`): the YAML-to-JSON step writes it as a string for a
/// string field. Unknown keys are passed over by the decoders themselves.
enum PluginConfigLeniency {
  /// The configuration node of a `kind`, normalized; warnings where kubectl reads silently.
  static func apply(_ node: Node, kind: String) -> (node: Node, warnings: [Diagnostic]) {
    let fields = structFields(kind)
    let (result, warnings) = KustomizationLeniency.apply(node, fields: fields)
    return (stringified(pruned(result, path: "", fields: fields), key: nil), warnings)
  }

  /// The struct fields of a builtin plugin's configuration, by where they are ("" is the
  /// configuration itself, `fieldSpecs[]` an entry of its list).
  static func structFields(_ kind: String) -> [String: [String]] {
    let fieldSpec = ["path", "group", "version", "kind", "create"]
    let selector = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"]
    let top = ["apiVersion", "kind", "metadata"]
    var fields: [String: [String]] = ["metadata": ["name", "namespace", "labels", "annotations"]]
    switch kind {
    case "LabelTransformer", "AnnotationsTransformer":
      fields[""] = top + [kind == "LabelTransformer" ? "labels" : "annotations", "fieldSpecs"]
    case "PatchTransformer":
      fields[""] = top + ["path", "patch", "target", "options"]
      fields["target"] = selector
      fields["options"] = ["allowNameChange", "allowKindChange"]
    case "PatchJson6902Transformer":
      fields[""] = top + ["path", "jsonOp", "target"]
      fields["target"] = selector
    case "PatchStrategicMergeTransformer":
      fields[""] = top + ["paths", "patches"]
    case "NamespaceTransformer":
      fields[""] = top + ["fieldSpecs", "unsetOnly", "setRoleBindingSubjects"]
    case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer":
      fields[""] = top + ["prefix", "suffix", "fieldSpecs"]
    case "ImageTagTransformer":
      fields[""] = top + ["imageTag", "fieldSpecs"]
      fields["imageTag"] = ["name", "newName", "newTag", "digest", "tagSuffix"]
    case "ReplicaCountTransformer":
      fields[""] = top + ["replica", "fieldSpecs"]
      fields["replica"] = ["name", "count"]
    case "ValueAddTransformer":
      fields[""] = top + ["value", "targets", "targetFilePath"]
      fields["targets[]"] = ["selector", "fieldPath", "filePathPosition"]
      fields["targets[].selector"] = selector
    case "ReplacementTransformer":
      fields[""] = top + ["replacements"]
      fields["replacements[]"] = ["path", "source", "targets"]
      fields["replacements[].source"] = ["group", "version", "kind", "name", "namespace", "fieldPath", "options"]
      fields["replacements[].source.options"] = ["delimiter", "index", "encoding", "create"]
      fields["replacements[].targets[]"] = ["select", "reject", "fieldPaths", "options"]
      fields["replacements[].targets[].select"] = selector
      fields["replacements[].targets[].reject[]"] = selector
      fields["replacements[].targets[].options"] = ["delimiter", "index", "encoding", "create"]
    case "ConfigMapGenerator", "SecretGenerator":
      fields[""] = top + ["name", "namespace", "behavior", "literals", "files", "envs", "env", "options", "type"]
      fields["options"] = ["labels", "annotations", "disableNameSuffixHash", "immutable"]
    case "IAMPolicyGenerator":
      fields[""] = top + ["cloud", "kubernetesService", "serviceAccount"]
      fields["kubernetesService"] = ["name", "namespace"]
      fields["serviceAccount"] = ["name", "projectId"]
    default:
      // A kind with no fields of its own (HashTransformer), or one refused anyway: as written.
      break
    }
    fields["fieldSpecs[]"] = fieldSpec
    return fields
  }

  /// Without the keys no struct field takes (Go's decoder passes them over), so that the
  /// readers shared with kustomization files, which refuse them there, never see them.
  private static func pruned(_ node: Node, path: String?, fields: [String: [String]]) -> Node {
    switch node.value {
    case .scalar:
      return node
    case .sequence(let items):
      let itemPath = path.map { $0 + "[]" }
      return Node(.sequence(items.map { pruned($0, path: itemPath, fields: fields) }), at: node.location)
    case .mapping(let entries):
      guard let path, let known = fields[path] else { return node }
      let kept = entries.filter { known.contains($0.key) }.map { entry in
        var entry = entry
        entry.value = pruned(entry.value, path: path.isEmpty ? entry.key : path + "." + entry.key, fields: fields)
        return entry
      }
      return Node(.mapping(kept), at: node.location)
    }
  }

  /// The fields that are not strings in Kustomize's structs: their values stay as written.
  private static let typed: Set<String> = [
    "create", "count", "index", "filePathPosition", "unsetOnly", "allowNameChange", "allowKindChange",
    "disableNameSuffixHash", "immutable",
  ]

  /// Every number or boolean scalar outside the typed fields, made a string of its text. A
  /// patch's `options` is a map of booleans: those stay.
  private static func stringified(_ node: Node, key: String?, parent: String? = nil) -> Node {
    switch node.value {
    case .scalar(let scalar):
      guard scalar.tag == .int || scalar.tag == .float || scalar.tag == .bool, !(key.map(typed.contains) ?? false),
        !(parent == "options" && scalar.tag == .bool)
      else { return node }
      // Go formats the value it read: a decimal integer, `true` or `false`.
      let text =
        switch scalar.tag {
        case .int: ScalarValue.int(scalar.text).map(String.init) ?? scalar.text
        case .bool: ScalarValue.bool(scalar.text) ? "true" : "false"
        default: scalar.text
        }
      return Node(.scalar(Scalar(text, tag: .string, style: scalar.style)), at: node.location)
    case .sequence(let items):
      return Node(.sequence(items.map { stringified($0, key: key, parent: parent) }), at: node.location)
    case .mapping(let entries):
      return Node(
        .mapping(
          entries.map { entry in
            var entry = entry
            entry.value = stringified(entry.value, key: entry.key, parent: key)
            return entry
          }), at: node.location)
    }
  }
}

import KilnYAML

/// What `namePrefix` and `nameSuffix` share (Kustomize's PrefixTransformer and
/// SuffixTransformer): which objects keep their names, and what a rename leaves behind for
/// the reference update.
enum NameAffix {
  enum Side { case prefix, suffix }

  /// Adds `affix` to the name of every object but CustomResourceDefinitions and Namespaces
  /// (of any group) and `apiregistration.k8s.io` APIServices; cluster-scoped objects are
  /// renamed too. The old name goes to `previousNames` and the affix to `prefixes` or
  /// `suffixes`, innermost first, so nested kustomizations stack (`outer-inner-name`).
  ///
  /// `specs` say where the affix goes: `metadata/name` renames the object (the default);
  /// any other field (a PrefixSuffixTransformer's or a configuration's own) gets the affix
  /// on its string value.
  static func apply(
    _ affix: Node, side: Side, specs: [FieldSpec] = BuiltinFieldSpecs.name, writing rewrite: ScalarRewrite = .asString,
    to resources: inout [Resource]
  ) throws {
    guard let text = affix.string, !text.isEmpty else { return }
    let renames = specs.filter(isName)
    let others = specs.filter { !isName($0) }
    var applicableOthers = ApplicableSpecs(others)
    var problems = DiagnosticCollector()
    for index in resources.indices where !keepsName(resources[index]) {
      let type = resources[index].typeInfo
      for spec in others.isEmpty ? [] : applicableOthers.specs(for: type) {
        problems.recording {
          try FieldPath.visit(&resources[index].node, spec, transform: "NameAffix") { value in
            guard let scalar = value.scalar, !value.isNull || spec.create else { return }
            let current = value.isNull ? "" : scalar.text
            value = rewrite.node(side == .prefix ? text + current : current + text, replacing: value)
          }
        }
      }
      guard renames.contains(where: { $0.applies(to: type) }) else { continue }
      // Kustomize keeps affixes in a comma-separated annotation: a comma splits one in two.
      let recorded = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      switch side {
      case .prefix: resources[index].prefixes += recorded
      case .suffix: resources[index].suffixes += recorded
      }
      // An object without a name keeps none (Kustomize does not create the field).
      guard let name = resources[index].node["metadata"]?["name"], let current = name.scalar, current.tag != .null
      else {
        continue
      }
      let renamed = side == .prefix ? text + current.text : current.text + text
      resources[index].rename(to: renamed, at: affix.location, writing: rewrite)
    }
    try problems.throwIfErrors()
  }

  private static func isName(_ spec: FieldSpec) -> Bool {
    spec.path == [.key("metadata"), .key("name")]
  }

  static func keepsName(_ resource: Resource) -> Bool {
    switch resource.kind {
    case "CustomResourceDefinition", "Namespace": true
    case "APIService": resource.group == "apiregistration.k8s.io"
    default: false
    }
  }
}

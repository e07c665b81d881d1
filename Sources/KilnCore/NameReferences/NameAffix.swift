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
  static func apply(_ affix: Node, side: Side, to resources: inout [Resource]) {
    guard let text = affix.string, !text.isEmpty else { return }
    for index in resources.indices where !keepsName(resources[index]) {
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
      resources[index].rename(to: renamed, at: affix.location)
    }
  }

  static func keepsName(_ resource: Resource) -> Bool {
    switch resource.kind {
    case "CustomResourceDefinition", "Namespace": true
    case "APIService": resource.group == "apiregistration.k8s.io"
    default: false
    }
  }
}

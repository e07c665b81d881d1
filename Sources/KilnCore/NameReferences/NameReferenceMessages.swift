import KilnYAML

/// Every problem the reference update can report, worded close to Kustomize's message (quoted
/// at the end of each comment) and placed at the offending field.
extension Diagnostic {
  /// " found multiple possible referrals: %s"
  static func multipleReferrals(
    _ name: String, field: FieldSpec, of referrer: ResourceID, candidates: [Referrals.Facts],
    at location: SourceLocation
  ) -> Diagnostic {
    .error(
      "found multiple possible referrals for \"\(name)\" in \(describe(field)) of \(referrer): "
        + candidates.map { "\($0.id)" }.joined(separator: ", "),
      at: location,
      notes: candidates.map { "\($0.id) (once named \"\(name)\") is defined at \($0.location)" },
      hint: "each was renamed like the referrer, so no prefix or suffix tells them apart; give them distinct names")
  }

  /// "path config error; no 'name' field in node"
  static func referenceWithoutName(
    _ field: FieldSpec, of referrer: ResourceID, target: String, at location: SourceLocation
  ) -> Diagnostic {
    .error("\(describe(field)) of \(referrer) has no \"name\"; a reference to a \(target) needs one", at: location)
  }

  /// "expected sequence or mapping node"
  static func referringFieldNotWalkable(_ field: FieldSpec, of referrer: ResourceID, found node: Node) -> Diagnostic {
    .error(
      "expected a mapping or a list on the way to \(describe(field)) of \(referrer), found a \(node.kindDescription)",
      at: node.location)
  }

  /// "%#v is expected to be either a string or a map of string"
  static func referringListItemNotANameOrMapping(_ field: FieldSpec, of referrer: ResourceID, found node: Node)
    -> Diagnostic
  {
    .error(
      "each item of \(describe(field)) of \(referrer) must be a name or a mapping, found a \(node.kindDescription)",
      at: node.location)
  }

  /// kubectl kustomize v5.5 crashes ("interface conversion: interface {} is nil, not map[string]interface {}")
  static func subjectNotAMapping(of binding: ResourceID, found node: Node) -> Diagnostic {
    .error("each subject of \(binding) must be a mapping, found a \(node.kindDescription)", at: node.location)
  }

  /// kubectl kustomize v5.5 crashes ("interface conversion: interface {} is nil, not string")
  static func subjectKindNotAString(of binding: ResourceID, found node: Node) -> Diagnostic {
    .error("the kind of a subject of \(binding) must be a string, found a \(node.kindDescription)", at: node.location)
  }

  /// "Invalid Input: namespace is blank for resource %q"
  static func subjectNamespaceNotAString(of binding: ResourceID, found node: Node) -> Diagnostic {
    .error(
      "the namespace of a ServiceAccount subject of \(binding) must be a string, found a \(node.kindDescription)",
      at: node.location)
  }

  /// A referring field for people: `spec.template.spec.volumes.configMap.name`, with keys
  /// that hold dots or slashes (annotation names) in brackets.
  private static func describe(_ field: FieldSpec) -> String {
    var text = ""
    for step in field.path.map(\.name) {
      if step.contains(".") || step.contains("/") {
        text += "[\"\(step)\"]"
      } else {
        text += text.isEmpty ? step : "." + step
      }
    }
    return text
  }
}

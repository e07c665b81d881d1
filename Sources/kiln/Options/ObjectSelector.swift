import KilnCore

/// `--show-only Kind/name`, as Helm's `--show-only` picks templates: the kind compares without
/// regard to case (`deployment/api`), the name exactly.
struct ObjectSelector: Equatable {
  var kind: String
  var name: String

  init?(_ text: String) {
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    kind = String(parts[0])
    name = String(parts[1])
  }

  func matches(_ resource: Resource) -> Bool {
    resource.kind.lowercased() == kind.lowercased() && resource.name == name
  }

  /// The objects any selector picks, in output order; every selector must pick one.
  static func select(_ selectors: [ObjectSelector], from resources: [Resource]) throws -> [Resource] {
    guard !selectors.isEmpty else { return resources }
    var problems = DiagnosticCollector()
    for selector in selectors where !resources.contains(where: selector.matches) {
      let known = resources.map { "\($0.kind)/\($0.name)" }
      problems.add(
        .error(
          "--show-only \(selector.kind)/\(selector.name): the build has no such object", at: nil,
          hint: Suggestion.hint(for: "\(selector.kind)/\(selector.name)", among: known)))
    }
    try problems.throwIfErrors()
    return resources.filter { resource in selectors.contains { $0.matches(resource) } }
  }
}

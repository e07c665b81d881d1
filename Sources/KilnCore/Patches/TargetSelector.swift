import KilnRegex
import KilnYAML

/// A patch `target`, compiled once per patch: which objects it selects, the way Kustomize's
/// `Select` decides.
///
/// - `group`, `version`, `kind`, `name` and `namespace` are regular expressions that must match
///   the whole value (`name: "a.*"` selects `api`, not `web`); an absent field selects anything.
/// - `name` and `namespace` match if the original value or the current one matches (a base's
///   `namePrefix` does not hide an object from its overlay's patches). An object without a
///   namespace has the namespace `default`, unless its kind is cluster-scoped.
/// - `labelSelector` and `annotationSelector` are Kubernetes label selectors.
struct TargetSelector {
  private let group: AnchoredPattern?
  private let version: AnchoredPattern?
  private let kind: AnchoredPattern?
  private let name: AnchoredPattern?
  private let namespace: AnchoredPattern?
  private let labels: LabelSelector?
  private let annotations: LabelSelector?

  init(_ target: PatchTarget) throws {
    func compile(_ pattern: String?, _ field: String) throws -> AnchoredPattern? {
      guard let pattern, !pattern.isEmpty else { return nil }
      do {
        return try AnchoredPattern(pattern)
      } catch {
        throw Diagnostic.error(PatchMessages.badTargetPattern(field, pattern), at: target.location)
      }
    }
    func selector(_ text: String?, _ field: String) throws -> LabelSelector? {
      guard let text, !text.isEmpty else { return nil }
      do {
        return try LabelSelector(text)
      } catch {
        throw Diagnostic.error(PatchMessages.badSelector(field, text, error.message), at: target.location)
      }
    }
    group = try compile(target.group, "group")
    version = try compile(target.version, "version")
    kind = try compile(target.kind, "kind")
    name = try compile(target.name, "name")
    namespace = try compile(target.namespace, "namespace")
    labels = try selector(target.labelSelector, "labelSelector")
    annotations = try selector(target.annotationSelector, "annotationSelector")
  }

  /// The kind, when the target names exactly one: lets the caller look objects up by kind.
  var literalKind: String? { kind?.literal }

  func selects(_ resource: Resource) -> Bool {
    if let namespace {
      let scoped = ClusterScope.isClusterScoped(resource)
      let current = Self.effectiveNamespace(resource.namespace, clusterScoped: scoped)
      let original = Self.effectiveNamespace(resource.originalNamespace, clusterScoped: scoped)
      guard namespace.matches(original) || namespace.matches(current) else { return false }
    }
    if let name, !name.matches(resource.originalName), !name.matches(resource.name) { return false }
    if let group, !group.matches(resource.group) { return false }
    if let version, !version.matches(resource.version) { return false }
    if let kind, !kind.matches(resource.kind) { return false }
    if let labels, !labels.matches(Self.stringMap(resource.node["metadata"]?["labels"])) { return false }
    if let annotations, !annotations.matches(Self.stringMap(resource.node["metadata"]?["annotations"])) { return false }
    return true
  }

  /// Kustomize's `EffectiveNamespace`: `default` for no namespace, one fixed word for
  /// cluster-scoped kinds (so no namespace pattern of a user's can select those but `.*`).
  static func effectiveNamespace(_ namespace: String?, clusterScoped: Bool) -> String {
    if clusterScoped { return "_non_namespaceable_" }
    guard let namespace, !namespace.isEmpty else { return "default" }
    return namespace
  }

  /// Labels or annotations as Kustomize reads them: every value by its text.
  static func stringMap(_ node: Node?) -> [String: String] {
    guard let entries = node?.entries else { return [:] }
    var map: [String: String] = [:]
    for entry in entries { map[entry.key] = entry.value.scalar?.text ?? "" }
    return map
  }
}

/// A regular expression that must match a whole string, compiled as Kustomize compiles it:
/// Go's `regexp` on `^(?:pattern)$` (so `a)|(b` is valid and matches what Go's does), in linear
/// time. Plain words (most targets name a kind or an object literally) skip the engine.
struct AnchoredPattern {
  /// The pattern itself when it holds no regular-expression syntax.
  let literal: String?
  private let regex: RE2Regex?

  init(_ pattern: String) throws {
    if pattern.unicodeScalars.allSatisfy({ !"\\.+*?()|[]{}^$".unicodeScalars.contains($0) }) {
      literal = pattern
      regex = nil
    } else {
      literal = nil
      regex = try RE2Regex("^(?:" + pattern + ")$")
    }
  }

  func matches(_ value: String) -> Bool {
    if let literal { return literal == value }
    return regex?.matches(value) ?? false
  }
}

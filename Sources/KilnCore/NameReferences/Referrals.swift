import KilnYAML

/// The objects of a build that a name reference can resolve to, indexed once per build by kind
/// and earlier name, with the rules Kustomize (v5.5) uses to pick one:
///
/// 1. a candidate must once have had the referenced name: one of the names Kustomize recorded
///    for it (`previousNames`: the name before each prefix, suffix and hash, and the name it had
///    whenever a `namespace:` ran). A name the object got last and kept is *not* one of them, so
///    an object never renamed nor namespaced is never a candidate (a reference to it needs no
///    change anyway, but it also never makes a reference ambiguous);
/// 2. its kind is the row's kind, and its group and version are the row's, if the row says;
/// 3. for `roleRef/name`, its kind and group are the roleRef's `kind` and `apiGroup`;
/// 4. the referrer can see it: either of them is cluster-scoped, or it is in the referrer's
///    current namespace (absent and `default` are one namespace), or it is a ServiceAccount in
///    a namespace that one of the referrer's ServiceAccount subjects names (RoleBindings);
/// 5. when several remain, those renamed like the referrer win: of its prefix list and the
///    referrer's (innermost first), one ends the other, and the same for suffixes (an empty
///    list matches only an empty list). So a base's objects refer to each other;
/// 6. still several: fine when they all have the same final name (and namespace, for a field
///    holding both); otherwise "found multiple possible referrals". None: the reference stays.
///
/// Kustomize applies these rules in every kustomization, over the objects of that directory
/// only; kiln applies them once, over the whole build. The two differ when a base is included
/// twice and the referrer got an affix of its own below the candidate's directory: Kustomize
/// resolved the reference where one copy was visible (rule 5 never ran), while here both
/// copies fail rule 5. Then the copy that shares the most outer affixes with the referrer (the
/// one included through the same branch) is the one Kustomize saw; a tie changes nothing.
struct Referrals {
  /// What the rules read of one object, worked out once.
  struct Facts {
    var kind: String
    var group: String
    var version: String
    var id: ResourceID
    var location: SourceLocation
    /// Current name and namespace, as written (no namespace is "").
    var name: String
    var namespace: String
    var clusterScoped: Bool
    /// Current and original namespace with absent read as `default` (cluster-scoped: unused).
    var effectiveNamespace: String
    var originalNamespace: String
    var prefixes: [String]
    var suffixes: [String]
  }

  private struct Key: Hashable {
    var kind: String
    var name: String
  }

  let facts: [Facts]
  /// Candidates by kind and recorded name, in build order, each object once per name.
  private let byKindAndName: [Key: [Int]]
  /// For namespaced objects: the original namespaces found among the objects of each current
  /// (effective) namespace, and of each current namespace as written.
  private let originalNamespacesByCurrent: [String: Set<String>]
  private let originalNamespacesByWritten: [String: Set<String>]
  private let allOriginalNamespaces: Set<String>

  static let defaultNamespace = "default"

  init(_ resources: [Resource]) {
    var facts: [Facts] = []
    facts.reserveCapacity(resources.count)
    var byKindAndName: [Key: [Int]] = [:]
    var byCurrent: [String: Set<String>] = [:]
    var byWritten: [String: Set<String>] = [:]
    var all: Set<String> = []
    for (index, resource) in resources.enumerated() {
      let namespace = resource.namespace ?? ""
      let original = resource.previousNamespaces.first ?? namespace
      let fact = Facts(
        kind: resource.kind, group: resource.group, version: resource.version, id: resource.id,
        location: resource.location, name: resource.name, namespace: namespace,
        clusterScoped: ClusterScope.isClusterScoped(resource),
        effectiveNamespace: Self.effective(namespace), originalNamespace: Self.effective(original),
        prefixes: resource.prefixes, suffixes: resource.suffixes)
      facts.append(fact)
      var seen: Set<String> = []
      for name in resource.previousNames where seen.insert(name).inserted {
        byKindAndName[Key(kind: fact.kind, name: name), default: []].append(index)
      }
      if !fact.clusterScoped {
        byCurrent[fact.effectiveNamespace, default: []].insert(fact.originalNamespace)
        byWritten[fact.namespace, default: []].insert(fact.originalNamespace)
        all.insert(fact.originalNamespace)
      }
    }
    self.facts = facts
    self.byKindAndName = byKindAndName
    self.originalNamespacesByCurrent = byCurrent
    self.originalNamespacesByWritten = byWritten
    self.allOriginalNamespaces = all
  }

  static func effective(_ namespace: String) -> String {
    namespace.isEmpty ? defaultNamespace : namespace
  }

  /// The objects once named `name` whose kind is `kind`.
  func named(_ name: String, kind: String) -> [Int] {
    byKindAndName[Key(kind: kind, name: name)] ?? []
  }

  // MARK: - What one referrer can see

  /// One referring object and the part of the build it may refer to (Kustomize's
  /// `SubsetThatCouldBeReferencedByResource`, then its same-namespace filter).
  struct Referrer {
    var index: Int
    var facts: Facts
    /// Namespaces written on the ServiceAccount subjects of a RoleBinding: objects there are
    /// visible to it too (and among them, ServiceAccounts may be picked).
    var subjectNamespaces: Set<String>

    /// Whether `candidate` may be what this referrer names.
    func reaches(_ candidate: Facts) -> Bool {
      if facts.clusterScoped || candidate.clusterScoped { return true }
      if candidate.effectiveNamespace == facts.effectiveNamespace { return true }
      return candidate.kind == "ServiceAccount" && subjectNamespaces.contains(candidate.namespace)
    }
  }

  /// The original namespaces present among what `referrer` can see (cluster-scoped objects
  /// have none): a `{name, namespace}` reference looks up its namespace among these first.
  func originalNamespaces(visibleTo referrer: Referrer) -> Set<String> {
    if referrer.facts.clusterScoped { return allOriginalNamespaces }
    var result = originalNamespacesByCurrent[referrer.facts.effectiveNamespace] ?? []
    for namespace in referrer.subjectNamespaces {
      result.formUnion(originalNamespacesByWritten[namespace] ?? [])
    }
    return result
  }

  // MARK: - Choosing

  enum Choice {
    case none
    case one(Int)
    case ambiguous([Int])
  }

  /// Rules 5 and 6 over candidates that passed rules 1 to 4, in build order.
  func choose(among candidates: [Int], for referrer: Referrer, sameNamespaceToo: Bool) -> Choice {
    guard candidates.count > 1 else { return candidates.first.map { .one($0) } ?? .none }
    let mine = referrer.facts
    let alike = candidates.filter { index in
      Self.endTheSame(facts[index].prefixes, mine.prefixes) && Self.endTheSame(facts[index].suffixes, mine.suffixes)
    }
    guard let first = alike.first else { return nearest(among: candidates, to: mine) }
    let identical = alike.allSatisfy { index in
      facts[index].name == facts[first].name && (!sameNamespaceToo || facts[index].namespace == facts[first].namespace)
    }
    return identical ? .one(first) : .ambiguous(alike)
  }

  /// The one candidate whose prefixes and suffixes end with the most of the referrer's (both
  /// counted from the outermost), when some are shared; `.none` on a tie or when none are.
  private func nearest(among candidates: [Int], to referrer: Facts) -> Choice {
    var best: [Int] = []
    var bestShared = 0
    for index in candidates {
      let shared =
        Self.sharedEnding(facts[index].prefixes, referrer.prefixes)
        + Self.sharedEnding(facts[index].suffixes, referrer.suffixes)
      if shared > bestShared {
        (best, bestShared) = ([index], shared)
      } else if shared == bestShared, shared > 0 {
        best.append(index)
      }
    }
    return best.count == 1 ? .one(best[0]) : .none
  }

  /// How many elements `a` and `b` have in common at their ends.
  static func sharedEnding(_ a: [String], _ b: [String]) -> Int {
    zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
  }

  /// Kustomize's `SameEndingSubSlice`: with both lists empty, or the shorter one ending the
  /// longer one. One empty and the other not is a mismatch.
  static func endTheSame(_ a: [String], _ b: [String]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    if short.isEmpty { return long.isEmpty }
    return long.suffix(short.count).elementsEqual(short)
  }
}

import KilnYAML

extension TransformerConfig {
  /// This configuration with `other`'s specs added, as Kustomize merges configurations (its
  /// `TransformerConfig.Merge`): a spec already here (the same path, for kinds it selects) is
  /// not added again, unless it says otherwise about creating the field, which is an error;
  /// name-reference rows for the same kind are merged. Every list comes out sorted as
  /// Kustomize sorts it (kind order, then `group_version_kind`), since its reference update
  /// and its error messages follow that order.
  public func merged(with other: TransformerConfig) throws -> TransformerConfig {
    // The usual merges: a kustomization without configurations into one that has only the
    // defaults, and the defaults into an empty accumulation (they were computed that way).
    if other == self { return self }
    if other == .defaults, self == TransformerConfig() { return other }
    return try merging(other)
  }

  /// `merged(with:)` without its shortcuts (computing `.defaults` calls this).
  func merging(_ other: TransformerConfig) throws -> TransformerConfig {
    var result = self
    result.namePrefix = try Self.merge(namePrefix, other.namePrefix, "namePrefix")
    result.nameSuffix = try Self.merge(nameSuffix, other.nameSuffix, "nameSuffix")
    result.namespace = try Self.merge(namespace, other.namespace, "namespace")
    result.commonAnnotations = try Self.merge(commonAnnotations, other.commonAnnotations, "commonAnnotations")
    result.commonLabels = try Self.merge(commonLabels, other.commonLabels, "commonLabels")
    result.labels = try Self.merge(labels, other.labels, "labels")
    result.templateLabels = try Self.merge(templateLabels, other.templateLabels, "templateLabels")
    result.varReference = try Self.merge(varReference, other.varReference, "varReference")
    result.nameReference = try Self.merge(nameReference, other.nameReference)
    result.images = try Self.merge(images, other.images, "images")
    result.replicas = try Self.merge(replicas, other.replicas, "replicas")
    return result
  }

  /// Adds name-reference rows (from `crds:`, say) as a configuration file would.
  public mutating func addNameReferences(_ rows: [NameReferenceTable.Row]) throws {
    nameReference = try Self.merge(nameReference, rows)
  }

  /// Kustomize's `FsSlice.MergeAll`, then its sort. Unchanged lists keep their storage, so that
  /// comparing the configurations of a large tree (mostly the defaults) stays cheap.
  static func merge(_ specs: [FieldSpec], _ incoming: [FieldSpec], _ list: String) throws -> [FieldSpec] {
    guard !incoming.isEmpty, specs != incoming else { return specs }
    var merged = specs
    var byPath: [[FieldSpec.Step]: [Int]] = [:]
    for index in merged.indices { byPath[merged[index].path, default: []].append(index) }
    var added = false
    for spec in incoming {
      let same = (byPath[spec.path] ?? []).first { merged[$0].isSelected(by: spec) }
      if let same {
        guard merged[same].create == spec.create else {
          throw Diagnostic.conflictingFieldSpecs(spec, list: list, existing: merged[same])
        }
        continue
      }
      byPath[spec.path, default: []].append(merged.count)
      merged.append(spec)
      added = true
    }
    return added ? sorted(merged) : specs
  }

  /// Kustomize's `nbrSlice.mergeAll`: a row for the same group, version and kind takes the
  /// other's referring fields in, merged as field specs; other rows are added.
  static func merge(_ rows: [NameReferenceTable.Row], _ incoming: [NameReferenceTable.Row]) throws
    -> [NameReferenceTable.Row]
  {
    guard !incoming.isEmpty, rows != incoming else { return rows }
    var merged = rows
    for row in incoming {
      if let index = merged.firstIndex(where: { $0.target == row.target }) {
        merged[index].referrers = try merge(
          merged[index].referrers, row.referrers, "nameReference (\(row.target.kind))", sorting: false)
      } else {
        merged.append(row)
      }
    }
    return sorted(merged)
  }

  /// Name-reference rows, stable, by kind order then `group_version_kind`.
  static func sorted(_ rows: [NameReferenceTable.Row]) -> [NameReferenceTable.Row] {
    rows.enumerated().sorted { a, b in
      let (x, y) = (a.element.target, b.element.target)
      if Self.isLess(group: x.group, version: x.version, kind: x.kind, than: y.group, y.version, y.kind) { return true }
      if Self.isLess(group: y.group, version: y.version, kind: y.kind, than: x.group, x.version, x.kind) {
        return false
      }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// Every list sorted, as Kustomize sorts a configuration it has just read (a file, an inline
  /// entry, its own tables) before merging it anywhere: the merge keeps the first of two specs
  /// that stand for each other, so the order decides which one survives.
  func sortedLists() -> TransformerConfig {
    var result = self
    result.namePrefix = Self.sorted(namePrefix)
    result.nameSuffix = Self.sorted(nameSuffix)
    result.namespace = Self.sorted(namespace)
    result.commonLabels = Self.sorted(commonLabels)
    result.labels = Self.sorted(labels)
    result.templateLabels = Self.sorted(templateLabels)
    result.commonAnnotations = Self.sorted(commonAnnotations)
    result.varReference = Self.sorted(varReference)
    result.nameReference = Self.sorted(nameReference)
    result.images = Self.sorted(images)
    result.replicas = Self.sorted(replicas)
    return result
  }

  private static func merge(_ specs: [FieldSpec], _ incoming: [FieldSpec], _ list: String, sorting: Bool) throws
    -> [FieldSpec]
  {
    var merged = specs
    for spec in incoming {
      if let same = merged.first(where: { $0.path == spec.path && $0.isSelected(by: spec) }) {
        guard same.create == spec.create else {
          throw Diagnostic.conflictingFieldSpecs(spec, list: list, existing: same)
        }
        continue
      }
      merged.append(spec)
    }
    return merged
  }

  /// Stable, by kind order then `group_version_kind`.
  static func sorted(_ specs: [FieldSpec]) -> [FieldSpec] {
    specs.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if isLess(group: x.group, version: x.version, kind: x.kind, than: y.group, y.version, y.kind) { return true }
      if isLess(group: y.group, version: y.version, kind: y.kind, than: x.group, x.version, x.kind) { return false }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// Kustomize's `Gvk.IsLessThan`: by the rank of the kind in the legacy output order, then
  /// by `group_version_kind` with `~G`, `~V`, `~K` for what is not given.
  static func isLess(
    group: String?, version: String?, kind: String?, than otherGroup: String?, _ otherVersion: String?,
    _ otherKind: String?
  ) -> Bool {
    let (a, b) = (rank(kind), rank(otherKind))
    if a != b { return a < b }
    func key(_ g: String?, _ v: String?, _ k: String?) -> String {
      (g.flatMap { $0.isEmpty ? nil : $0 } ?? "~G") + "_" + (v.flatMap { $0.isEmpty ? nil : $0 } ?? "~V") + "_"
        + (k.flatMap { $0.isEmpty ? nil : $0 } ?? "~K")
    }
    return Array(key(group, version, kind).utf8).lexicographicallyPrecedes(
      Array(key(otherGroup, otherVersion, otherKind).utf8))
  }

  private static let ranks: [String: Int] = {
    var ranks: [String: Int] = [:]
    let order = LegacyOrder.standard
    for (i, kind) in order.first.enumerated() { ranks[kind] = i - order.first.count }
    for (i, kind) in order.last.enumerated() { ranks[kind] = i + 1 }
    return ranks
  }()

  private static func rank(_ kind: String?) -> Int { kind.flatMap { ranks[$0] } ?? 0 }
}

extension Diagnostic {
  /// Kustomize: "failed to merge <List> fieldSpec: conflicting fieldspecs"
  static func conflictingFieldSpecs(_ spec: FieldSpec, list: String, existing: FieldSpec) -> Diagnostic {
    let kind = spec.kind.map { " of \($0)" } ?? ""
    return .error(
      "conflicting \(list) field specs for \(spec.pathDescription)\(kind): one creates the field (create: true), the other does not",
      at: spec.location ?? existing.location)
  }
}

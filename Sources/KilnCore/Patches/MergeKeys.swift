import Synchronization

/// Which lists of a built-in kind a strategic merge patch merges, and on which keys: the part of
/// the Kubernetes OpenAPI schema that Kustomize's merge reads (`x-kubernetes-patch-strategy`,
/// `x-kubernetes-list-map-keys`, `x-kubernetes-patch-merge-key`).
///
/// The data is `MergeKeys.generated` (Scripts/generate-merge-keys.py); this file turns its path
/// strings into a tree per kind, once. Kinds that are not in the table (custom resources, and
/// the few built-in kinds Kustomize's schema lacks) have no lists that merge: every list of
/// theirs is replaced.
enum MergeKeys {
  /// A place in an object's schema: a mapping with known fields, or a list that merges.
  final class Schema: Sendable {
    /// Fields below which some list merges.
    let fields: [String: Schema]
    /// The schema of every key of a map (`additionalProperties`).
    let anyField: Schema?
    /// For a list that merges: its keys (empty for a list of scalars merged as a set).
    let keys: [String]?
    /// For a list that merges: the schema of its elements.
    let elements: Schema?

    init(fields: [String: Schema], anyField: Schema?, keys: [String]?, elements: Schema?) {
      self.fields = fields
      self.anyField = anyField
      self.keys = keys
      self.elements = elements
    }

    func field(_ name: String) -> Schema? { fields[name] ?? anyField }

    /// True for a list merged element by element (by keys, or as a set of scalars).
    var merges: Bool { keys != nil }
  }

  /// The schema of `apiVersion`/`kind`, or nil when Kustomize knows no schema for it. Built
  /// the first time a kind is patched: a build patches a few kinds, the table has a hundred.
  static func schema(apiVersion: String, kind: String) -> Schema? {
    let key = "\(apiVersion) \(kind)"
    return built.withLock { cache in
      if let known = cache[key] { return known }
      let schema = generated[key].map(build)
      cache[key] = .some(schema)
      return schema
    }
  }

  private static let built = Mutex<[String: Schema?]>([:])

  /// One tree from paths such as `spec.template.spec.containers[name].env[name]`. The paths
  /// are ASCII and read byte by byte: splitting them as Characters cost more than the merge.
  static func build(_ paths: [String]) -> Schema {
    let root = Draft()
    for var path in paths {
      path.withUTF8 { bytes in
        var node = root
        let segments = bytes.split(separator: UInt8(ascii: "."))
        for (i, segment) in segments.enumerated() {
          var name = segment
          var keys: [String]?
          if let open = segment.firstIndex(of: UInt8(ascii: "[")), segment.last == UInt8(ascii: "]") {
            name = segment[..<open]
            keys = segment[(open + 1)..<(segment.endIndex - 1)].split(separator: UInt8(ascii: ",")).map(text)
          }
          let child = node.child(text(name))
          if let keys {
            child.keys = keys
            if i < segments.count - 1 { node = child.elementDraft() } else { node = child }
          } else {
            node = child
          }
        }
      }
    }
    return root.freeze()
  }

  private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
  }

  /// A mutable tree while the table is read.
  private final class Draft {
    var fields: [String: Draft] = [:]
    var keys: [String]?
    var elements: Draft?

    func child(_ name: String) -> Draft {
      if let existing = fields[name] { return existing }
      let made = Draft()
      fields[name] = made
      return made
    }

    func elementDraft() -> Draft {
      if let elements { return elements }
      let made = Draft()
      elements = made
      return made
    }

    func freeze() -> Schema {
      var frozen = fields.mapValues { $0.freeze() }
      let any = frozen.removeValue(forKey: "*")
      return Schema(fields: frozen, anyField: any, keys: keys, elements: elements?.freeze())
    }
  }
}

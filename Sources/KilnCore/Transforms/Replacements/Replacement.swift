public import KilnYAML

/// One `replacements:` entry: a value read from one object (`source`), written into fields of
/// the objects each `targets` entry selects. Decoded from the kustomization (or a file it names
/// with `path:`) by `KustomizationDecoder.replacements`.
public struct Replacement: Sendable {
  /// Which objects a source or target names. Group, version, kind, name and namespace are
  /// compared whole (no patterns, unlike a patch target); `namespace: default` also names
  /// objects without one. A target may also select by label and annotation selectors.
  public struct Selector: Sendable {
    public var group: String?
    public var version: String?
    public var kind: String?
    public var name: String?
    public var namespace: String?
    public var labelSelector: String?
    public var annotationSelector: String?
    public var location: SourceLocation

    public init(
      group: String? = nil, version: String? = nil, kind: String? = nil, name: String? = nil,
      namespace: String? = nil, labelSelector: String? = nil, annotationSelector: String? = nil,
      location: SourceLocation = .unknown
    ) {
      self.group = group
      self.version = version
      self.kind = kind
      self.name = name
      self.namespace = namespace
      self.labelSelector = labelSelector
      self.annotationSelector = annotationSelector
      self.location = location
    }

    /// No group, version, kind, name or namespace: a reject that only uses the selectors.
    var namesNoID: Bool {
      [group, version, kind, name, namespace].allSatisfy { $0 == nil || $0 == "" }
    }

    /// The selector as written, for messages: `{kind: Secret, name: db}`.
    var idDescription: String {
      let fields = [("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace)]
      let given = fields.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key): \($0)" } }
      return "{" + given.joined(separator: ", ") + "}"
    }
  }

  /// `options`: split the value (source) or the field (target) at `delimiter` and take or
  /// replace part `index`; `create` makes missing target fields.
  public struct Options: Sendable {
    public var delimiter = ""
    public var index = 0
    public var create = false

    public init(delimiter: String = "", index: Int = 0, create: Bool = false) {
      self.delimiter = delimiter
      self.index = index
      self.create = create
    }
  }

  /// A field path as written, with where.
  public struct Path: Sendable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation = .unknown) {
      self.text = text
      self.location = location
    }
  }

  public struct Source: Sendable {
    public var selector: Selector
    /// `metadata.name` when not given.
    public var fieldPath: Path
    public var options: Options

    public init(selector: Selector, fieldPath: Path, options: Options = Options()) {
      self.selector = selector
      self.fieldPath = fieldPath
      self.options = options
    }
  }

  public struct Target: Sendable {
    public var select: Selector
    public var reject: [Selector]
    /// `metadata.name` when none is given.
    public var fieldPaths: [Path]
    public var options: Options
    public var location: SourceLocation

    public init(
      select: Selector, reject: [Selector] = [], fieldPaths: [Path], options: Options = Options(),
      location: SourceLocation = .unknown
    ) {
      self.select = select
      self.reject = reject
      self.fieldPaths = fieldPaths
      self.options = options
      self.location = location
    }
  }

  public var source: Source
  public var targets: [Target]
  /// The entry in the kustomization (or in the file its `path` names).
  public var location: SourceLocation

  public init(source: Source, targets: [Target], location: SourceLocation = .unknown) {
    self.source = source
    self.targets = targets
    self.location = location
  }

  public static let defaultFieldPath = "metadata.name"
}

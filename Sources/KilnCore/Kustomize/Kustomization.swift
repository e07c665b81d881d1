public import KilnYAML

/// A `kustomization.yaml` (kind Kustomization or Component), decoded and checked.
public struct Kustomization: Sendable {
  public enum Kind: String, Sendable {
    case kustomization = "Kustomization"
    case component = "Component"
  }

  /// A path listed in `resources` or `components`, with where it was written.
  public struct Entry: Sendable {
    public var path: String
    public var location: SourceLocation
  }

  /// One `labels:` entry.
  public struct LabelSet: Sendable {
    public var pairs: [MapEntry]
    public var includeSelectors: Bool
    public var includeTemplates: Bool
    /// With `fields` of its own, every field spec of the entry, Kustomize's merged in
    /// (`AddLabels.fieldSpecs`); otherwise empty, and the reach picks the defaults.
    public var fields: [FieldSpec]
    /// The entry's `fields` as written (a configuration's `labels` specs merge in first).
    public var ownFields: [FieldSpec] = []
  }

  /// `sortOptions`: legacy (kind order, optionally with the user's lists) or fifo.
  public enum SortOrder: Sendable {
    case legacy(LegacyOrder)
    case fifo
  }

  public var kind: Kind
  /// The file, as the user sees it.
  public var location: SourceLocation
  public var resources: [Entry] = []
  public var components: [Entry] = []
  public var namespace: Node?
  public var namePrefix: Node?
  public var nameSuffix: Node?
  public var commonLabels: [MapEntry] = []
  public var labels: [LabelSet] = []
  public var commonAnnotations: [MapEntry] = []
  public var images: [ImageOverride] = []
  /// `replacements`, inline and from files, in order.
  public var replacements: [Replacement] = []
  public var replicas: [SetReplicas.Count] = []
  /// `configurations`: files of transformer configuration (or, with a line break, the
  /// configuration itself), merged into Kustomize's defaults.
  public var configurations: [Entry] = []
  /// `crds`: files of OpenAPI definitions whose extensions add field specs (`CRDFieldSpecs`).
  public var crds: [Entry] = []
  /// `patchesStrategicMerge`, `patches` and `patchesJson6902`, each in listed order.
  public var patchesStrategicMerge: [PatchSpec] = []
  public var patches: [PatchSpec] = []
  public var patchesJson6902: [PatchSpec] = []
  public var configMapGenerator: [GeneratorSpec] = []
  public var secretGenerator: [GeneratorSpec] = []
  public var generatorOptions: GeneratorOptions?
  public var sortOrder: SortOrder?
  /// `vars`, in written order.
  public var vars: [Var] = []
  /// `generators`, `transformers`, `validators`: plugin configurations (`PluginConfig`).
  public var generators: [Entry] = []
  public var transformers: [Entry] = []
  public var validators: [Entry] = []
  /// `openapi`: Kustomize's built-in schema named by version, or a schema file.
  public enum OpenAPI: Sendable {
    case builtin
    case custom(CustomSchema)
  }

  public var openAPI: OpenAPI?
  /// `buildMetadata`, as written.
  public var buildMetadata: [String] = []
  /// How many `labels` and `images`/`imageTags` entries were written, the empty and nameless
  /// ones too: Kustomize configures a transformer for each (`BuildMetadata.transformerKinds`).
  public var labelEntryCount = 0
  public var imageEntryCount = 0
  /// Deprecation notes, printed on stderr as kubectl prints them.
  public var warnings: [Diagnostic] = []
  /// kiln's own warnings where kubectl reads odd input silently (a key written twice), printed
  /// as located warnings.
  public var notices: [Diagnostic] = []

  public init(kind: Kind, location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// The file names Kustomize looks for, in its order.
  public static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]
}

/// A patch from `patches`, `patchesStrategicMerge` or `patchesJson6902`, with its text loaded.
public struct PatchSpec: Sendable {
  public enum Form: Sendable {
    /// `patches`: strategic merge or JSON 6902, whichever the text turns out to be.
    case either
    case strategicMerge
    case json6902
  }

  public var form: Form
  /// The patch text (inline, or read from `path`).
  public var text: String
  /// Where the text came from: the file for a `path`, the kustomization for inline text.
  public var file: String
  public var target: PatchTarget?
  public var allowNameChange = false
  public var allowKindChange = false
  public var location: SourceLocation
  /// The `openapi` schema in force where the patch runs; nil for the built-in one.
  public var schema: CustomSchema?
  /// The text writes a key twice in one mapping and is read as kubectl reads it (see
  /// `PatchLeniency`), not refused.
  public var keepsDuplicateKeys = false
  /// Read and applied as kubectl kustomize does (`kiln kustomize`): a JSON 6902 patch's plain
  /// keys that read as booleans or numbers become text (`YAMLReadOptions.goMapKeys`) instead of
  /// being refused, and a name the patch changes keeps the old name's quoting (`ScalarRewrite`).
  public var readsAsKubectl = false

  public init(form: Form, text: String, file: String, target: PatchTarget?, location: SourceLocation) {
    self.form = form
    self.text = text
    self.file = file
    self.target = target
    self.location = location
  }
}

/// Which objects a patch applies to. Group, version, kind, name and namespace are regular
/// expressions matched against the whole value; the selectors use Kubernetes label-selector
/// syntax (`app in (web,api),tier!=db`).
public struct PatchTarget: Sendable {
  public var group: String?
  public var version: String?
  public var kind: String?
  public var name: String?
  public var namespace: String?
  public var labelSelector: String?
  public var annotationSelector: String?
  public var location: SourceLocation

  public init(
    group: String? = nil, version: String? = nil, kind: String? = nil, name: String? = nil, namespace: String? = nil,
    labelSelector: String? = nil, annotationSelector: String? = nil, location: SourceLocation = .unknown
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
}

/// One `configMapGenerator` or `secretGenerator` entry.
public struct GeneratorSpec: Sendable {
  public enum Kind: String, Sendable {
    case configMap = "ConfigMap"
    case secret = "Secret"
  }
  public enum Behavior: String, Sendable { case create, merge, replace }

  /// A `key=value` literal, a file (`path` or `key=path`) or an env file, as written.
  public struct Source: Sendable {
    public var text: String
    public var location: SourceLocation
  }

  public var kind: Kind
  public var name: String
  public var namespace: String?
  public var behavior: Behavior = .create
  public var literals: [Source] = []
  public var files: [Source] = []
  public var envs: [Source] = []
  public var options: GeneratorOptions?
  /// `type` of a Secret (default Opaque).
  public var type: String?
  public var location: SourceLocation
  /// Set for an entry written in an environment file rather than in the kustomization: the
  /// directory its files are named relative to, and the file to name as the objects' source.
  public var declaredIn: (directory: String, file: String)?

  public init(kind: Kind, name: String, location: SourceLocation) {
    self.kind = kind
    self.name = name
    self.location = location
  }
}

/// `generatorOptions`, and a generator's own `options`.
public struct GeneratorOptions: Sendable {
  public var labels: [MapEntry] = []
  public var annotations: [MapEntry] = []
  public var disableNameSuffixHash: Bool?
  public var immutable: Bool?

  public init() {}
}

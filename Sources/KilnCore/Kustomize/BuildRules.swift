import KilnYAML

/// What differs between `kiln build` and `kiln kustomize` when reading directories. Everything
/// else (accumulation, generators, components, transformers) is one engine.
public struct BuildRules: Sendable, Equatable {
  /// kiln build: nothing outside the project root is read, file or directory. kubectl
  /// kustomize: a file must be inside its own kustomization's directory; a directory listed as
  /// a resource or component may be anywhere.
  public var filesInsideTheirKustomization: Bool
  /// How resource files read plain scalars: YAML 1.1 (what kubectl apply reads) or YAML 1.2
  /// (what Kustomize reads).
  public var resourceDialect: ScalarResolver.Dialect
  /// kiln build takes a directory without a kustomization as "every YAML file in it";
  /// Kustomize requires a kustomization file.
  public var plainDirectories: Bool
  /// kiln build refuses odd input (a key written twice, `NamePrefix` for `namePrefix`); kubectl
  /// kustomize reads it its own way, and so does kiln kustomize, warning where kubectl is silent.
  public var readsAsKubectl = false

  public static let kilnBuild = BuildRules(
    filesInsideTheirKustomization: false, resourceDialect: .yaml11, plainDirectories: true)
  public static let kustomize = BuildRules(
    filesInsideTheirKustomization: true, resourceDialect: .yaml12, plainDirectories: false, readsAsKubectl: true)

  /// How a transform writes a scalar it rewrites (a prefixed name, a renamed image).
  var scalarRewrite: ScalarRewrite { readsAsKubectl ? .keepingStyle : .asString }

  /// How resource files are read: kyaml splits a stream at `---` lines and decodes each piece.
  var resourceReading: YAMLReadOptions { readsAsKubectl ? [.documentsAsSplitPieces] : [] }
  /// How kustomization files are read: sigs.k8s.io/yaml decodes into Go maps, where a key
  /// written twice keeps its last value (`KustomizationLeniency` picks it).
  var kustomizationReading: YAMLReadOptions { readsAsKubectl ? [.keepDuplicateKeys] : [] }
}

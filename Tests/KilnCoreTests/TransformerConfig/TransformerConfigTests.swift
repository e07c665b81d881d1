import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Merging configurations as Kustomize merges them (checked against kubectl kustomize v5.5).
@Suite struct TransformerConfigTests {
  let crdNamespace = FieldSpec(
    group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
    path: "spec/conversion/webhook/clientConfig/service/namespace", create: false)

  @Test func aSpecAlreadyThereIsNotAddedTwice() throws {
    var mine = TransformerConfig()
    mine.commonAnnotations = [FieldSpec(path: "metadata/annotations", create: true)]
    let merged = try TransformerConfig.defaults.merged(with: mine)
    #expect(merged.commonAnnotations == TransformerConfig.defaults.commonAnnotations)
  }

  /// A spec for one version is not the default spec for every version: both are kept.
  @Test func aNarrowerSpecIsAdded() throws {
    var mine = TransformerConfig()
    mine.namespace = [crdNamespace]
    let merged = try TransformerConfig.defaults.merged(with: mine)
    #expect(merged.namespace.count == TransformerConfig.defaults.namespace.count + 1)
    #expect(merged.namespace.contains(crdNamespace))
  }

  /// kubectl: "failed to merge CommonLabels fieldSpec: conflicting fieldspecs".
  @Test func sayingOtherwiseAboutCreatingIsAConflict() {
    var mine = TransformerConfig()
    mine.commonLabels = [FieldSpec(version: "v1", kind: "Service", path: "spec/selector", create: false)]
    #expect(throws: Diagnostic.self) { try TransformerConfig.defaults.merged(with: mine) }
  }

  /// Kustomize sorts every list by kind order, then group_version_kind: its error about
  /// replicas lists Deployment, StatefulSet, ReplicaSet, ReplicationController.
  @Test func listsAreSortedAsKustomizeSortsThem() {
    #expect(
      TransformerConfig.defaults.replicas.map(\.kind) == [
        "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController",
      ])
    #expect(
      TransformerConfig.defaults.nameReference.map(\.target.kind).prefix(3) == [
        "StorageClass", "ServiceAccount", "Role",
      ])
  }

  /// Rows for the same kind are merged; rows for a new kind are added.
  @Test func nameReferenceRowsMergeByKind() throws {
    let widget = FieldSpec(kind: "Widget", path: "spec/configRef", create: false)
    var mine = TransformerConfig()
    mine.nameReference = [
      NameReferenceTable.Row(target: .init(version: "v1", kind: "ConfigMap"), referrers: [widget]),
      NameReferenceTable.Row(target: .init(group: "example.com", kind: "Gadget"), referrers: [widget]),
    ]
    let merged = try TransformerConfig.defaults.merged(with: mine)
    let configMap = try #require(merged.nameReference.first { $0.target.kind == "ConfigMap" })
    #expect(configMap.referrers.last == widget)
    #expect(merged.nameReference.count == TransformerConfig.defaults.nameReference.count + 1)
  }
}

/// Merging into the accumulated configuration, which starts empty as Kustomize's does.
@Suite struct TransformerConfigAccumulationTests {
  /// kubectl: a configured `namePrefix` spec `{path: metadata/name, kind: Widget}` sorts before
  /// the kind-less default; merged into an empty configuration, the default then counts as
  /// already there, and `namePrefix` renames Widgets only.
  @Test func aKindSpecStandsInForTheKindlessDefault() throws {
    let widget = FieldSpec(kind: "Widget", path: "metadata/name", create: false)
    var mine = TransformerConfig()
    mine.namePrefix = [widget]
    let own = try TransformerConfig.defaults.merged(with: mine)
    #expect(own.namePrefix.count == 2)
    let accumulated = try TransformerConfig().merged(with: own)
    #expect(accumulated.namePrefix == [widget])
  }

  @Test func theDefaultsMergeIntoAnEmptyConfigurationUnchanged() throws {
    #expect(try TransformerConfig().merged(with: .defaults) == .defaults)
  }
}

/// `crds:` files: OpenAPI definitions whose extensions add field specs.
@Suite struct CRDFieldSpecsTests {
  let definitions = """
    {
      "example.com/api/v1.Database": {
        "Schema": {"properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {},
          "spec": {"$ref": "example.com/api/v1.DatabaseSpec"}}}
      },
      "example.com/api/v1.DatabaseSpec": {
        "schema": {"properties": {
          "credentialsRef": {"x-kubernetes-object-ref-api-version": "v1", "x-kubernetes-object-ref-kind": "Secret"},
          "tuning": {"x-kubernetes-object-ref-api-version": "v1", "x-kubernetes-object-ref-kind": "ConfigMap",
                     "x-kubernetes-object-ref-name-key": "cmName"},
          "notes": {"x-kubernetes-annotation": ""},
          "alias": {"x-kubernetes-identity": true}}}
      }
    }
    """

  @Test func referencesAnnotationsAndNonStringExtensions() throws {
    let config = try CRDFieldSpecs.configuration(Array(definitions.utf8), file: "openapi.json", at: .unknown)
    #expect(
      config.nameReference.map(\.target) == [
        .init(version: "v1", kind: "ConfigMap"), .init(version: "v1", kind: "Secret"),
      ])
    #expect(
      config.nameReference.flatMap(\.referrers) == [
        FieldSpec(kind: "Database", steps: [.key("spec"), .key("tuning"), .key("cmName")], create: false),
        FieldSpec(kind: "Database", steps: [.key("spec"), .key("credentialsRef"), .key("name")], create: false),
      ])
    #expect(config.commonAnnotations == [FieldSpec(kind: "Database", path: "spec/notes", create: false)])
    // `x-kubernetes-identity: true` is not a string: Kustomize does not see it.
    #expect(config.namePrefix.isEmpty)
  }

  @Test func anEmptyFileIsRefused() {
    #expect(throws: Diagnostic.self) { try CRDFieldSpecs.configuration([], file: "openapi.json", at: .unknown) }
  }

  @Test func aCustomResourceDefinitionManifestIsRefused() {
    let manifest = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
    #expect(throws: Diagnostic.self) {
      try CRDFieldSpecs.configuration(Array(manifest.utf8), file: "crd.yaml", at: .unknown)
    }
  }
}

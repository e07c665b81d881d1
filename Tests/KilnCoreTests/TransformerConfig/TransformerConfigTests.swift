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

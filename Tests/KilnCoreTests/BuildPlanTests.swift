import KilnYAML
import Testing

@testable import KilnCore

/// The build order is data, pinned here: changing it changes what environments mean.
@Suite struct BuildPlanTests {
  @Test func componentStages() {
    #expect(
      BuildPlan.componentStages.map(\.name) == [
        "replicas", "image", "images", "resources", "env", "nodeSelector", "tolerations", "affinity",
        "podAnnotations", "podLabels", "patches",
      ])
  }

  @Test func environmentStagesFollowKustomizesTransformerOrder() {
    #expect(
      BuildPlan.environmentStages.map(\.name) == [
        "namespace", "ownNamespaceCopies", "labels", "commonLabels", "commonAnnotations", "images", "patches",
      ])
  }

  @Test func kustomizationTransformersRunInKustomizesFixedOrder() throws {
    // Keys written in any order still run patchesStrategicMerge, patches, namespace, namePrefix,
    // nameSuffix, labels, commonLabels, commonAnnotations, patchesJson6902, replicas, images,
    // replacements.
    let node = try #require(
      try YAMLParser.parseDocuments(
        Array(
          """
          replacements: [{source: {kind: X}, targets: [{select: {kind: Z}}]}]
          images: [{name: a, newTag: "2"}]
          replicas: [{name: x, count: 2}]
          commonAnnotations: {a: b}
          commonLabels: {c: d}
          labels: [{pairs: {e: f}}]
          namespace: ns
          namePrefix: p-
          nameSuffix: -s
          patches: [{patch: "[]", target: {kind: X}}]
          patchesStrategicMerge: ["{apiVersion: v1, kind: ConfigMap, metadata: {name: x}}"]
          patchesJson6902: [{patch: "[]", target: {kind: X}}]
          """.utf8), file: "kustomization.yaml"
      ).first)
    let kustomization = try KustomizationDecoder.decode(node, file: "kustomization.yaml")
    let plan = BuildPlan.kustomization(kustomization)
    #expect(
      plan.names == [
        "patchesStrategicMerge", "patches", "namespace", "namePrefix", "nameSuffix", "labels", "commonLabels",
        "commonAnnotations", "patchesJson6902", "replicas", "images", "replacements",
      ])
    #expect(
      plan.steps.map(\.configuredBy.kind) == [
        "PatchStrategicMergeTransformer", "PatchTransformer", "NamespaceTransformer", "PrefixTransformer",
        "SuffixTransformer", "LabelTransformer", "LabelTransformer", "AnnotationsTransformer",
        "PatchJson6902Transformer", "ReplicaCountTransformer", "ImageTagTransformer", "ReplacementTransformer",
      ])
    #expect(plan.steps.allSatisfy { $0.configuredBy.file == "kustomization.yaml" })
  }

  @Test func theFinalPlan() {
    #expect(
      BuildPlan.finish(order: .fifo).names == [
        "hashSuffixes", "nameReferences", "vars", "scopedVars", "localConfig", "sortOrder",
      ])
    #expect(
      BuildPlan.finish(order: .fifo, stringifyAnnotations: true).names == [
        "hashSuffixes", "nameReferences", "vars", "scopedVars", "localConfig", "sortOrder", "stringifyAnnotations",
      ])
  }
}

import KilnYAML
import Testing

@testable import KilnCore

/// The build order is data, pinned here: changing it changes what environments mean.
@Suite struct PipelineOrderTests {
  @Test func componentStages() {
    #expect(Pipeline.componentStages.map(\.name) == [
      "replicas", "image", "images", "resources", "env", "nodeSelector", "tolerations", "affinity",
      "podAnnotations", "podLabels",
    ])
  }

  @Test func environmentStagesFollowKustomizesTransformerOrder() {
    #expect(Pipeline.environmentStages.map(\.name) == ["namespace", "labels", "commonLabels", "commonAnnotations", "images"])
  }

  @Test func kustomizationTransformersRunInKustomizesFixedOrder() throws {
    // Keys written in the "wrong" order still run namespace, labels, commonLabels,
    // commonAnnotations, replicas, images.
    let node = try #require(try YAMLParser.parseDocuments(Array("""
      images: [{name: a, newTag: "2"}]
      replicas: [{name: x, count: 2}]
      commonAnnotations: {a: b}
      commonLabels: {c: d}
      labels: [{pairs: {e: f}}]
      namespace: ns
      """.utf8), file: "kustomization.yaml").first)
    let kustomization = try KustomizationDecoder.decode(node, file: "kustomization.yaml")
    #expect(kustomization.transforms.map(\.name) == ["SetNamespace", "AddLabels", "AddLabels", "AddAnnotations", "SetReplicas", "SetImages"])
  }
}


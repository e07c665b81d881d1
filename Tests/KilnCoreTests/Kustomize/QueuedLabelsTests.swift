import Testing

@testable import KilnCore

/// Labels wait in a queue and are set on many objects at once, on every core (`Accumulation`):
/// the result, and the errors, must be those of running each transform in turn.
struct QueuedLabelsTests {
  /// `count` ConfigMaps in one file; those at `broken` have labels that are not a mapping.
  private func configMaps(_ count: Int, broken: Set<Int> = []) -> String {
    (0..<count).map { i in
      let labels = broken.contains(i) ? "\n  labels: app=web" : ""
      return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\(i)\(labels)\n"
    }.joined(separator: "---\n")
  }

  @Test func everyObjectOfALongRangeGetsTheLabelsOfEveryLaterComponent() throws {
    let files = [
      "kustomization.yaml":
        "resources:\n- many.yaml\ncomponents:\n- first\n- second\nlabels:\n- pairs:\n    env: prod\n",
      "many.yaml": configMaps(40),
      "first/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- one.yaml\nlabels:\n- pairs:\n    owner: first\n",
      "first/one.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: zz-first\n",
      "second/kustomization.yaml":
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nlabels:\n- pairs:\n    owner: second\n",
    ]
    let resources = try GeneratorCheck.resources(files)
    #expect(resources.count == 41)
    for resource in resources {
      // Kustomize runs each component over everything before it: the last one wins everywhere.
      #expect(resource.node.value(at: ["metadata", "labels", "owner"])?.scalarText == "second", "\(resource.name)")
      #expect(resource.node.value(at: ["metadata", "labels", "env"])?.scalarText == "prod", "\(resource.name)")
    }
  }

  @Test func aFailingLabelsStepReportsEveryObjectItFailsOnInOrder() {
    let files = [
      "kustomization.yaml": "resources:\n- many.yaml\nlabels:\n- pairs:\n    env: prod\n",
      "many.yaml": configMaps(40, broken: [3, 35]),
    ]
    #expect(
      GeneratorCheck.failure(files) == """
        many.yaml:20:11: error: expected a mapping at metadata.labels, found a string
        many.yaml:181:11: error: expected a mapping at metadata.labels, found a string
        """)
  }
}

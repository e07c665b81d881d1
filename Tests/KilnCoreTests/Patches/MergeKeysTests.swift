import Testing

@testable import KilnCore

/// The merge-key table generated from the Kubernetes OpenAPI (Scripts/generate-merge-keys.py),
/// on the cases checked against kubectl in the research (§9.2) and by
/// Scripts/verify-merge-keys.py.
@Suite struct MergeKeysTests {
  static func keys(_ apiVersion: String, _ kind: String, _ path: String...) -> [String]? {
    var schema = MergeKeys.schema(apiVersion: apiVersion, kind: kind)
    for step in path {
      if step == "[]" { schema = schema?.elements } else { schema = schema?.field(step) }
    }
    return schema?.keys
  }

  @Test func podTemplateLists() {
    func deployment(_ path: String...) -> [String]? {
      var schema = MergeKeys.schema(apiVersion: "apps/v1", kind: "Deployment")
      for step in ["spec", "template", "spec"] + path { schema = step == "[]" ? schema?.elements : schema?.field(step) }
      return schema?.keys
    }
    #expect(deployment("containers") == ["name"])
    #expect(deployment("initContainers") == ["name"])
    #expect(deployment("containers", "[]", "env") == ["name"])
    #expect(deployment("containers", "[]", "volumeMounts") == ["mountPath"])
    #expect(deployment("containers", "[]", "ports") == ["containerPort", "protocol"])
    #expect(deployment("volumes") == ["name"])
    #expect(deployment("imagePullSecrets") == ["name"])
    #expect(deployment("hostAliases") == ["ip"])
    #expect(deployment("topologySpreadConstraints") == ["topologyKey", "whenUnsatisfiable"])
    #expect(deployment("containers", "[]", "args") == nil)
    #expect(deployment("tolerations") == nil)
    #expect(deployment("containers", "[]", "envFrom") == nil)
  }

  @Test func serviceAndMetadataLists() {
    #expect(Self.keys("v1", "Service", "spec", "ports") == ["port", "protocol"])
    #expect(Self.keys("v1", "ConfigMap", "metadata", "finalizers") == [])
    #expect(Self.keys("v1", "ConfigMap", "metadata", "ownerReferences") == ["uid"])
  }

  /// Corrections to the 1.25 data, found with kubectl (Kustomize embeds the 1.21 schema).
  @Test func kustomizesOlderSchemaWins() {
    #expect(Self.keys("v1", "Pod", "spec", "ephemeralContainers", "[]", "ports") == nil)
    #expect(MergeKeys.schema(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler") == nil)
    #expect(
      Self.keys("batch/v1beta1", "CronJob", "spec", "jobTemplate", "spec", "template", "spec", "containers") == ["name"]
    )
    #expect(MergeKeys.schema(apiVersion: "example.com/v1", kind: "Widget") == nil)
  }
}

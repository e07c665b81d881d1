import KilnYAML
import Testing

@testable import KilnCore

/// The text kubectl writes for `buildMetadata`, and which transformers it names.
@Suite struct BuildMetadataTests {
  @Test func originOfAFileIsItsPath() {
    #expect(Origin.file("base/deployment.yaml").yaml() == "path: base/deployment.yaml\n")
  }

  @Test func originOfAGeneratedObjectNamesTheKustomizationAndPlugin() {
    #expect(
      Origin.builtin("ConfigMapGenerator", in: "overlays/prod/kustomization.yaml").yaml()
        == """
        configuredIn: overlays/prod/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ConfigMapGenerator

        """)
  }

  @Test func transformationsAreAListIndentedUnderTheirDash() {
    let list: [Origin] = [
      .builtin("PatchTransformer", in: "kustomization.yaml"), .builtin("PrefixTransformer", in: "a"),
    ]
    #expect(
      Origin.yaml(list: list[...])
        == """
        - configuredIn: kustomization.yaml
          configuredBy:
            apiVersion: builtin
            kind: PatchTransformer
        - configuredIn: a
          configuredBy:
            apiVersion: builtin
            kind: PrefixTransformer

        """)
  }

  /// Go's path.Join: `..` folded against what was recorded, `.` dropped.
  @Test(arguments: [
    ("", "./overlays/prod", "overlays/prod"),
    ("overlays/prod", "../../base", "base"),
    ("overlays/prod", "../../../shared", "../shared"),
    ("", "cm.yaml", "cm.yaml"),
    ("base", "./", "base"),
  ])
  func pathsJoinAsGoJoinsThem(base: String, entry: String, joined: String) {
    #expect(Origin.join(base, entry) == joined)
  }

  /// As kubectl writes them (go-yaml v3): quoted only when plain would read as another type or
  /// is not allowed.
  @Test func pathsAreQuotedAsKustomizesMarshallerQuotesThem() {
    #expect(Origin.scalar("true") == "\"true\"")
    #expect(Origin.scalar("a/b-c_d.yaml") == "a/b-c_d.yaml")
    #expect(Origin.scalar("../with space/cm.yaml") == "../with space/cm.yaml")
    #expect(Origin.scalar("../-lead/it's/cm.yaml") == "../-lead/it's/cm.yaml")
    #expect(Origin.scalar("../a: b/cm.yaml") == "'../a: b/cm.yaml'")
    #expect(Origin.scalar("../x #y/cm.yaml") == "'../x #y/cm.yaml'")
    #expect(Origin.scalar("../tab\tx/cm.yaml") == "\"../tab\\tx/cm.yaml\"")
  }

  /// Kustomize configures one transformer per patch, label entry, JSON patch, replica count
  /// and image, plus one for commonLabels whenever there are labels of either kind.
  @Test func transformerKindsFollowKustomizesOrderAndCounts() {
    var k = Kustomization(kind: .kustomization, location: .unknown)
    k.namePrefix = .string("p-")
    k.labelEntryCount = 1
    k.imageEntryCount = 2
    k.commonAnnotations = [MapEntry(key: "a", value: .string("b"))]
    #expect(
      BuildMetadata.transformerKinds(of: k) == [
        "PrefixTransformer", "LabelTransformer", "LabelTransformer", "AnnotationsTransformer", "ImageTagTransformer",
        "ImageTagTransformer",
      ])
    #expect(BuildMetadata.transformerKinds(of: Kustomization(kind: .kustomization, location: .unknown)).isEmpty)
  }
}

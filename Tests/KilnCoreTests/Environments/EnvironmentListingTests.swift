import Testing

@testable import KilnCore

/// `kiln list ENV`: each part of the project, whether it is on, and the objects it renders.
@Suite struct EnvironmentListingTests {
  @Test func everyComponentIsListedWithWhatItRendersThere() throws {
    let files = [
      "base/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
      "components/api/deployment.yaml": ProjectCheck.deployment("api"),
      "components/worker/deployment.yaml": ProjectCheck.deployment("worker"),
      "environments/prod.yaml": """
      namespace: shop
      api: {enabled: true}
      configMapGenerator:
      - {name: shared, literals: [A=1], options: {disableNameSuffixHash: true}}
      """,
    ]
    let listing = try EnvironmentListing.make(ProjectCheck.request("prod"), fileSystem: ProjectCheck.fileSystem(files))
    #expect(
      listing.parts == [
        .init(name: "base", enabled: true, objects: ["Namespace shop"]),
        .init(name: "api", enabled: true, objects: ["Deployment shop/api"]),
        .init(name: "worker", enabled: false, objects: []),
        .init(name: "environment", enabled: true, objects: ["ConfigMap shop/shared"]),
      ])
  }
}

import KilnYAML
import Testing

@testable import KilnCore

/// Reading a var's `fieldref.fieldPath` from an object, and the value it gives, as
/// `kubectl kustomize` (v5.5) reads them.
@Suite struct VarFieldPathTests {
  let deployment = try! YAMLParser.parseDocuments(
    Array(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        annotations:
          example.com/owner: team-a
      spec:
        replicas: 3
        template:
          spec:
            containers:
            - name: api
              image: api:1
              ports:
              - containerPort: 8080
            - name: sidecar
              image: proxy:2
      """.utf8), file: "deployment.yaml", dialect: .yaml12)[0]

  func value(_ path: String) -> VarValue? {
    VarFieldPath.lookup(path, in: deployment).flatMap(VarValue.init)
  }

  @Test func dottedPathsWithListIndexesAndSelectors() {
    #expect(value("metadata.name") == .string("api"))
    #expect(value("spec.template.spec.containers[1].image") == .string("proxy:2"))
    #expect(value("spec.template.spec.containers.1.name") == .string("sidecar"))
    #expect(value("spec.template.spec.containers.[name=sidecar].image") == .string("proxy:2"))
    #expect(value("spec.template.spec.containers[0].ports[0].containerPort") == .int(8080))
    #expect(value("metadata.annotations.[example.com/owner]") == .string("team-a"))
  }

  @Test func missingFieldsAndWrongShapesGiveNothing() {
    #expect(value("spec.strategy") == nil)
    #expect(value("spec.template.spec.containers[5].image") == nil)
    #expect(value("spec.template.spec.containers.[name=db].image") == nil)
    #expect(value("metadata.name.first") == nil)
  }

  @Test func mapsAndListsCannotBeValues() {
    #expect(value("spec.template") == .unusable)
  }

  @Test func numbersAreReadWithGoStrictness() throws {
    func read(_ yaml: String) throws -> VarValue? {
      let node = try YAMLParser.parseDocuments(Array("v: \(yaml)".utf8), file: "x", dialect: .yaml12)[0]
      return VarValue(try #require(node["v"]))
    }
    #expect(try read("012") == .int(12))
    #expect(try read("0x1F") == nil)
    #expect(try read("1.5e3") == .float(1500))
    #expect(try read("true") == .bool(true))
    #expect(try read("null") == .string("null"))
    #expect(try read("2024-01-01") == .string("2024-01-01"))
    #expect(try read("'8080'") == .string("8080"))
  }
}

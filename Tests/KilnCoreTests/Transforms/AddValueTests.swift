import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// ValueAddTransformer's writing of one value. Expected outputs are what `kubectl kustomize`
/// (v5.5) printed for the same plugin configuration.
@Suite struct AddValueTests {
  @Test func insertsThePathPartBeforeTheSegmentItNames() {
    #expect(AddValue.insertPathPart("/buckets/archive/2024", at: 1, "acme") == "/buckets/acme/archive/2024")
    #expect(AddValue.insertPathPart("exports/daily", at: 98, "acme") == "exports/daily/acme")
    #expect(AddValue.insertPathPart("pie", at: 0, "acme") == "acme/pie")
    #expect(AddValue.insertPathPart("", at: 3, "acme") == "acme")
    #expect(AddValue.insertPathPart("/", at: 0, "acme") == "/acme")
  }

  @Test func aBackslashKeepsASlashInsideAKey() {
    #expect(
      AddValue.keys("metadata/annotations/example.com\\/project") == ["metadata", "annotations", "example.com/project"])
  }

  @Test func createsTheFieldAndKeepsAQuotedOldValueQuoted() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        version: "1"
      """
    let add = AddValue(
      value: "2",
      targets: [
        .init(selector: nil, fieldPath: "data/version", filePathPosition: 0, at: .unknown),
        .init(selector: nil, fieldPath: "metadata/labels/revision", filePathPosition: 0, at: .unknown),
      ])
    let expected = """
      apiVersion: v1
      data:
        version: "2"
      kind: ConfigMap
      metadata:
        labels:
          revision: 2
        name: settings
      """
    #expect(try TransformCheck.apply(add, to: input) == expected)
  }

  @Test func aMapAtThePathIsAnError() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      """
    let add = AddValue(
      value: "x", targets: [.init(selector: nil, fieldPath: "metadata", filePathPosition: 0, at: .unknown)])
    #expect(try !TransformCheck.diagnostics(add, on: input).isEmpty)
  }
}

/// ReplicaCountTransformer: the count only where its field specs say.
@Suite struct SetReplicaCountAtSpecsTests {
  @Test func onlyTheKindsOfItsSpecsAreScaled() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        replicas: 1
      """
    let scale = SetReplicaCountAtSpecs(
      objectName: "web", count: 3,
      fieldSpecs: [FieldSpec(kind: "Deployment", path: "spec/replicas", create: true)], at: .unknown)
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        replicas: 1
      """
    #expect(try TransformCheck.apply(scale, to: input) == expected)
  }

  @Test func noObjectOfItsKindsIsAnError() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      """
    let scale = SetReplicaCountAtSpecs(
      objectName: "web", count: 3,
      fieldSpecs: [FieldSpec(kind: "StatefulSet", path: "spec/replicas", create: true)], at: .unknown)
    #expect(try TransformCheck.diagnostics(scale, on: input).count == 1)
  }
}

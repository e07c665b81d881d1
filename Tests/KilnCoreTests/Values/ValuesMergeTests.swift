import KilnCore
import KilnYAML
import Testing

/// Layering of values files: maps merge, lists and scalars are replaced, null deletes.
@Suite struct ValuesMergeTests {
  /// Every layer in order, starting from nothing, as the values loader layers
  /// defaults.yaml, <env>.yaml and each -f file.
  func layered(_ layers: String...) throws -> String {
    compact(try layers.map(yaml).reduce(Node.mapping([]), ValuesMerge.merge))
  }

  @Test func mappingsMergeKeyByKey() throws {
    #expect(
      try layered("a: {b: 1, c: {d: 2}}", "a: {c: {e: 3}, f: 4}")
        == "{a: {b: 1, c: {d: 2, e: 3}, f: 4}}")
  }

  @Test func sequencesAreReplacedWhole() throws {
    #expect(try layered("tolerations: [a, b]", "tolerations: [c]") == #"{tolerations: ["c"]}"#)
    #expect(
      try layered("env: [{name: A, value: '1'}]", "env: [{name: B}]") == #"{env: [{name: "B"}]}"#)
  }

  @Test func aScalarReplacesAMapAndAMapReplacesAScalar() throws {
    #expect(try layered("a: {b: 1}\nc: x", "a: flat\nc: {d: 1}") == #"{a: "flat", c: {d: 1}}"#)
  }

  @Test func nullDeletesTheKeyBelowIt() throws {
    #expect(try layered("a: {b: 1, c: 2}", "a: {b: null}") == "{a: {c: 2}}")
    #expect(try layered("a: {b: 1}\nz: 0", "a: null") == "{z: 0}")
  }

  @Test func aNullNeverAddsAKey() throws {
    // Helm would keep `newkey: null` (absent from the chart defaults); kiln drops it.
    #expect(try layered("a: 1", "newkey: null") == "{a: 1}")
    #expect(try layered("a: 1", "b: {c: null, d: {e: null}, f: 2}") == "{a: 1, b: {d: {}, f: 2}}")
    #expect(try layered("a: null\nb: 1") == "{b: 1}")
  }

  @Test func aNullInsideAListIsAValue() throws {
    #expect(try layered("l: [1]", "l: [null, {a: null}]") == "{l: [null, {a: null}]}")
  }

  @Test func anEmptyFileChangesNothing() throws {
    #expect(try layered("a: 1", "", "# only a comment") == "{a: 1}")
  }

  @Test func keysKeepTheirFirstPlaceAndNewOnesAreAppended() throws {
    #expect(try layered("z: 1\na: 1\nm: 1", "a: 2\nb: 2\nz: 2") == "{z: 2, a: 2, m: 1, b: 2}")
    // Deleted in one layer and set again in a later one: a new key.
    #expect(try layered("x: 1\nw: 1", "x: null", "x: 3") == "{w: 1, x: 3}")
  }

  @Test func aKeyPointsAtTheLayerThatSetItLast() throws {
    let base = try YAMLParser.parseStream("a: {b: 1}\nc: 1", file: "defaults.yaml")[0]
    let env = try YAMLParser.parseStream("a: {b: 2}", file: "prod.yaml")[0]
    let merged = ValuesMerge.merge(base, env)
    #expect(merged.entries?.first?.keyLocation.description == "prod.yaml:1:1")
    #expect(merged.value(at: ["a", "b"])?.location.description == "prod.yaml:1:8")
    #expect(merged.entries?.last?.keyLocation.description == "defaults.yaml:2:1")
  }

  @Test func mergeMapsKeepsNullsLikeHelm() throws {
    let merged = ValuesMerge.mergeMaps(
      try yaml("a: {b: 1, c: [1, 2]}\nd: 1"), try yaml("a: {b: null, c: [3]}\nd: {e: null}"))
    #expect(compact(merged) == "{a: {b: null, c: [3]}, d: {e: null}}")
  }

  @Test func removingNullsAppliesNullDeletesAfterTheFact() throws {
    let values = try yaml("a: null\nb: {c: null, d: 1}\nl: [null, {e: null}]")
    #expect(compact(ValuesMerge.removingNulls(values)) == "{b: {d: 1}, l: [null, {e: null}]}")
  }
}

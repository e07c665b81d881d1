import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// How a field spec's path is walked (`FieldPath`), through extra label field specs on a custom
/// kind: lists on the way, nulls, and the shapes that stop the walk with an error.
@Suite struct FieldPathTests {
  let team = TransformCheck.pairs(["team": "payments"])

  func labels(_ path: String, create: Bool) -> AddLabels {
    AddLabels(labels: team, reach: .metadataOnly, extraFields: [FieldSpec(kind: "Widget", path: path, create: create)])
  }

  @Test func everyElementOfAListOnThePathIsWalkedAndNullElementsAreSkipped() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        parts:
        - labels:
            app: a
        - null
        - labels: {}
      """
    let expected = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        labels:
          team: payments
        name: gadget
      spec:
        parts:
        - labels:
            app: a
            team: payments
        - null
        - labels:
            team: payments
      """
    #expect(try TransformCheck.apply(labels("spec/parts[]/labels", create: false), to: input) == expected)
  }

  @Test func aNullWhereTheSpecSaysAListBecomesAnEmptyList() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        parts: null
      """
    let expected = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        labels:
          team: payments
        name: gadget
      spec:
        parts: []
      """
    #expect(try TransformCheck.apply(labels("spec/parts[]/labels", create: true), to: input) == expected)
  }

  @Test func aScalarWhereTheSpecSaysAListIsAnError() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        parts: 5
      """
    let diagnostics = try TransformCheck.diagnostics(labels("spec/parts[]/labels", create: false), on: input)
    #expect(
      diagnostics.map(\.description) == [
        "input.yaml:6:10: error: expected a list at parts (on the way to spec.parts[].labels), found a integer"
      ])
  }

  @Test func aScalarOnTheWayIsAnErrorAtThatNode() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec: ready
      """
    let diagnostics = try TransformCheck.diagnostics(labels("spec/extra/labels", create: true), on: input)
    #expect(
      diagnostics.map(\.description) == [
        "input.yaml:5:7: error: expected a mapping on the way to spec.extra.labels, found a string"
      ])
  }

  @Test func aMissingMapIsLeftAloneUnlessTheSpecCreatesIt() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      """
    let untouched = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        labels:
          team: payments
        name: gadget
      """
    #expect(try TransformCheck.apply(labels("spec/extra/labels", create: false), to: input) == untouched)
    #expect(
      try TransformCheck.apply(labels("spec/extra/labels", create: true), to: input) == untouched + """

        spec:
          extra:
            labels:
              team: payments
        """)
  }
}

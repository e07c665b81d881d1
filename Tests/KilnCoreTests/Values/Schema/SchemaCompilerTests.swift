import Testing

/// A schema.json kiln cannot use is an error in schema.json itself, at the line and column of
/// the offending keyword or value; every such error is reported in one run.
@Suite struct SchemaCompilerTests {
  @Test func keywordsOfTheWrongTypeAreAllReported() {
    #expect(
      SchemaCheck.schemaErrors(
        """
        {
          "minLength": -1,
          "required": "name",
          "multipleOf": 0,
          "properties": {"a": 5},
          "allOf": []
        }
        """) == [
          #"schema.json:2:16: error: "minLength" must be a non-negative integer, not an integer"#,
          #"schema.json:3:15: error: "required" must be an array of strings, not a string"#,
          #"schema.json:4:17: error: "multipleOf" must be greater than 0"#,
          "schema.json:5:23: error: a schema is an object or a boolean, not an integer",
          #"schema.json:6:12: error: "allOf" must be a non-empty array of schemas, not an array"#,
        ])
  }

  @Test func aRegularExpressionThatDoesNotCompileIsReportedAtThePattern() {
    #expect(
      SchemaCheck.schemaErrors(#"{"properties": {"tag": {"pattern": "v[0-9"}}}"#) == [
        #"schema.json:1:36: error: invalid regular expression "v[0-9": missing closing ]: `[0-9`"#
      ])
  }

  /// Patterns are Go's (RE2): no lookaround or backreferences, as Helm's validator refuses them.
  @Test func lookaroundIsRefusedWithGosReason() {
    #expect(
      SchemaCheck.schemaErrors(#"{"properties": {"tag": {"pattern": "^(?!latest)"}}}"#) == [
        #"schema.json:1:36: error: invalid regular expression "^(?!latest)": invalid or unsupported Perl syntax: `(?!`"#
      ])
    #expect(SchemaCheck.schemaErrors(#"{"properties": {"tag": {"pattern": "^\\pL[[:alnum:]]{,2}$"}}}"#) == [])
  }

  @Test func refsToOtherFilesAreRefused() {
    #expect(
      SchemaCheck.schemaErrors(
        #"{"allOf": [{"$ref": "common.json#/$defs/port"}, {"$ref": "file:///etc/schema.json"}]}"#) == [
          #"schema.json:1:21: error: $ref "common.json#/$defs/port" is not in schema.json: kiln never fetches schemas; inline it under $defs"#,
          #"schema.json:1:58: error: $ref "file:///etc/schema.json" is not in schema.json: kiln never fetches schemas; inline it under $defs"#,
        ])
  }

  @Test func aRefThatPointsAtNothingSuggestsWhatIsThere() {
    #expect(
      SchemaCheck.schemaErrors(##"{"$defs": {"port": {}}, "$ref": "#/$defs/prot"}"##) == [
        ##"schema.json:1:33: error: $ref "#/$defs/prot" points at nothing: #/$defs has no "prot""##
      ])
  }

  @Test func anchorsAreNotFollowed() {
    #expect(
      SchemaCheck.schemaErrors(##"{"$defs": {"p": {"$anchor": "port"}}, "$ref": "#port"}"##) == [
        ##"schema.json:1:47: error: $ref "#port" is not a JSON pointer: kiln follows pointers such as "#/$defs/name", not anchors"##
      ])
  }

  @Test func aRefCycleThatNeverReachesTheValuesIsAnError() {
    #expect(
      SchemaCheck.schemaErrors(
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##) == [
          "schema.json:1:46: error: this $ref leads back to itself without going into the values, so checking would never end"
        ])
    // Through a property, a cycle describes a tree: it ends where the values do.
    #expect(SchemaCheck.schemaErrors(##"{"properties": {"child": {"$ref": "#"}}}"##) == [])
  }

  @Test func keywordsKilnCannotCheckAreRefusedRatherThanIgnored() {
    #expect(
      SchemaCheck.schemaErrors(#"{"unevaluatedProperties": false}"#) == [
        #"schema.json:1:2: error: kiln does not support "unevaluatedProperties" in schema.json; values it would refuse would pass unseen"#
      ])
  }

  @Test func annotationsAndUnknownKeywordsAreIgnored() {
    #expect(
      SchemaCheck.schemaErrors(
        """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/values",
         "title": "values", "format": "hostname", "x-kiln-note": {"anything": [1]}}
        """) == [])
  }
}

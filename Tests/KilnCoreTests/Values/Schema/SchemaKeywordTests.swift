import Testing

/// What each schema keyword says about values that break it: `path: message`, in the values'
/// order.
@Suite struct SchemaKeywordTests {
  @Test func enumListsTheAllowedValues() throws {
    let schema = #"{"properties": {"logLevel": {"enum": ["debug", "info", "warn"]}}}"#
    #expect(
      try SchemaCheck.violations(schema, "logLevel: verbose") == [
        #"logLevel: got "verbose", want one of "debug", "info" or "warn""#
      ])
    #expect(try SchemaCheck.violations(schema, "logLevel: info") == [])
  }

  @Test func enumAndConstCompareNumbersByValue() throws {
    let schema = #"{"properties": {"a": {"enum": [1, "2"]}, "b": {"const": 1.5}}}"#
    #expect(try SchemaCheck.violations(schema, "a: 1.0\nb: 1.50") == [])
    #expect(
      try SchemaCheck.violations(schema, "a: 2\nb: '1.5'") == [
        #"a: got 2, want one of 1 or "2""#, #"b: got "1.5", want 1.5"#,
      ])
  }

  @Test func patternSearchesUnlessAnchored() throws {
    let schema = #"{"properties": {"tag": {"pattern": "[0-9]"}, "version": {"pattern": "^v[0-9]+$"}}}"#
    #expect(try SchemaCheck.violations(schema, "tag: release-7\nversion: v12") == [])
    #expect(
      try SchemaCheck.violations(schema, "tag: latest\nversion: 12") == [
        #"tag: "latest" does not match "[0-9]""#
      ])
    #expect(try SchemaCheck.violations(schema, "version: v12-rc") == [#"version: "v12-rc" does not match "^v[0-9]+$""#])
  }

  @Test func boundsInclusiveAndExclusive() throws {
    let schema = #"""
      {"properties": {
        "replicas": {"minimum": 1, "maximum": 10},
        "ratio": {"exclusiveMinimum": 0, "exclusiveMaximum": 1},
        "old": {"minimum": 0, "exclusiveMinimum": true}
      }}
      """#
    #expect(try SchemaCheck.violations(schema, "replicas: 10\nratio: 0.5\nold: 0.1") == [])
    #expect(
      try SchemaCheck.violations(schema, "replicas: 0\nratio: 1\nold: 0") == [
        "replicas: got 0, want at least 1", "ratio: got 1, want less than 1", "old: got 0, want more than 0",
      ])
  }

  @Test func multipleOfIsExactForDecimals() throws {
    let schema = #"{"properties": {"cpu": {"multipleOf": 0.1}, "port": {"multipleOf": 5}}}"#
    #expect(try SchemaCheck.violations(schema, "cpu: 0.3\nport: 8080") == [])
    #expect(
      try SchemaCheck.violations(schema, "cpu: 0.25\nport: 8081") == [
        "cpu: got 0.25, want a multiple of 0.1", "port: got 8081, want a multiple of 5",
      ])
  }

  @Test func lengthsCountUnicodeScalars() throws {
    let schema = #"{"properties": {"name": {"minLength": 2, "maxLength": 3}}}"#
    #expect(try SchemaCheck.violations(schema, "name: héé") == [])
    #expect(try SchemaCheck.violations(schema, "name: ü") == ["name: got 1 character, want at least 2"])
  }

  @Test func integerMeansAnIntegerScalar() throws {
    let schema = #"{"properties": {"a": {"type": "integer"}, "b": {"type": "number"}}}"#
    #expect(try SchemaCheck.violations(schema, "a: 0x1F\nb: 3") == [])
    #expect(
      try SchemaCheck.violations(schema, "a: 2.0\nb: '3'") == [
        "a: got number, want integer", "b: got string, want number",
      ])
  }

  @Test func refFollowsLocalPointers() throws {
    let schema = #"""
      {
        "properties": {"web": {"$ref": "#/$defs/component"}, "db": {"$ref": "#/definitions/a~1b"}},
        "$defs": {"component": {"properties": {"port": {"$ref": "#/$defs/port"}}}, "port": {"type": "integer"}},
        "definitions": {"a/b": {"required": ["host"]}}
      }
      """#
    #expect(
      try SchemaCheck.violations(schema, "web: {port: http}\ndb: {}") == [
        "web.port: got string, want integer", #"db: missing property "host""#,
      ])
  }

  @Test func refToTheRootDescribesATree() throws {
    let schema = ##"{"properties": {"name": {"type": "string"}, "children": {"items": {"$ref": "#"}}}}"##
    #expect(
      try SchemaCheck.violations(schema, "name: a\nchildren: [{name: b, children: [{name: 3}]}]") == [
        "children[0].children[0].name: got integer, want string"
      ])
  }

  @Test func oneOfWantsExactlyOne() throws {
    let schema = #"""
      {"properties": {"storage": {"oneOf": [
        {"required": ["size"]},
        {"required": ["existingClaim"]}
      ]}}}
      """#
    #expect(try SchemaCheck.violations(schema, "storage: {size: 1Gi}") == [])
    #expect(
      try SchemaCheck.violations(schema, "storage: {size: 1Gi, existingClaim: data}") == [
        #"storage: matches "oneOf" schemas 0 and 1, want exactly one"#
      ])
    #expect(try SchemaCheck.violations(schema, "storage: {}") == [#"storage: matches none of the "oneOf" schemas"#])
  }

  @Test func anyOfOverTypesNamesThemAll() throws {
    let schema = #"{"properties": {"replicas": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}}"#
    #expect(try SchemaCheck.violations(schema, "replicas: three") == ["replicas: got string, want integer or null"])
  }

  @Test func notIfThenElse() throws {
    let schema = #"""
      {"properties": {"tag": {"not": {"const": "latest"}}},
       "if": {"properties": {"tls": {"const": true}}, "required": ["tls"]},
       "then": {"required": ["certificate"]},
       "else": {"properties": {"certificate": false}}}
      """#
    #expect(
      try SchemaCheck.violations(schema, "tag: latest\ntls: true") == [
        #"missing property "certificate""#, #"tag: matches the "not" schema"#,
      ])
    #expect(try SchemaCheck.violations(schema, "certificate: x") == ["certificate: not allowed here"])
  }

  @Test func arraysTuplesContainsAndUniqueness() throws {
    let schema = #"""
      {"properties": {
        "pair": {"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false},
        "old": {"items": [{"type": "string"}], "additionalItems": {"type": "boolean"}},
        "ports": {"uniqueItems": true, "contains": {"const": 80}, "minItems": 1, "maxItems": 3}
      }}
      """#
    #expect(try SchemaCheck.violations(schema, "pair: [a, 1]\nold: [a, true]\nports: [80, 443]") == [])
    #expect(
      try SchemaCheck.violations(schema, "pair: [a, b, c]\nold: [1, x]\nports: [443, 8080, 443, 1]") == [
        "pair[1]: got string, want integer", "pair[2]: not allowed here", "old[0]: got integer, want string",
        "old[1]: got string, want boolean", "ports: got 4 items, want at most 3", #"ports: no item matches "contains""#,
        "ports[2]: repeats item 0, want unique items",
      ])
  }

  @Test func objectsNamesPatternsAndDependencies() throws {
    let schema = #"""
      {"propertyNames": {"pattern": "^[a-z]"},
       "patternProperties": {"^x-": {"type": "string"}},
       "dependentRequired": {"tls": ["certificate"]},
       "maxProperties": 2}
      """#
    #expect(try SchemaCheck.violations(schema, "x-team: sre") == [])
    #expect(
      try SchemaCheck.violations(schema, "tls: true\nx-owner: 7\nUpper: 1") == [
        "got 3 properties, want at most 2", #"missing property "certificate", which "tls" requires"#,
        "x-owner: got integer, want string", #"property name: "Upper" does not match "^[a-z]""#,
      ])
  }

  @Test func booleanSchemas() throws {
    #expect(try SchemaCheck.violations("true", "anything: [1]") == [])
    #expect(try SchemaCheck.violations("false", "a: 1") == ["not allowed here"])
  }
}

/// Patterns read as ECMA-262 (and Go, which Helm's validator uses) read them.
@Suite struct SchemaPatternTests {
  @Test func dollarAnchorsAtTheVeryEnd() throws {
    #expect(try SchemaCheck.violations(#"{"pattern": "^abc$"}"#, "\"abc\\n\"") == [#""abc\n" does not match "^abc$""#])
  }

  @Test func digitsAndWordCharactersAreASCII() throws {
    #expect(try SchemaCheck.violations(#"{"pattern": "^\\d+$"}"#, "'١٢٣'") == [#""١٢٣" does not match "^\\d+$""#])
    #expect(try SchemaCheck.violations(#"{"pattern": "^\\w+$"}"#, "é") == [#""é" does not match "^\\w+$""#])
  }

  @Test func dotIsOneUnicodeScalar() throws {
    // "é" spelt as e + U+0301 is two scalars: JSON Schema's "." sees two characters.
    #expect(try SchemaCheck.violations(#"{"pattern": "^.$"}"#, "\"e\\u0301\"") == [#""é" does not match "^.$""#])
  }
}

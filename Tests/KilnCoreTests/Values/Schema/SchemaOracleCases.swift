/// Schemas and values for `SchemaOracleTests`: each keyword kiln supports, valid and invalid,
/// with the answer kiln gives. Python's `jsonschema` gives the same answer unless
/// `pythonSays` records a deliberate difference.
struct SchemaOracleCase: Sendable {
  enum Draft: String, Sendable {
    case draft4 = "Draft4Validator"
    case draft7 = "Draft7Validator"
    case draft2020 = "Draft202012Validator"
  }

  var schema: String
  /// The values, as YAML.
  var values: String
  var valid: Bool
  var draft: Draft = .draft2020
  /// Python's answer where kiln differs on purpose (the reason is next to the case).
  var pythonSays: Bool? = nil
}

extension SchemaOracleCase {
  init(_ schema: String, _ values: String, valid: Bool, draft: Draft = .draft2020, pythonSays: Bool? = nil) {
    self.init(schema: schema, values: values, valid: valid, draft: draft, pythonSays: pythonSays)
  }

  static let all: [SchemaOracleCase] =
    types + objects + arrays + equality + numbers + strings + combinators + references

  static let types = [
    Self(##"{"type": "integer"}"##, "3", valid: true),
    Self(##"{"type": "integer"}"##, "'3'", valid: false),
    Self(##"{"type": "integer"}"##, "0x1F", valid: true),
    Self(##"{"type": "number"}"##, "3", valid: true),
    Self(##"{"type": "number"}"##, "2.5", valid: true),
    Self(##"{"type": ["string", "null"]}"##, "null", valid: true),
    Self(##"{"type": ["string", "null"]}"##, "1", valid: false),
    Self(##"{"type": "boolean"}"##, "yes", valid: true),
    Self(##"{"type": "boolean"}"##, "'true'", valid: false),
    Self(##"{"type": "object"}"##, "[1]", valid: false),
    Self(##"{"type": "array"}"##, "[1]", valid: true),
    Self(##"{"type": "string"}"##, "2024-01-01", valid: true),
    // A float is not an integer to kiln, whatever its value (Helm never sees a 2.0: Go's YAML
    // reader makes it 2). JSON Schema since draft 6 counts 2.0 as an integer.
    Self(##"{"type": "integer"}"##, "2.0", valid: false, pythonSays: true),
    Self(##"{"type": "integer"}"##, "2.0", valid: false, draft: .draft4),
    Self("true", "{a: 1}", valid: true),
    Self("false", "1", valid: false),
    // Annotations say nothing about values.
    Self(
      ##"{"title": "t", "description": "d", "default": 5, "examples": [1], "format": "email", "$comment": "c"}"##, "x",
      valid: true),
  ]

  static let objects = [
    Self(##"{"properties": {"a": {"type": "string"}}}"##, "{a: 1}", valid: false),
    Self(##"{"properties": {"a": {"type": "string"}}}"##, "{b: 1}", valid: true),
    Self(##"{"required": ["a", "b"]}"##, "{a: 1}", valid: false),
    Self(##"{"required": ["a", "b"]}"##, "{a: 1, b: 2}", valid: true),
    Self(##"{"required": ["a"]}"##, "[a]", valid: true),
    Self(##"{"properties": {"a": {}}, "additionalProperties": false}"##, "{a: 1, b: 2}", valid: false),
    Self(##"{"additionalProperties": {"type": "integer"}}"##, "{p: 1, q: 2}", valid: true),
    Self(##"{"additionalProperties": {"type": "integer"}}"##, "{x: a}", valid: false),
    Self(
      ##"{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}"##, "{x-a: s}", valid: true),
    Self(
      ##"{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}"##, "{x-a: 1}", valid: false),
    Self(
      ##"{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}"##, "{z: s}", valid: false),
    Self(##"{"propertyNames": {"maxLength": 3}}"##, "{abcd: 1}", valid: false),
    Self(##"{"propertyNames": {"pattern": "^[a-z]+$"}}"##, "{abc: 1}", valid: true),
    Self(##"{"minProperties": 1}"##, "{}", valid: false),
    Self(##"{"maxProperties": 1}"##, "{a: 1, b: 2}", valid: false),
    Self(##"{"dependentRequired": {"a": ["b"]}}"##, "{a: 1}", valid: false),
    Self(##"{"dependentRequired": {"a": ["b"]}}"##, "{b: 1}", valid: true),
    Self(##"{"dependencies": {"a": ["b"]}}"##, "{a: 1}", valid: false, draft: .draft7),
    Self(##"{"dependencies": {"a": {"required": ["c"]}}}"##, "{a: 1, c: 2}", valid: true, draft: .draft7),
    Self(##"{"dependentSchemas": {"a": {"required": ["c"]}}}"##, "{a: 1}", valid: false),
    Self(##"{"properties": {"a": false}}"##, "{a: 1}", valid: false),
    Self(##"{"properties": {"a": false}}"##, "{b: 1}", valid: true),
  ]

  static let arrays = [
    Self(##"{"items": {"type": "integer"}}"##, "[1, 2, x]", valid: false),
    Self(##"{"items": {"type": "integer"}}"##, "{a: x}", valid: true),
    Self(##"{"prefixItems": [{"type": "string"}, {"type": "integer"}]}"##, "[a, 1, extra]", valid: true),
    Self(##"{"prefixItems": [{"type": "string"}, {"type": "integer"}]}"##, "[a, b]", valid: false),
    Self(##"{"prefixItems": [{"type": "string"}], "items": false}"##, "[a, b]", valid: false),
    Self(##"{"items": [{"type": "string"}], "additionalItems": false}"##, "[a, b]", valid: false, draft: .draft7),
    Self(##"{"items": [{"type": "string"}], "additionalItems": false}"##, "[a]", valid: true, draft: .draft7),
    Self(
      ##"{"items": [{"type": "string"}], "additionalItems": {"type": "integer"}}"##, "[a, 1, 2]", valid: true,
      draft: .draft4),
    Self(##"{"items": {"type": "string"}, "additionalItems": false}"##, "[a, b]", valid: true, draft: .draft7),
    Self(##"{"contains": {"type": "integer"}}"##, "[a, 1]", valid: true),
    Self(##"{"contains": {"type": "integer"}}"##, "[a, b]", valid: false),
    Self(##"{"contains": {"type": "integer"}}"##, "[]", valid: false),
    Self(##"{"contains": {"const": 1}, "minContains": 2}"##, "[1, 1, 2]", valid: true),
    Self(##"{"contains": {"const": 1}, "maxContains": 1}"##, "[1, 1]", valid: false),
    Self(##"{"minItems": 2}"##, "[1]", valid: false),
    Self(##"{"maxItems": 1}"##, "[1, 2]", valid: false),
    Self(##"{"uniqueItems": true}"##, "[1, 1.0]", valid: false),
    Self(##"{"uniqueItems": true}"##, "[1, true]", valid: true),
    Self(##"{"uniqueItems": true}"##, "[{a: 1}, {a: 1}]", valid: false),
    Self(##"{"uniqueItems": true}"##, "[[1], [2]]", valid: true),
    Self(##"{"uniqueItems": false}"##, "[1, 1]", valid: true),
  ]

  static let equality = [
    Self(##"{"enum": ["a", 1, null]}"##, "null", valid: true),
    Self(##"{"enum": ["a", 1, null]}"##, "b", valid: false),
    Self(##"{"enum": ["a", 1, null]}"##, "1.0", valid: true),
    Self(##"{"enum": ["a", 1, null]}"##, "'1'", valid: false),
    Self(##"{"enum": [true]}"##, "1", valid: false),
    Self(##"{"const": {"a": [1, 2]}}"##, "{a: [1, 2]}", valid: true),
    Self(##"{"const": {"a": [1, 2]}}"##, "{a: [2, 1]}", valid: false),
    Self(##"{"const": false}"##, "0", valid: false),
    Self(##"{"const": 12345678901234567890}"##, "12345678901234567890", valid: true),
  ]

  static let numbers = [
    Self(##"{"minimum": 5}"##, "5", valid: true),
    Self(##"{"minimum": 5}"##, "4.99", valid: false),
    Self(##"{"minimum": 5}"##, "'1'", valid: true),
    Self(##"{"maximum": 5}"##, "5.0", valid: true),
    Self(##"{"maximum": 5}"##, "6", valid: false),
    Self(##"{"maximum": 9223372036854775807}"##, "9223372036854775808", valid: false),
    Self(##"{"exclusiveMinimum": 5}"##, "5", valid: false),
    Self(##"{"exclusiveMinimum": 5}"##, "5.01", valid: true),
    Self(##"{"exclusiveMaximum": 5}"##, "5", valid: false),
    Self(##"{"minimum": 5, "exclusiveMinimum": true}"##, "5", valid: false, draft: .draft4),
    Self(##"{"minimum": 5, "exclusiveMinimum": true}"##, "6", valid: true, draft: .draft4),
    Self(##"{"maximum": 5, "exclusiveMaximum": true}"##, "5", valid: false, draft: .draft4),
    Self(##"{"maximum": 5, "exclusiveMaximum": false}"##, "5", valid: true, draft: .draft4),
    Self(##"{"multipleOf": 3}"##, "9", valid: true),
    Self(##"{"multipleOf": 3}"##, "10", valid: false),
    Self(##"{"multipleOf": 0.5}"##, "2.5", valid: true),
    Self(##"{"multipleOf": 2.5}"##, "7.5", valid: true),
    Self(##"{"multipleOf": 2.5}"##, "7", valid: false),
    // kiln divides decimals exactly, as Helm's validator (Go's big.Rat) does; python divides
    // floats, and 0.3 / 0.1 is 2.9999999999999996.
    Self(##"{"multipleOf": 0.1}"##, "0.3", valid: true, pythonSays: false),
  ]

  static let strings = [
    Self(##"{"minLength": 2}"##, "é", valid: false),
    Self(##"{"maxLength": 2}"##, "éé", valid: true),
    Self(##"{"maxLength": 2}"##, "abc", valid: false),
    Self(##"{"maxLength": 2}"##, "12345", valid: true),
    Self(##"{"pattern": "^[a-z]+$"}"##, "abc", valid: true),
    Self(##"{"pattern": "^[a-z]+$"}"##, "abC", valid: false),
    Self(##"{"pattern": "b"}"##, "abc", valid: true),
    Self(##"{"pattern": "^\\d+$"}"##, "'123'", valid: true),
    Self(##"{"pattern": "^(v[0-9]+)(\\.[0-9]+){2}$"}"##, "v1.2", valid: false),
    Self(##"{"pattern": "^a"}"##, "1", valid: true),
    // Patterns are ECMA-262 (Helm's validator reads them with Go's regexp, which agrees on
    // these); python's `re` lets `$` match before a final newline and `\d` match any digit.
    Self(##"{"pattern": "^abc$"}"##, #""abc\n""#, valid: false, pythonSays: true),
    Self(##"{"pattern": "^\\d+$"}"##, "'١٢٣'", valid: false, pythonSays: true),
  ]

  static let combinators = [
    Self(##"{"allOf": [{"type": "integer"}, {"minimum": 3}]}"##, "2", valid: false),
    Self(##"{"allOf": [{"type": "integer"}, {"minimum": 3}]}"##, "3", valid: true),
    Self(##"{"anyOf": [{"type": "string"}, {"minimum": 3}]}"##, "2", valid: false),
    Self(##"{"anyOf": [{"type": "string"}, {"minimum": 3}]}"##, "a", valid: true),
    Self(##"{"oneOf": [{"type": "integer"}, {"minimum": 3}]}"##, "5", valid: false),
    Self(##"{"oneOf": [{"type": "integer"}, {"minimum": 3}]}"##, "2", valid: true),
    Self(##"{"oneOf": [{"type": "integer"}, {"minimum": 3}]}"##, "3.5", valid: true),
    Self(##"{"oneOf": [{"type": "integer"}, {"minimum": 3}]}"##, "1.5", valid: false),
    Self(##"{"not": {"type": "string"}}"##, "a", valid: false),
    Self(##"{"not": {"type": "string"}}"##, "1", valid: true),
    Self(##"{"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}}"##, "20", valid: true),
    Self(##"{"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}}"##, "15", valid: false),
    Self(##"{"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}}"##, "3", valid: true),
    Self(##"{"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}}"##, "7", valid: false),
    Self(##"{"then": {"type": "string"}}"##, "1", valid: true),
  ]

  static let references = [
    Self(
      ##"{"$defs": {"p": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/p"}}}"##, "{a: x}", valid: false),
    Self(
      ##"{"$defs": {"p": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/p"}}}"##, "{a: 1}", valid: true),
    Self(
      ##"{"definitions": {"a/b~c": {"type": "string"}}, "items": {"$ref": "#/definitions/a~1b~0c"}}"##, "[1]",
      valid: false, draft: .draft7),
    Self(##"{"properties": {"c": {"$ref": "#"}}, "required": ["k"]}"##, "{k: 1, c: {c: {}}}", valid: false),
    Self(##"{"properties": {"c": {"$ref": "#"}}, "required": ["k"]}"##, "{k: 1, c: {k: 2}}", valid: true),
    Self(##"{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 2}"##, "abc", valid: false),
    Self(##"{"$defs": {"a b": {"type": "string"}}, "$ref": "#/$defs/a%20b"}"##, "1", valid: false),
    Self(##"{"allOf": [{"type": "object"}, {"$ref": "#/allOf/0"}], "required": ["x"]}"##, "{x: 1}", valid: true),
  ]
}

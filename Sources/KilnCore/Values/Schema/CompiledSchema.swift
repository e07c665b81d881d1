import KilnYAML

/// `environments/schema.json` read and checked, ready to check values: every subschema once,
/// in a flat table, with each `$ref` turned into the index of its target (so recursive
/// schemas are plain cycles in the table, and nothing is looked up while checking).
struct CompiledSchema: Sendable {
  /// The file as diagnostics show it.
  var file: String
  var subschemas: [Subschema]

  static let root: Subschema.ID = 0

  subscript(id: Subschema.ID) -> Subschema { subschemas[id] }
}

/// A keyword's value with where schema.json wrote the keyword, so that a violation can point
/// at the rule it broke.
struct Keyword<Value: Sendable>: Sendable {
  var name: String
  var value: Value
  var location: SourceLocation
}

/// One schema object (or `true`/`false`), its keywords read into their types. Draft-specific
/// spellings arrive here already translated: array-form `items` is `prefixItems` with
/// `additionalItems` as `items`, a draft-4 boolean `exclusiveMinimum` marks `minimum`, the
/// array form of `dependencies` is `dependentRequired` and its schema form `dependentSchemas`.
struct Subschema: Sendable {
  typealias ID = Int

  struct Bound: Sendable {
    var limit: SchemaNumber
    var exclusive: Bool
  }

  var location: SourceLocation
  /// `true` (anything goes) or `false` (nothing does); nil for a schema object.
  var constant: Bool?

  var ref: Keyword<ID>?
  var types: Keyword<[JSONType]>?
  var enumValues: Keyword<[Node]>?
  var constValue: Keyword<Node>?

  // Numbers
  var minimum: [Keyword<Bound>] = []
  var maximum: [Keyword<Bound>] = []
  var multipleOf: Keyword<SchemaNumber>?

  // Strings
  var minLength: Keyword<Int>?
  var maxLength: Keyword<Int>?
  var pattern: Keyword<SchemaPattern>?

  // Arrays
  var prefixItems: Keyword<[ID]>?
  /// Every item past `prefixItems`.
  var items: Keyword<ID>?
  var contains: Keyword<ID>?
  var minContains: Keyword<Int>?
  var maxContains: Keyword<Int>?
  var minItems: Keyword<Int>?
  var maxItems: Keyword<Int>?
  var uniqueItems: Keyword<Bool>?

  // Objects
  var properties: Keyword<[String: ID]>?
  var patternProperties: Keyword<[(pattern: SchemaPattern, schema: ID)]>?
  var additionalProperties: Keyword<ID>?
  var propertyNames: Keyword<ID>?
  var required: Keyword<[String]>?
  var minProperties: Keyword<Int>?
  var maxProperties: Keyword<Int>?
  var dependentRequired: Keyword<[(property: String, requires: [String])]>?
  var dependentSchemas: Keyword<[(property: String, schema: ID)]>?

  // Combinators
  var allOf: Keyword<[ID]>?
  var anyOf: Keyword<[ID]>?
  var oneOf: Keyword<[ID]>?
  var not: Keyword<ID>?
  var ifSchema: Keyword<ID>?
  var thenSchema: Keyword<ID>?
  var elseSchema: Keyword<ID>?

  init(location: SourceLocation, constant: Bool? = nil) {
    self.location = location
    self.constant = constant
  }

  /// The subschemas that apply to the same value as this one (not to its items or
  /// properties): a cycle through them would never end, whatever the values.
  var inPlace: [ID] {
    var ids: [ID] = []
    if let ref { ids.append(ref.value) }
    for group in [allOf, anyOf, oneOf] { ids += group?.value ?? [] }
    for single in [not, ifSchema, thenSchema, elseSchema] { ids += single.map { [$0.value] } ?? [] }
    ids += dependentSchemas?.value.map(\.schema) ?? []
    return ids
  }
}

import KilnYAML

/// Reads `environments/schema.json` into a `CompiledSchema`, checking every keyword it knows:
/// a keyword of the wrong type, a regular expression that does not compile or a `$ref` that
/// leads nowhere is an error at its own line and column, all of them reported in one run.
///
/// Every draft from 4 to 2020-12 is read the same way (`$schema` is not consulted): the
/// draft-specific spellings mean what their own draft says, and `$ref` takes its siblings
/// along, as in 2019-09 and later.
struct SchemaCompiler {
  let document: Node
  let file: String
  var subschemas: [Subschema] = []
  /// Subschemas by JSON pointer, so a `$ref` and the walk through the file share them.
  var ids: [[String]: Subschema.ID] = [:]
  /// Where each `$ref` was written, by the subschema that holds it (for cycle reports).
  var refLocations: [Subschema.ID: SourceLocation] = [:]
  var problems = DiagnosticCollector()

  /// Keywords that check values but that kiln does not implement: accepting them silently
  /// would let through values the schema's author meant to refuse.
  static let unsupported: Set<String> = ["unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef"]

  static func compile(_ document: Node, file: String) throws -> CompiledSchema {
    var compiler = SchemaCompiler(document: document, file: file)
    _ = compiler.subschema(document, at: [])
    compiler.reportCycles()
    try compiler.problems.throwIfErrors()
    return CompiledSchema(file: file, subschemas: compiler.subschemas)
  }

  /// The subschema at `pointer`, read once: a second request (a `$ref` to it, or the walk
  /// reaching a subschema a `$ref` already read) gets the same one.
  mutating func subschema(_ node: Node, at pointer: [String]) -> Subschema.ID {
    if let id = ids[pointer] { return id }
    let id = subschemas.count
    ids[pointer] = id
    // Reserved before reading, so a `$ref` back to it (a recursive schema) finds it.
    subschemas.append(Subschema(location: node.location, constant: true))
    subschemas[id] = read(node, id: id, at: pointer)
    return id
  }

  private mutating func read(_ node: Node, id: Subschema.ID, at pointer: [String]) -> Subschema {
    if let scalar = node.scalar, scalar.tag == .bool {
      return Subschema(location: node.location, constant: ScalarValue.bool(scalar.text))
    }
    guard let entries = node.entries else {
      problems.add(.error("a schema is an object or a boolean, not \(Self.kind(node))", at: node.location))
      return Subschema(location: node.location, constant: true)
    }
    var schema = Subschema(location: node.location)
    for entry in entries {
      read(entry, of: node, into: &schema, id: id, at: pointer + [entry.key])
    }
    return schema
  }

  /// One keyword of the schema object `owner`; `pointer` is the keyword's own.
  private mutating func read(
    _ entry: MapEntry, of owner: Node, into schema: inout Subschema, id: Subschema.ID, at pointer: [String]
  ) {
    let name = entry.key
    switch name {
    case "$ref":
      schema.ref = reference(entry)
      if schema.ref != nil { refLocations[id] = entry.keyLocation }
    case "$defs", "definitions": _ = schemaMap(entry, at: pointer)
    case "type": schema.types = types(entry)
    case "enum": schema.enumValues = array(entry)
    case "const": schema.constValue = keyword(entry, entry.value)
    case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
      guard let bound = bound(entry, of: owner) else { return }
      if name == "minimum" || name == "exclusiveMinimum" {
        schema.minimum.append(bound)
      } else {
        schema.maximum.append(bound)
      }
    case "multipleOf":
      guard let number = number(entry) else { return }
      if number.value.compare(SchemaNumber(0)) <= 0 {
        problems.add(.error("\"multipleOf\" must be greater than 0", at: entry.value.location))
        return
      }
      schema.multipleOf = number
    case "minLength": schema.minLength = count(entry)
    case "maxLength": schema.maxLength = count(entry)
    case "pattern": schema.pattern = pattern(entry)
    case "items": readItems(entry, into: &schema, at: pointer)
    case "prefixItems":
      if owner["items"]?.isSequence == true {
        problems.add(
          .error("\"prefixItems\" and an array of \"items\" say the same thing; keep one", at: entry.keyLocation))
      }
      schema.prefixItems = schemas(entry, at: pointer)
    case "additionalItems":
      // Only items past an array of `items` (draft 4 to 7); beside a single `items`, nothing.
      let limited = owner["items"]?.isSequence == true
      if let rest = self.schema(entry, at: pointer), limited { schema.items = rest }
    case "contains": schema.contains = self.schema(entry, at: pointer)
    case "minContains": schema.minContains = count(entry)
    case "maxContains": schema.maxContains = count(entry)
    case "minItems": schema.minItems = count(entry)
    case "maxItems": schema.maxItems = count(entry)
    case "uniqueItems": schema.uniqueItems = boolean(entry)
    case "properties":
      schema.properties = schemaMap(entry, at: pointer).map { properties in
        keyword(entry, Dictionary(properties.value, uniquingKeysWith: { first, _ in first }))
      }
    case "patternProperties": schema.patternProperties = patternProperties(entry, at: pointer)
    case "additionalProperties": schema.additionalProperties = self.schema(entry, at: pointer)
    case "propertyNames": schema.propertyNames = self.schema(entry, at: pointer)
    case "required": schema.required = strings(entry)
    case "minProperties": schema.minProperties = count(entry)
    case "maxProperties": schema.maxProperties = count(entry)
    case "dependentRequired", "dependentSchemas", "dependencies": readDependencies(entry, into: &schema, at: pointer)
    case "allOf": schema.allOf = schemas(entry, at: pointer)
    case "anyOf": schema.anyOf = schemas(entry, at: pointer)
    case "oneOf": schema.oneOf = schemas(entry, at: pointer)
    case "not": schema.not = self.schema(entry, at: pointer)
    case "if": schema.ifSchema = self.schema(entry, at: pointer)
    case "then": schema.thenSchema = self.schema(entry, at: pointer)
    case "else": schema.elseSchema = self.schema(entry, at: pointer)
    default:
      if Self.unsupported.contains(name) {
        problems.add(
          .error(
            "kiln does not support \"\(name)\" in \(file); values it would refuse would pass unseen",
            at: entry.keyLocation))
      }
    // Annotations (`title`, `description`, `default`, `format`, `$schema`, `$id`, …) and
    // unknown keywords say nothing about values.
    }
  }

  /// `items`: one schema for every item, or (draft 4 to 7) an array of schemas, one per position.
  private mutating func readItems(_ entry: MapEntry, into schema: inout Subschema, at pointer: [String]) {
    guard entry.value.isSequence else {
      schema.items = self.schema(entry, at: pointer)
      return
    }
    schema.prefixItems = schemas(entry, at: pointer, allowEmpty: true)
  }

  /// `minimum`, `maximum`, and their exclusive forms: since draft 6 a number, a bound of its
  /// own; in draft 4 a boolean that makes `minimum`/`maximum` exclusive (read with them).
  private mutating func bound(_ entry: MapEntry, of owner: Node) -> Keyword<Subschema.Bound>? {
    let exclusiveForm = entry.key.hasPrefix("exclusive")
    if exclusiveForm, entry.value.scalar?.tag == .bool { return nil }
    guard let number = number(entry) else { return nil }
    var exclusive = exclusiveForm
    let flagName = entry.key == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"
    if !exclusiveForm, let flag = owner[flagName]?.scalar {
      exclusive = flag.tag == .bool && ScalarValue.bool(flag.text)
    }
    return keyword(entry, Subschema.Bound(limit: number.value, exclusive: exclusive))
  }

  /// `dependentRequired`, `dependentSchemas`, and draft 4 to 7's `dependencies`, which holds
  /// both kinds: an array of property names, or a schema.
  private mutating func readDependencies(_ entry: MapEntry, into schema: inout Subschema, at pointer: [String]) {
    guard let entries = objectEntries(entry) else { return }
    var required = schema.dependentRequired?.value ?? []
    var schemas = schema.dependentSchemas?.value ?? []
    for dependency in entries {
      if entry.key != "dependentSchemas", dependency.value.isSequence {
        let names = strings(MapEntry(key: entry.key, keyLocation: dependency.keyLocation, value: dependency.value))
        required.append((dependency.key, names?.value ?? []))
      } else if entry.key != "dependentRequired" {
        schemas.append((dependency.key, subschema(dependency.value, at: pointer + [dependency.key])))
      } else {
        problems.add(
          .error(
            "\"dependentRequired\" holds arrays of property names, not \(Self.kind(dependency.value))",
            at: dependency.value.location))
      }
    }
    if !required.isEmpty { schema.dependentRequired = keyword(entry, required) }
    if !schemas.isEmpty { schema.dependentSchemas = keyword(entry, schemas) }
  }
}

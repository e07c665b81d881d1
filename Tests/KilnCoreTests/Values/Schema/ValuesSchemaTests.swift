import Testing

/// `environments/schema.json` checks an environment's merged values in `kiln values` and
/// `kiln build`; each error points at the file, line and column that set the value.
@Suite struct ValuesSchemaTests {
  static let schema = """
    {
      "type": "object",
      "properties": {
        "api": {
          "type": "object",
          "required": ["image"],
          "properties": {
            "enabled": {"type": "boolean"},
            "replicas": {"type": "integer", "minimum": 1},
            "image": {"$ref": "#/$defs/image"}
          },
          "additionalProperties": false
        }
      },
      "$defs": {
        "image": {"type": "object", "properties": {"tag": {"type": "string", "pattern": "^v[0-9]+"}}}
      }
    }
    """

  @Test func aWrongTypeIsReportedWhereProdSetIt() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/defaults.yaml": "api:\n  replicas: 1\n",
      "environments/prod.yaml": """
      api:
        enabled: true
        image: {tag: v1.0.0}
        replicas: "three"
      """,
    ]
    #expect(
      SchemaCheck.values(files) == """
        environments/prod.yaml:4:13: error: api.replicas: got string, want integer (environments/schema.json)
        """)
  }

  @Test func aWrongTypeIsReportedWhereDefaultsSetIt() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/defaults.yaml": "api:\n  replicas: three\n",
      "environments/prod.yaml": "api:\n  enabled: true\n  image: {tag: v1.0.0}\n",
    ]
    #expect(
      SchemaCheck.values(files) == """
        environments/defaults.yaml:2:13: error: api.replicas: got string, want integer (environments/schema.json)
        """)
  }

  @Test func aWrongTypeFromSetIsReportedAtTheArgument() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/prod.yaml": "api:\n  enabled: true\n  image: {tag: v1.0.0}\n  replicas: 2\n",
    ]
    #expect(
      SchemaCheck.values(files, sets: ["api.enabled=true", "api.replicas=three"]) == """
        --set:2:14: error: api.replicas: got string, want integer (environments/schema.json)
        """)
  }

  @Test func aMissingPropertyIsReportedAtTheMappingThatLacksIt() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/prod.yaml": "namespace: shop\napi:\n  enabled: true\n",
    ]
    #expect(
      SchemaCheck.detailed(files) == """
        environments/prod.yaml:3:3: error: api: missing property "image" (environments/schema.json)
        note: "required" at environments/schema.json:6:7
        """)
  }

  @Test func aTypoUnderAdditionalPropertiesFalseGetsASuggestion() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/prod.yaml": "api:\n  enabled: true\n  image: {tag: v1.0.0}\n  replcias: 2\n",
    ]
    #expect(
      SchemaCheck.detailed(files) == """
        environments/prod.yaml:4:3: error: api: unknown property "replcias" (environments/schema.json)
        note: "additionalProperties" at environments/schema.json:12:7
        hint: did you mean "replicas"?
        """)
  }

  @Test func everyViolationIsReportedInTheValuesOrder() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/defaults.yaml": "api:\n  image: {tag: latest}\n",
      "environments/prod.yaml": "api:\n  replicas: 0\n  enabled: yes please\n  extra: 1\n",
    ]
    #expect(
      SchemaCheck.values(files) == """
        environments/defaults.yaml:2:16: error: api.image.tag: "latest" does not match "^v[0-9]+" (environments/schema.json)
        environments/prod.yaml:2:13: error: api.replicas: got 0, want at least 1 (environments/schema.json)
        environments/prod.yaml:3:12: error: api.enabled: got string, want boolean (environments/schema.json)
        environments/prod.yaml:4:3: error: api: unknown property "extra" (environments/schema.json)
        """)
  }

  @Test func buildChecksTheSchemaToo() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/prod.yaml": "api:\n  enabled: true\n  image: {tag: 1.0}\n",
    ]
    #expect(
      SchemaCheck.build(files) == """
        environments/prod.yaml:3:16: error: api.image.tag: got number, want string (environments/schema.json)
        """)
  }

  @Test func valuesThatFitPass() {
    let files = [
      "environments/schema.json": Self.schema,
      "environments/prod.yaml": "api:\n  enabled: true\n  replicas: 3\n  image: {tag: v1.2.3}\n",
    ]
    #expect(SchemaCheck.values(files) == "")
    #expect(SchemaCheck.build(files) == "")
  }

  @Test func withoutASchemaNothingIsChecked() {
    let files = ["environments/prod.yaml": "api:\n  enabled: true\n  replicas: 3\n"]
    #expect(SchemaCheck.values(files) == "")
  }

  @Test func aBrokenSchemaIsReportedInTheSchemaFile() {
    let files = [
      "environments/schema.json":
        "{\n  \"type\": \"object\",\n  \"properties\": {\"api\": {\"type\": \"interger\"}}\n}\n",
      "environments/prod.yaml": "api:\n  enabled: true\n",
    ]
    #expect(
      SchemaCheck.detailed(files) == """
        environments/schema.json:3:34: error: unknown type "interger"
        note: types: null, boolean, object, array, number, integer, string
        hint: did you mean "integer"?
        """)
  }

  @Test func aSchemaThatIsNotJSONIsReportedWhereItBreaks() {
    let files = [
      "environments/schema.json": "{\n  \"type\": \"object\",\n}\n",
      "environments/prod.yaml": "api:\n  enabled: true\n",
    ]
    #expect(
      SchemaCheck.values(files) == """
        environments/schema.json:3:1: error: invalid character '}' looking for beginning of object key string
        """)
  }

  @Test func aRemoteRefIsRefused() {
    let files = [
      "environments/schema.json": """
      {
        "properties": {
          "api": {"$ref": "https://example.com/api.schema.json"}
        }
      }
      """,
      "environments/prod.yaml": "api:\n  enabled: true\n",
    ]
    #expect(
      SchemaCheck.values(files) == """
        environments/schema.json:3:21: error: $ref "https://example.com/api.schema.json" is not in \
        environments/schema.json: kiln never fetches schemas; inline it under $defs
        """)
  }
}

import KilnYAML

/// `key: <emitted value>` for one string, the way tests read it.
func emitted(_ value: String, lineWidth: Int? = nil) -> String {
  let node = Node.mapping(["key": .string(value)])
  return YAMLEmitter.renderString([node], options: .init(lineWidth: lineWidth))
}

func emittedKey(_ key: String) -> String {
  YAMLEmitter.renderString([Node.mapping([MapEntry(key: key, value: .string("v"))])])
}

func parse(_ text: String) throws(YAMLError) -> Node {
  try YAMLParser.parseStream(text).first ?? .null()
}

func render(_ yaml: String, lineWidth: Int? = nil) throws -> String {
  YAMLEmitter.renderString(
    try YAMLParser.parseDocuments(Array(yaml.utf8), file: "t.yaml"), options: .init(lineWidth: lineWidth))
}

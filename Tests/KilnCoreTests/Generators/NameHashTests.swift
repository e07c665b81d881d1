import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// The content hash of generated names, bit for bit as Kustomize v5.5 computes it. Every
/// expected suffix below was printed by `kubectl kustomize`.
@Suite struct NameHashTests {
  func node(_ yaml: String) throws -> Node {
    try #require(try YAMLParser.parseDocuments(Array(yaml.utf8), file: "object.yaml").first)
  }

  func json(_ yaml: String) throws -> String {
    String(decoding: NameHash.document(for: try node(yaml)), as: UTF8.self)
  }

  @Test func aConfigMapHashesItsDataKindAndAnEmptyName() throws {
    let object = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
      data:
        a: b
      """
    #expect(try json(object) == #"{"data":{"a":"b"},"kind":"ConfigMap","name":""}"#)
    #expect(
      NameHash.hexDigest(of: Array(#"{"data":{"a":"b"},"kind":"ConfigMap","name":""}"#.utf8)).hasPrefix("412abebbe6"))
    #expect(NameHash.of(try node(object)) == "4h2mbtbbt6")
  }

  @Test func theFirstTenHexDigitsWithZeroOneThreeAAndEReplaced() {
    #expect(NameHash.encode(sha256Hex: "412abebbe6ffff") == "4h2mbtbbt6")
    #expect(NameHash.encode(sha256Hex: "0123456789abcdef") == "gh2k456789")
  }

  @Test(arguments: [
    // research §13 item 10: the base's cfg, and the overlay's merged cfg
    (#"{"data":{"a":"1","b":"2"},"kind":"ConfigMap","name":""}"#, "7gdc49gk6d"),
    (#"{"data":{"a":"1","b":"20","c":"3"},"kind":"ConfigMap","name":""}"#, "5ccmfdht2m"),
    // the overlay's replaced Secret `long`: z=1
    (#"{"data":{"z":"MQ=="},"kind":"Secret","name":"","type":"Opaque"}"#, "bh8k696m2k"),
    // a generator without sources: no data at all, and a Secret's empty data
    (#"{"data":"","kind":"ConfigMap","name":""}"#, "6ct58987ht"),
    (#"{"data":{},"kind":"Secret","name":"","type":"Opaque"}"#, "46f8b28mk5"),
  ])
  func knownDocumentsHashAsKubectlPrinted(_ document: String, _ hash: String) {
    #expect(NameHash.encode(sha256Hex: NameHash.hexDigest(of: Array(document.utf8))) == hash)
  }

  @Test func theNameNeverCountsSoEqualDataGivesEqualHashes() throws {
    let a = try node("kind: ConfigMap\nmetadata:\n  name: one\ndata:\n  a: \"1\"\n  b: \"2\"\n")
    let b = try node("kind: ConfigMap\nmetadata:\n  name: two\ndata:\n  b: \"2\"\n  a: \"1\"\n")
    #expect(NameHash.of(a) == "7gdc49gk6d")
    #expect(NameHash.of(b) == "7gdc49gk6d")
  }

  @Test func labelsAnnotationsAndImmutableAreNotHashed() throws {
    let object = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
        labels: {app: web}
        annotations: {note: x}
      immutable: true
      data:
        a: "1"
        b: "2"
      """
    #expect(NameHash.of(try node(object)) == "7gdc49gk6d")
  }

  @Test func binaryDataIsHashedOnlyWhenItIsAMapping() throws {
    #expect(
      try json("kind: ConfigMap\nbinaryData:\n  bin: AAH/\n")
        == #"{"binaryData":{"bin":"AAH/"},"data":"","kind":"ConfigMap","name":""}"#)
    #expect(
      try json("kind: ConfigMap\nbinaryData: x\ndata:\n  a: b\n") == #"{"data":{"a":"b"},"kind":"ConfigMap","name":""}"#
    )
  }

  @Test func aSecretHashesItsTypeAndStringData() throws {
    #expect(
      try json("kind: Secret\ntype: kubernetes.io/tls\ndata:\n  k: eA==\n")
        == #"{"data":{"k":"eA=="},"kind":"Secret","name":"","type":"kubernetes.io/tls"}"#)
    #expect(
      try json("kind: Secret\nstringData:\n  k: x\n")
        == #"{"data":"","kind":"Secret","name":"","stringData":{"k":"x"},"type":""}"#)
  }

  /// research §8.2: literal `a<BS>b<U+2028>c<FF>dé<` under the key k → `esc-k7cd75th8m`.
  @Test func goEscapesInTheHashedJSON() throws {
    let object = Node.mapping([
      "kind": .string("ConfigMap"),
      "data": .mapping(["k": .string("a\u{8}b\u{2028}c\u{C}dé<")]),
    ])
    #expect(
      String(decoding: NameHash.document(for: object), as: UTF8.self)
        == #"{"data":{"k":"a\bb\u2028c\fdé\u003c"},"kind":"ConfigMap","name":""}"#)
    #expect(NameHash.of(object) == "k7cd75th8m")
  }

  /// A patch can leave numbers, booleans, timestamps and collections in a generated
  /// ConfigMap. The hasher reads them through JSON into Go's interface{}: integers become
  /// float64 (12345678901234567890 → 12345678901234567000), timestamps RFC 3339 strings.
  /// kubectl kustomize named this object num-fbfgt88kkc.
  @Test func patchedValuesThatAreNotStringsHashAsGoReadsThemBack() throws {
    let object = try node(
      """
      kind: ConfigMap
      data:
        a: "1"
        big: 12345678901234567890
        d: 2024-01-01
        e: 1e21
        f: 1.50
        h: 0x1F
        l: [1, "x"]
        m: {k: v}
        s: "<&>"
        t: true
      """)
    #expect(
      String(decoding: NameHash.document(for: object), as: UTF8.self).contains(
        #""big":12345678901234567000,"d":"2024-01-01T00:00:00Z","e":1e+21"#))
    #expect(NameHash.of(object) == "fbfgt88kkc")
  }
}

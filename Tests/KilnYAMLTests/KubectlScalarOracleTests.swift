import KilnTestSupport
import Testing

@testable import KilnYAML

/// Strings emitted by kiln must come out exactly as `kubectl kustomize` writes them: same
/// quoting, escapes, literal blocks and folding at column 80. The inputs are written as JSON,
/// so both sides see the very same strings; kiln's side never goes through a parser.
@Suite struct KubectlScalarOracleTests {
  /// Hand-picked strings: every row of the research tables and their neighbours.
  static let pinned: [String] = [
    "1.0", "true", "0123", "yes", "on", "null", "", "*", "a: b", "a:b", "a #b", "a#b", "~", "y", "Y",
    "-", "- x", "&a", "!x", "%x", "@x", "`x", "{x}", "[x]", "a\tb", "2024-01-01", "0x1F", "1_000",
    ".5", "?x", "<<", "=", "it's", "say \"hi\"", "$HOME", "${VAR}", "\\", "0.1.2", "v1.0", "yEs",
    "tRUE", "nULL", "nan", "infinity", "1e", "e1", "Null", "NULL", "True", "FALSE", "No", "OFF",
    "n", "N", "off", "+1", "-0", "20240101", "0b101", "1.", "1e3", "1e-3", ".inf", "-.inf", ".NaN",
    "2024-1-1", "2024-01-01 10:00:00", "12:30", "1:2:3", "22:80", " x", "x ", "  ", "'", "?", ":",
    "-x", "--", "x:", "key: ", "::", "---", "...", "---x", "...x", "a\u{0001}b", "😀", "héllo", "été",
    "\u{00A0}", "a\u{2028}b", "a\r\nb\r\n", "\u{FEFF}x", "\nabc\n", "  indented\nnext\n",
    "a\n\n", "\n", "a \nb\n", "a\nb ", "a\tb\nc\n", "a\nb", "a\nb\n", " a\nb", "x\n y\n",
    "1e999", "08", "09.5", "0o17", "0x", "+.5", "-.5e3", "1__0", "_1", "2024-02-30", "2024-02-29",
    "2023-02-29", "2024-13-01", "2024-01-01T10:00:00Z", "2024-01-01t10:00:00Z",
    "2024-01-01T10:00:00+01:00", "2024-01-01T10:00:00.5Z", "2024-01-01T25:00:00Z",
    "2024-01-01 10:00:00Z", "2001-12-14t21:59:43.10-05:00", "1:60", "1:06.5", "+12:30", "-1:2",
    "12345678901234567890", "123456789012345678901234567890", "0xFFFFFFFFFFFFFFFFFF",
    String(repeating: "x", count: 200),
    (0..<30).map { "word\($0 < 10 ? "0" : "")\($0)" }.joined(separator: " "),
    "\"" + (0..<20).map { "quoted\($0)" }.joined(separator: " ") + "\"",
    (0..<12).map { "it's \($0)" }.joined(separator: " ") + " a: b",
    (0..<14).map { "tab\t\($0)" }.joined(separator: "  "),
    "short",
  ]

  /// Strings built from risky pieces, with a fixed seed.
  static func generated(count: Int, seed: UInt64) -> [String] {
    let atoms = [
      "a", "b", "z", "x y", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\t",
      "\n", "\n\n", "\r", "0", "1", "12", "0x1", ".", "e3", "yes", "no", "on", "null", "~", "true",
      "é", "😀", "\u{2028}", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`",
      "2024-01-01", "10:00", "word", "longer words here", "_", "+", "=",
    ]
    var random = SeededRandom(seed: seed)
    return (0..<count).map { _ in
      let pieces = Int.random(in: 1...6, using: &random)
      return (0..<pieces).map { _ in atoms.randomElement(using: &random)! }.joined()
    }
  }

  // NEL (U+0085) is left out: kubectl itself mangles it (its JSON step writes it raw and
  // goyaml.v2 then reads it as a line break, folding it to a space in values and failing
  // outright in keys), so it tests kubectl's reader, not an emitter.

  @Test func stringValuesMatchKubectl() throws {
    let strings = Self.pinned + Self.generated(count: 1500, seed: 42)
    try compareConfigMap(values: strings)
  }

  @Test func stringKeysMatchKubectl() throws {
    // Keys exercise both quoting and goyaml.v2's key order.
    // Left out: keys kubectl itself orders differently from run to run (goyaml.v2's comparison
    // is not transitive for a digit run followed by a letter, or for runs too long for int64).
    var seen = Set<String>()
    let keys = (Self.pinned + Self.generated(count: 600, seed: 7)).filter {
      seen.insert($0).inserted && Self.kubectlOrdersConsistently($0)
    }
    let json =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"keys\"},\"data\":{"
      + keys.map { "\(JSONText.quote($0)):\"v\"" }.joined(separator: ",") + "}}"
    let expected = try kubectl(json)
    #expect(try kubectl(json) == expected, "kubectl's own key order is unstable for this key set")
    let node = Node.mapping([
      "apiVersion": .string("v1"), "kind": .string("ConfigMap"),
      "metadata": .mapping(["name": .string("keys")]),
      "data": .mapping(keys.map { MapEntry(key: $0, value: .string("v")) }),
    ])
    expectSameLines(YAMLEmitter.renderString([node], options: .init(lineWidth: 80)), expected)
  }

  static func kubectlOrdersConsistently(_ key: String) -> Bool {
    if key == "<<" { return false }  // kubectl's readers take even a quoted "<<" for a merge key
    var run = 0
    var previousWasDigit = false
    for c in key.unicodeScalars {
      let isDigit = c.properties.generalCategory == .decimalNumber
      if isDigit { run += 1 } else { run = 0 }
      if run >= 19 { return false }
      if previousWasDigit && c.properties.isAlphabetic { return false }
      previousWasDigit = isDigit
    }
    return true
  }

  @Test func nestedLayoutMatchesKubectl() throws {
    // Folding and literal indentation at several depths, inside lists and lists of lists.
    let long = (0..<25).map { "w\($0)" }.joined(separator: " ")
    let json = """
      {"apiVersion":"example.com/v1","kind":"Thing","metadata":{"name":"t"},
       "spec":{"a":{"b":{"c":\(JSONText.quote(long)),"d":["x",\(JSONText.quote(long)),["y",\(JSONText.quote(long)),"m\\nl\\n"],
       {"k":\(JSONText.quote(long)),"l":"a\\nb\\n","n":[{"deep":\(JSONText.quote(long))}]}]}},
       "e":[],"f":{},"g":[[]],"h":[{}],"i":[[{"x":"y"}]]}}
      """
    let expected = try kubectl(json)
    let parsed = try YAMLParser.parseStream(json)
    expectSameLines(YAMLEmitter.renderString(parsed, options: .init(lineWidth: 80)), expected)
  }

  private func compareConfigMap(values: [String]) throws {
    let keys = values.indices.map { "k" + String(repeating: "0", count: 4 - String($0).count) + String($0) }
    let json =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"values\"},\"data\":{"
      + zip(keys, values).map { "\"\($0)\":\(JSONText.quote($1))" }.joined(separator: ",") + "}}"
    let expected = try kubectl(json)
    let node = Node.mapping([
      "apiVersion": .string("v1"), "kind": .string("ConfigMap"),
      "metadata": .mapping(["name": .string("values")]),
      "data": .mapping(zip(keys, values).map { MapEntry(key: $0, value: .string($1)) }),
    ])
    expectSameLines(YAMLEmitter.renderString([node], options: .init(lineWidth: 80)), expected)
  }

  private func kubectl(_ json: String) throws -> String {
    let result = try Kubectl.kustomize(files: [
      "kustomization.yaml": "resources:\n- object.json\n", "object.json": json,
    ])
    #expect(result.status == 0, "kubectl kustomize failed: \(result.stderr)")
    return result.stdout
  }
}

/// Compares two texts and reports the first differing line with its neighbours.
func expectSameLines(_ actual: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  if actual == expected { return }
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  var i = 0
  while i < min(a.count, e.count) && a[i] == e[i] { i += 1 }
  let from = max(0, i - 3)
  let context = (from..<min(max(a.count, e.count), i + 3)).map { n in
    let left = n < e.count ? String(e[n]) : "<none>"
    let right = n < a.count ? String(a[n]) : "<none>"
    return (left == right ? "  " : "✗ ")
      + "\(n + 1): expected \(left.debugDescription)\n    actual   \(right.debugDescription)"
  }.joined(separator: "\n")
  Issue.record("texts differ at line \(i + 1):\n\(context)", sourceLocation: sourceLocation)
}

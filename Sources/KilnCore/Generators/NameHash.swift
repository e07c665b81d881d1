internal import Crypto
import KilnYAML

/// The content hash Kustomize appends to a generated name (`cfg` → `cfg-7gdc49gk6d`).
///
/// What is hashed is a JSON document written by Go's `encoding/json` (`GoJSON`):
/// - ConfigMap: `{"data":…,"kind":"ConfigMap","name":""}`, plus `"binaryData":{…}` when
///   `binaryData` is a mapping;
/// - Secret: `{"data":…,"kind":"Secret","name":"","type":…}`, plus `"stringData":{…}` when
///   `stringData` is a mapping;
/// - any other kind: the whole object (generators make only ConfigMaps and Secrets; for other
///   kinds Kustomize hashes its internal YAML node structure, which kiln does not imitate).
///
/// A missing `data` or `type` is the empty string. `name` is always empty: Kustomize looks the
/// name up as one field called `metadata/name` and finds nothing, so equal data gives an equal
/// hash whatever the name. Labels, annotations and `immutable` are not hashed.
///
/// The hash is SHA-256 of those bytes, in lowercase hex, cut to 10 characters, with `0 1 3 a e`
/// replaced by `g h k m t` (so it never reads as a number and has no vowels).
enum NameHash {
  static func of(_ node: Node) -> String {
    encode(sha256Hex: hexDigest(of: document(for: node)))
  }

  /// The JSON bytes hashed for `node`.
  static func document(for node: Node) -> [UInt8] {
    let kind = node["kind"]?.string ?? ""
    switch kind {
    case "ConfigMap":
      var fields: [(key: String, value: GoJSON.Value)] = [
        ("kind", .string("ConfigMap")), ("name", .string("")), ("data", field(node["data"])),
      ]
      if let binary = node["binaryData"], binary.isMapping { fields.append(("binaryData", field(binary))) }
      return GoJSON.encode(.object(fields))
    case "Secret":
      var fields: [(key: String, value: GoJSON.Value)] = [
        ("kind", .string("Secret")), ("type", field(node["type"])), ("name", .string("")),
        ("data", field(node["data"])),
      ]
      if let strings = node["stringData"], strings.isMapping { fields.append(("stringData", field(strings))) }
      return GoJSON.encode(.object(fields))
    default:
      return GoJSON.encode(GoJSON.value(of: node))
    }
  }

  /// How the hasher reads one field: absent is "", a scalar is its text, a mapping is its
  /// JSON form, and anything that is not a mapping (a list) decodes to a nil map: `null`.
  private static func field(_ node: Node?) -> GoJSON.Value {
    guard let node else { return .string("") }
    switch node.value {
    case .scalar(let scalar): return .string(scalar.text)
    case .mapping: return GoJSON.value(of: node)
    case .sequence: return .null
    }
  }

  static func hexDigest(of bytes: [UInt8]) -> String {
    let digest = SHA256.hash(data: bytes)
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in digest {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The first 10 hex characters with `0 1 3 a e` → `g h k m t`.
  static func encode(sha256Hex hex: String) -> String {
    String(
      hex.utf8.prefix(10).map { c -> Character in
        switch c {
        case UInt8(ascii: "0"): "g"
        case UInt8(ascii: "1"): "h"
        case UInt8(ascii: "3"): "k"
        case UInt8(ascii: "a"): "m"
        case UInt8(ascii: "e"): "t"
        default: Character(Unicode.Scalar(c))
        }
      })
  }
}

import Crypto

/// SHA-256, for naming oracle records by their inputs: a digest anyone can recompute is what
/// makes a record's key stable. The hashing is swift-crypto's, which kiln already links.
public enum SHA256 {
  /// The digest of `bytes` as 64 lowercase hexadecimal digits.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in Crypto.SHA256.hash(data: bytes) {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

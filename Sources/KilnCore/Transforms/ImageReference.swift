/// A container image reference split the way Kustomize splits it: the name (registry and
/// repository), then an optional `:tag` and `@digest`. The search starts after the first `/`,
/// so a registry port (`my.registry:5000/app`) is never taken for a tag.
public struct ImageReference: Sendable, Equatable {
  public var name: String
  public var tag: String?
  public var digest: String?

  public init(name: String, tag: String? = nil, digest: String? = nil) {
    self.name = name
    self.tag = tag
    self.digest = digest
  }

  public init(parsing image: String) {
    // The separators are ASCII, so UTF-8 positions are character boundaries; searching the
    // bytes themselves skips both grapheme breaking and the generic walk of `String.UTF8View`,
    // and this runs for every image of every object.
    var image = image
    (name, tag, digest) = image.withUTF8 { bytes in
      func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      let searchStart = bytes.firstIndex(of: UInt8(ascii: "/")) ?? 0
      var end = bytes.count
      var digest: String?
      if let at = bytes[searchStart...].firstIndex(of: UInt8(ascii: "@")) {
        digest = text((at + 1)..<bytes.count)
        end = at
      }
      if let colon = bytes[searchStart..<end].firstIndex(of: UInt8(ascii: ":")) {
        return (text(0..<colon), text((colon + 1)..<end), digest)
      }
      return (text(0..<end), nil, digest)
    }
  }

  public var text: String {
    var out = name
    if let tag { out += ":" + tag }
    if let digest { out += "@" + digest }
    return out
  }
}

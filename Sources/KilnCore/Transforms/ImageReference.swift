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
    // The separators are ASCII, so UTF-8 positions are character boundaries; searching bytes
    // skips grapheme breaking, which this runs for every image of every object.
    let utf8 = image.utf8
    let searchStart = utf8.firstIndex(of: UInt8(ascii: "/")) ?? utf8.startIndex
    var end = utf8.endIndex
    if let at = utf8[searchStart...].firstIndex(of: UInt8(ascii: "@")) {
      digest = String(image[utf8.index(after: at)...])
      end = at
    }
    if let colon = utf8[searchStart..<end].firstIndex(of: UInt8(ascii: ":")) {
      tag = String(image[utf8.index(after: colon)..<end])
      name = String(image[..<colon])
    } else {
      name = String(image[..<end])
    }
  }

  public var text: String {
    var out = name
    if let tag { out += ":" + tag }
    if let digest { out += "@" + digest }
    return out
  }
}

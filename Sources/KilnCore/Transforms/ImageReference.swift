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
    let searchStart = image.firstIndex(of: "/") ?? image.startIndex
    var rest = image[...]
    if let at = image[searchStart...].firstIndex(of: "@") {
      digest = String(image[image.index(after: at)...])
      rest = image[..<at]
    }
    if let colon = rest[searchStart...].firstIndex(of: ":") {
      tag = String(rest[rest.index(after: colon)...])
      name = String(rest[..<colon])
    } else {
      name = String(rest)
    }
  }

  public var text: String {
    var out = name
    if let tag { out += ":" + tag }
    if let digest { out += "@" + digest }
    return out
  }
}

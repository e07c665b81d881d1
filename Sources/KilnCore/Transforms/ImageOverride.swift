import KilnRegex
public import KilnYAML

/// One `images:` entry: which image to change and how.
public struct ImageOverride: Sendable {
  public let name: String
  /// Whether `name` holds regular-expression operators other than `.` (decided once: an
  /// `images` entry is matched against every image name in the tree).
  public let hasRegexOperators: Bool
  /// `^name(:tag)?(@sha256:digest)?$`, compiled once when the name needs it.
  private let regex: RE2Regex?
  public var newName: String?
  public var newTag: String?
  public var digest: String?
  public var tagSuffix: String?
  public var location: SourceLocation

  public init(
    name: String, newName: String? = nil, newTag: String? = nil, digest: String? = nil,
    tagSuffix: String? = nil, at location: SourceLocation = .unknown
  ) {
    // An empty field is an unset one, as in Kustomize's Go struct (`newTag: ""` adds no ":").
    func set(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
    self.name = name
    self.hasRegexOperators = name.utf8.contains(where: Self.isRegexOperator)
    self.regex =
      hasRegexOperators
      ? try? RE2Regex("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$") : nil
    self.newName = set(newName)
    self.newTag = set(newTag)
    self.digest = set(digest)
    self.tagSuffix = set(tagSuffix)
    self.location = location
  }

  /// Kustomize puts `name` into `^name(:tag)?(@sha256:digest)?$` without escaping it, so a
  /// `.` in the name matches any character (`nginx.extra` matches `nginx-extra:1`) and a name
  /// with a tag (`ubuntu:20.04`) matches only that tag.
  public func matches(_ image: String) -> Bool {
    if hasRegexOperators { return regexMatches(image) }
    var name = self.name
    var image = image
    return name.withUTF8 { n in image.withUTF8 { Self.matches(pattern: n, image: $0) } }
  }

  /// `^pattern(:tag)?(@sha256:digest)?$` for a pattern whose only operator is `.`.
  private static func matches(pattern n: UnsafeBufferPointer<UInt8>, image: UnsafeBufferPointer<UInt8>) -> Bool {
    guard image.count >= n.count else { return false }
    for i in 0..<n.count where n[i] != UInt8(ascii: ".") && n[i] != image[i] { return false }
    var i = n.count
    if i < image.count && image[i] == UInt8(ascii: ":") {
      i += 1
      while i < image.count && isTagCharacter(image[i]) { i += 1 }
    }
    if i == image.count { return true }
    let digestPrefix: StaticString = "@sha256:"
    let prefixLength = digestPrefix.utf8CodeUnitCount
    guard image.count - i >= prefixLength else { return false }
    let matchesPrefix = digestPrefix.withUTF8Buffer { p in (0..<prefixLength).allSatisfy { image[i + $0] == p[$0] } }
    guard matchesPrefix else { return false }
    i += prefixLength
    while i < image.count {
      guard isTagCharacter(image[i]) else { return false }
      i += 1
    }
    return true
  }

  /// The image after this override.
  public func rewrite(_ image: String) -> String {
    var ref = ImageReference(parsing: image)
    if let newName { ref.name = newName }
    if let newTag, let digest {
      ref.tag = newTag
      ref.digest = digest
    } else if let newTag {
      ref.tag = newTag
      ref.digest = nil
    } else if let digest {
      ref.tag = nil
      ref.digest = digest
    } else if let tagSuffix {
      ref.tag = (ref.tag ?? "") + tagSuffix
      ref.digest = nil
    }
    return ref.text
  }

  static func isRegexOperator(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
      UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "\\"):
      true
    default: false
    }
  }

  private static func isTagCharacter(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "-"):
      true
    default: false
    }
  }

  /// Names with regular-expression operators go through Go's regexp, as in Kustomize
  /// (`MatchString`: a `|` in the name splits the anchors, `a|b` matches `a…` or `…b`). A name
  /// Go refuses matches nothing.
  private func regexMatches(_ image: String) -> Bool {
    regex?.matches(image) ?? false
  }
}

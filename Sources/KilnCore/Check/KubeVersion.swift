/// A Kubernetes minor release (`1.30`), as `kiln check --kube-version` takes it.
public struct KubeVersion: Sendable, Comparable, CustomStringConvertible {
  public var major: Int
  public var minor: Int

  public static let `default` = KubeVersion(major: 1, minor: 30)

  public init(major: Int, minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// `1.30`, `v1.30` or `1.30.2` (the patch release does not matter).
  public init?(_ text: String) {
    let parts = (text.hasPrefix("v") ? String(text.dropFirst()) : text).split(
      separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, let major = Int(parts[0]), let minor = Int(parts[1]),
      parts.count == 2 || Int(parts[2]) != nil
    else { return nil }
    self.init(major: major, minor: minor)
  }

  public var description: String { "\(major).\(minor)" }

  public static func < (a: KubeVersion, b: KubeVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
}

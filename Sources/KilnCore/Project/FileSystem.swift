/// Where kiln reads its inputs from: the disk, or an in-memory tree in tests.
///
/// Paths are absolute and `/`-separated. Listing order is not promised by any implementation
/// (the in-memory one can shuffle it on purpose); callers sort what they list.
public protocol FileSystem: Sendable {
  func readFile(_ path: String) throws(FileSystemError) -> [UInt8]
  func listDirectory(_ path: String) throws(FileSystemError) -> [String]
  func kind(of path: String) -> FileKind?
  /// The path with every symlink resolved, for the "stay inside the project" check.
  func resolvingSymlinks(_ path: String) throws(FileSystemError) -> String
  /// Whether the last component of `path` is itself a symlink.
  func isSymlink(_ path: String) -> Bool
  /// `kind(of:)` and `isSymlink` together, in one look where the file system allows it.
  func entry(at path: String) -> FileEntry
  /// Each entry of a directory with what it is, where the file system can tell at once (one
  /// directory read instead of a look at each entry); nil where it cannot.
  func typedListing(_ directory: String) -> [String: EntryType]?
}

/// What a directory listing says an entry is.
public enum EntryType: Sendable { case file, directory, symlink, unknown }

/// What a path names, and whether its last component is a symlink.
public struct FileEntry: Sendable {
  public var kind: FileKind?
  public var isSymlink: Bool

  public init(kind: FileKind?, isSymlink: Bool) {
    self.kind = kind
    self.isSymlink = isSymlink
  }
}

extension FileSystem {
  public func entry(at path: String) -> FileEntry { FileEntry(kind: kind(of: path), isSymlink: isSymlink(path)) }
  public func typedListing(_ directory: String) -> [String: EntryType]? { nil }
}

public enum FileKind: Sendable { case file, directory }

public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }

  /// The reason given when resolving a path meets a symlink loop (or a chain too long to follow).
  public static let symlinkLoop = "too many levels of symbolic links"

  public var isSymlinkLoop: Bool { reason == Self.symlinkLoop }
}

/// Joining and normalizing `/`-separated paths without Foundation.
public enum Path {
  /// `base` + `relative`, with `.` and `..` segments folded; an absolute `relative` wins.
  public static func join(_ base: String, _ relative: String) -> String {
    normalize(relative.hasPrefix("/") ? relative : base + "/" + relative)
  }

  /// Folds `.` and `..`; a relative path keeps the `..` that climb above its start
  /// (`a/../../b` is `../b`), so callers can see that it leaves its directory.
  public static func normalize(_ path: String) -> String {
    if isNormal(path) { return path }
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !absolute {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
  }

  /// True when `normalize` would change nothing: no empty, `.` or `..` segment and no
  /// trailing slash. Most paths are, and checking bytes is much cheaper than splitting.
  static func isNormal(_ path: String) -> Bool {
    var path = path
    return path.withUTF8 { bytes in
      var segmentLength = 0
      var dots = 0
      for (count, byte) in zip(1..., bytes) {
        if byte == UInt8(ascii: "/") {
          if count > 1 && (segmentLength == 0 || dots == segmentLength) { return false }
          segmentLength = 0
          dots = 0
        } else {
          segmentLength += 1
          if byte == UInt8(ascii: ".") { dots += 1 }
        }
      }
      if bytes.isEmpty { return true }
      return segmentLength > 0 && (dots != segmentLength || dots > 2)
    }
  }

  public static func directory(of path: String) -> String {
    splitAtLastSlash(path) { directory, _ in directory.isEmpty ? "/" : String(decoding: directory, as: UTF8.self) }
      ?? "."
  }

  public static func fileName(_ path: String) -> String {
    splitAtLastSlash(path) { _, name in String(decoding: name, as: UTF8.self) } ?? path
  }

  /// `body` with the bytes before and after the last `/`; nil when there is none. Found on the
  /// bytes themselves: the generic index walk of `String.UTF8View` costs tens of instructions
  /// a byte, and paths are looked at thousands of times in a build.
  private static func splitAtLastSlash(
    _ path: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> String
  ) -> String? {
    var path = path
    return path.withUTF8 { bytes in
      guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
      return body(UnsafeBufferPointer(rebasing: bytes[..<slash]), UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]))
    }
  }

  /// `path` relative to `root`, when it is inside it.
  public static func relative(_ path: String, to root: String) -> String? {
    if path == root { return "." }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
  }

  public static func isInside(_ path: String, _ root: String) -> Bool {
    relative(path, to: root) != nil
  }
}

/// A file tree held in memory, for tests. It can list directories in a scrambled order, to
/// prove that output never depends on listing order.
public struct InMemoryFileSystem: FileSystem {
  private var files: [String: [UInt8]] = [:]
  private var symlinks: [String: String] = [:]
  private let scrambleSeed: UInt64?

  /// `scrambleSeed` set: directory listings come back in a seed-dependent order.
  public init(scrambleSeed: UInt64? = nil) { self.scrambleSeed = scrambleSeed }

  public mutating func write(_ path: String, _ text: String) {
    files[Path.normalize(path)] = Array(text.utf8)
  }

  public mutating func write(_ path: String, bytes: [UInt8]) {
    files[Path.normalize(path)] = bytes
  }

  /// A symlink at `path` pointing to the absolute `target`.
  public mutating func symlink(_ path: String, to target: String) {
    symlinks[Path.normalize(path)] = Path.normalize(target)
  }

  public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
    let real = try resolvingSymlinks(path)
    if let bytes = files[real] { return bytes }
    if kind(of: real) == .directory { throw FileSystemError(path: path, reason: "is a directory") }
    throw FileSystemError(path: path, reason: "no such file or directory")
  }

  public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
    let dir = try resolvingSymlinks(path)
    guard kind(of: dir) == .directory else {
      throw FileSystemError(path: path, reason: "no such file or directory")
    }
    let prefix = dir == "/" ? "/" : dir + "/"
    var names = Set<String>()
    for key in Array(files.keys) + Array(symlinks.keys) where key.hasPrefix(prefix) {
      let rest = key.dropFirst(prefix.count)
      names.insert(String(rest.prefix(while: { $0 != "/" })))
    }
    var list = names.sorted()
    if let seed = scrambleSeed {
      var generator = ScrambleGenerator(state: seed)
      list.shuffle(using: &generator)
    }
    return list
  }

  public func kind(of path: String) -> FileKind? {
    guard let real = try? resolvingSymlinks(path) else { return nil }
    if files[real] != nil { return .file }
    let prefix = real == "/" ? "/" : real + "/"
    if files.keys.contains(where: { $0.hasPrefix(prefix) }) || symlinks.keys.contains(where: { $0.hasPrefix(prefix) }) {
      return .directory
    }
    return nil
  }

  public func isSymlink(_ path: String) -> Bool { symlinks[Path.normalize(path)] != nil }

  public func resolvingSymlinks(_ path: String) throws(FileSystemError) -> String {
    var parts: [String] = []
    var pending = Path.normalize(path).split(separator: "/").map(String.init)
    var hops = 0
    while !pending.isEmpty {
      parts.append(pending.removeFirst())
      let current = "/" + parts.joined(separator: "/")
      if let target = symlinks[current] {
        hops += 1
        if hops > 40 { throw FileSystemError(path: path, reason: FileSystemError.symlinkLoop) }
        parts = target.split(separator: "/").map(String.init)
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}

private struct ScrambleGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    return z ^ (z >> 27)
  }
}

import Foundation

/// The SHA-256 of a directory tree's contents, independent of where the tree lies, of the
/// order the file system lists it in and of file times: what a kubectl record was made from.
/// Each entry is written as a line (and a regular file's bytes), sorted by path:
///
///     build <the directory built, relative to the tree>
///     dir <path>
///     file <path> <byte count>\n<bytes>
///     link <path> -> <target>
///     other <path>
///
/// Symbolic links are not followed (their target text is part of the digest), and files that
/// are neither (a FIFO) are not read.
public enum TreeDigest {
  /// The digest of `tree` built at `build`, leaving out top-level entries named in `excluding`
  /// (a corpus case's README and its records, which are no input).
  public static func of(_ tree: String, build: String, excluding: Set<String> = []) -> String {
    var entries: [(path: [UInt8], text: [UInt8])] = []
    walk(tree, relative: "", excluding: excluding, into: &entries)
    var text = Array("build \(build)\n".utf8)
    for entry in entries.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) { text += entry.text }
    return SHA256.hex(text)
  }

  private static func walk(
    _ directory: String, relative: String, excluding: Set<String>, into entries: inout [(path: [UInt8], text: [UInt8])]
  ) {
    let fileManager = FileManager.default
    for name in (try? fileManager.contentsOfDirectory(atPath: directory)) ?? [] {
      if relative.isEmpty && excluding.contains(name) { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      let full = directory + "/" + name
      // attributesOfItem does not follow a final symbolic link.
      let type = (try? fileManager.attributesOfItem(atPath: full)[.type]) as? FileAttributeType
      switch type {
      case .typeDirectory?:
        entries.append((Array(path.utf8), Array("dir \(path)\n".utf8)))
        walk(full, relative: path, excluding: [], into: &entries)
      case .typeSymbolicLink?:
        let target = (try? fileManager.destinationOfSymbolicLink(atPath: full)) ?? ""
        entries.append((Array(path.utf8), Array("link \(path) -> \(target)\n".utf8)))
      case .typeRegular?:
        let bytes = fileManager.contents(atPath: full).map { [UInt8]($0) } ?? []
        entries.append((Array(path.utf8), Array("file \(path) \(bytes.count)\n".utf8) + bytes + [0x0A]))
      default:
        entries.append((Array(path.utf8), Array("other \(path)\n".utf8)))
      }
    }
  }
}

import Foundation
import KilnTestSupport

/// Copies of the repository's own stack in temporary directories, for tests that break it.
enum Projects {
  static let stackFolders = ["base", "components", "environments"]

  /// The repository's stack copied file by file, in the given order of paths (so tests can
  /// create the same tree in different orders).
  static func copyOfStack(order: (([String]) -> [String])? = nil) throws -> TemporaryDirectory {
    let dir = try TemporaryDirectory(prefix: "kiln-stack")
    var files: [String] = []
    for folder in stackFolders {
      let root = KilnBinary.repositoryRoot + "/" + folder
      let enumerator = FileManager.default.enumerator(atPath: root)
      while let item = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue
        {
          files.append(folder + "/" + item)
        }
      }
    }
    for file in order?(files) ?? files {
      try dir.write(
        file, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: KilnBinary.repositoryRoot + "/" + file))))
    }
    return dir
  }
}

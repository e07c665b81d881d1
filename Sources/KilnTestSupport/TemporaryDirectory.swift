import Foundation

/// A scratch directory tree for a test, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
  public let path: String

  public init(prefix: String = "kiln-test") throws {
    let base = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = base
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `contents` at `relativePath`, creating directories on the way.
  public func write(_ relativePath: String, _ contents: String) throws {
    try write(relativePath, bytes: Array(contents.utf8))
  }

  public func write(_ relativePath: String, bytes: [UInt8]) throws {
    let full = path + "/" + relativePath
    let dir = (full as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
  }

  public func read(_ relativePath: String) throws -> String {
    try String(contentsOfFile: path + "/" + relativePath, encoding: .utf8)
  }

  public func exists(_ relativePath: String) -> Bool {
    FileManager.default.fileExists(atPath: path + "/" + relativePath)
  }
}

import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// Builds small trees held in memory with the engine behind `kiln kustomize`, so a generator
/// test reads as: the files, then the YAML kubectl kustomize prints for them.
enum GeneratorCheck {
  static let root = "/project"

  static func fileSystem(_ files: [String: String], bytes: [String: [UInt8]] = [:]) -> InMemoryFileSystem {
    var fs = InMemoryFileSystem()
    for (path, text) in files { fs.write(root + "/" + path, text) }
    for (path, content) in bytes { fs.write(root + "/" + path, bytes: content) }
    return fs
  }

  /// The objects built from `kustomization.yaml` at the top of `files`, after the final steps
  /// (hash suffixes, sorting).
  static func resources(_ files: [String: String], bytes: [String: [UInt8]] = [:], in directory: String = "") throws
    -> [Resource]
  {
    let path = directory.isEmpty ? root : root + "/" + directory
    return try kustomize(path, files, bytes).resources
  }

  /// The build's own error, without the warnings that come with it.
  private static func kustomize(_ path: String, _ files: [String: String], _ bytes: [String: [UInt8]]) throws
    -> Kustomizer.Result
  {
    do {
      return try Kustomizer.build(directory: path, fileSystem: fileSystem(files, bytes: bytes))
    } catch let failure as Kustomizer.Failure {
      throw failure.error
    }
  }

  /// What kubectl kustomize would print, without the final newline.
  static func build(_ files: [String: String], bytes: [String: [UInt8]] = [:], in directory: String = "") throws
    -> String
  {
    let path = directory.isEmpty ? root : root + "/" + directory
    let output = try kustomize(path, files, bytes).output
    let text = String(decoding: output, as: UTF8.self)
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// The diagnostics the build fails with (empty when it succeeds).
  static func diagnostics(_ files: [String: String], bytes: [String: [UInt8]] = [:], in directory: String = "")
    -> [Diagnostic]
  {
    do {
      _ = try build(files, bytes: bytes, in: directory)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch let error as Diagnostic {
      return [error]
    } catch {
      return [.error("\(error)", at: nil)]
    }
  }

  /// The one diagnostic the build fails with, as `file:line:column: error: message`.
  static func failure(_ files: [String: String], bytes: [String: [UInt8]] = [:], in directory: String = "") -> String {
    diagnostics(files, bytes: bytes, in: directory).map(\.description).joined(separator: "\n")
  }
}

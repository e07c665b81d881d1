import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The project as committed at a git ref, extracted into a temporary directory with
/// `git archive`: the working tree and the index are never touched.
struct GitSnapshot {
  /// The snapshot's copy of the project directory.
  let projectDirectory: String
  private let temporary: String

  init(ref: String, projectDirectory: String) throws {
    guard let real = realpath(projectDirectory, nil) else {
      throw Diagnostic.error("cannot find the project directory \(projectDirectory)", at: nil)
    }
    let project = String(cString: real)
    free(real)
    let top = try Self.output("git -C \(Self.quoted(project)) rev-parse --show-toplevel", what: "the project is not in a git repository")
      .trimmingNewline
    let relative = project == top ? "" : String(project.dropFirst(top.count + 1))
    var template = Array("/tmp/kiln-base-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw Diagnostic.error("cannot create a temporary directory", at: nil) }
    temporary = String(cString: made)
    let path = relative.isEmpty ? "." : relative
    let archive = "git -C \(Self.quoted(top)) archive --format=tar \(Self.quoted(ref)) -- \(Self.quoted(path)) | tar -x -C \(Self.quoted(temporary))"
    do {
      _ = try Self.output("set -o pipefail; \(archive)", what: "git cannot read \(path) at \"\(ref)\"")
    } catch {
      Self.remove(temporary)
      throw error
    }
    self.projectDirectory = relative.isEmpty ? temporary : temporary + "/" + relative
  }

  func remove() { Self.remove(temporary) }

  private static func remove(_ directory: String) {
    _ = try? output("rm -rf \(quoted(directory))", what: "")
  }

  /// What a shell command prints; an error with its stderr when it fails.
  private static func output(_ command: String, what: String) throws -> String {
    guard let pipe = popen("bash -c \(quoted(command + " 2>&1")) ", "r") else {
      throw Diagnostic.error("cannot run git", at: nil)
    }
    var text: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, pipe)
      if n <= 0 { break }
      text += buffer[0..<n]
    }
    let status = pclose(pipe)
    let printed = String(decoding: text, as: UTF8.self)
    guard status == 0 else {
      throw Diagnostic.error("\(what): \(printed.trimmingNewline)", at: nil)
    }
    return printed
  }

  private static func quoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
  }
}

extension String {
  fileprivate var trimmingNewline: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}

import ArgumentParser
import KilnCore

extension Kiln {
  struct Kustomize: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a Kustomize directory, printing what `kubectl kustomize DIR` prints.",
      discussion: """
        Byte for byte the output of kubectl kustomize (Kustomize v5.5) for every feature kiln supports; \
        a clear error, and nothing on stdout, for any it does not.
        """)

    @Argument(help: "The directory holding kustomization.yaml (default: the current directory).")
    var directory: String = "."

    func run() throws {
      try Self.render(directory)
    }

    /// Builds `directory`, prints the result (warnings as kubectl prints them) and ends the
    /// process: tearing down every object of a large build costs more than the OS takes to
    /// reclaim the memory at once.
    static func render(_ directory: String) throws -> Never {
      if directory.isEmpty {
        _ = try Terminal.reportingFailures { () throws -> Int in
          throw Diagnostic.error("the directory path is empty; give a directory (\".\" for this one)", at: nil)
        }
      }
      let root = Path.join(Terminal.currentDirectory(), directory)
      if DiskFileSystem().kind(of: root) == .file {
        _ = try Terminal.reportingFailures { () throws -> Int in
          throw Diagnostic.error("\(directory) is a file; kiln kustomize builds a directory holding a kustomization", at: nil)
        }
      }
      let normalized = Path.normalize(directory)
      let prefix = normalized.isEmpty || normalized == "." ? "" : normalized + "/"
      let result = try Terminal.reportingFailures {
        do {
          return try Kustomizer.build(directory: root, displayPrefix: prefix)
        } catch let failure as Kustomizer.Failure {
          // kubectl warns as it reads each kustomization, so its warnings come before its error.
          Terminal.writeStderr(warningLines(failure.warnings))
          throw failure.error
        }
      }
      Terminal.writeStderr(warningLines(result.warnings))
      Terminal.writeStdout(result.output)
      Terminal.exitNow(0)
    }

    private static func warningLines(_ warnings: [Diagnostic]) -> String {
      warnings.map { "# Warning: \($0.message)\n" }.joined()
    }
  }
}

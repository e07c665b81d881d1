import ArgumentParser
import KilnCore

extension Kiln {
  struct Kustomize: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a Kustomize directory, printing what `kubectl kustomize DIR` prints.",
      discussion: """
        Byte for byte the output of kubectl kustomize (Kustomize v5.5) for every feature kiln supports; \
        a clear error, and nothing on stdout, for any it does not. Local directories only: remote \
        targets (URLs, git repositories) are not supported.
        """)

    @Argument(
      help: "The directory holding kustomization.yaml (default: the current directory).", completion: .directory)
    var directory: String = "."

    @Option(
      name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(
      name: .customLong("load-restrictor"),
      help: ArgumentHelp(
        "LoadRestrictionsRootOnly (the default): a kustomization reads files only inside its own directory; LoadRestrictionsNone: anywhere.",
        valueName: "rule"))
    var loadRestrictor: LoadRestrictor = .rootOnly

    /// kubectl's `--load-restrictor` values, spelled as kubectl spells them.
    enum LoadRestrictor: String, ExpressibleByArgument {
      case rootOnly = "LoadRestrictionsRootOnly"
      case none = "LoadRestrictionsNone"
    }

    func run() throws {
      try Self.render(directory, output: output, filesAnywhere: loadRestrictor == .none)
    }

    /// Builds `directory` and prints the result, warnings as kubectl prints them. Called
    /// directly by `Kiln.main` for `kiln kustomize [DIR]`: keep argument-parser out of it.
    static func render(_ directory: String, output: String?, filesAnywhere: Bool = false) throws {
      if directory.isEmpty {
        throw Diagnostic.error("the directory path is empty; give a directory (\".\" for this one)", at: nil)
      }
      if isRemote(directory) {
        throw Diagnostic.error(
          "\(directory) is a remote target; kiln kustomize builds local directories only", at: nil,
          hint: "clone the repository and give the directory")
      }
      let cwd = Terminal.currentDirectory()
      let root = Path.join(cwd, directory)
      if DiskFileSystem().kind(of: root) == .file {
        throw Diagnostic.error(
          "\(directory) is a file; kiln kustomize builds a directory holding a kustomization", at: nil)
      }
      let normalized = Path.normalize(directory)
      let prefix = normalized.isEmpty || normalized == "." ? "" : normalized + "/"
      let result: Kustomizer.Result
      do {
        result = try Kustomizer.build(directory: root, displayPrefix: prefix, filesAnywhere: filesAnywhere)
      } catch let failure as Kustomizer.Failure {
        // kubectl warns as it reads each kustomization, so its warnings come before its error.
        Terminal.writeStderr(warningLines(failure.warnings))
        DiagnosticPrinter.standardError.print(failure.notices)
        throw failure.error
      }
      Terminal.writeStderr(warningLines(result.warnings))
      DiagnosticPrinter.standardError.print(result.notices)
      if let output {
        try OutputFile.write(result.output, to: Path.join(cwd, output), display: output)
      } else {
        Terminal.writeStdout(result.output)
      }
    }

    /// What Kustomize would fetch: a URL (`https://…`, `ssh://…`, `git::…`), scp-like git
    /// (`git@host:org/repo`) or a bare `github.com/org/repo`.
    static func isRemote(_ target: String) -> Bool {
      if target.contains("://") || target.hasPrefix("git::") || target.hasPrefix("git@") { return true }
      for host in ["github.com/", "gitlab.com/", "bitbucket.org/"] where target.hasPrefix(host) { return true }
      return false
    }

    private static func warningLines(_ warnings: [Diagnostic]) -> String {
      warnings.map { "# Warning: \($0.message)\n" }.joined()
    }
  }
}

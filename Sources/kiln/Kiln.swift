import ArgumentParser

/// The `kiln` command: a thin layer over KilnCore that parses flags, prints what the core
/// returns and maps failures to exit codes (1 for input errors, 64 for usage errors).
@main
struct Kiln: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "kiln",
    abstract: "A fast, deterministic manifest compiler for Kubernetes.",
    discussion: """
      kiln renders a project (base/, components/<name>/, environments/<env>.yaml) into one \
      YAML stream for kubectl apply: the same input gives the same bytes on every machine.
      """,
    version: version,
    subcommands: [Build.self, Check.self, Diff.self, Kustomize.self, Values.self, List.self, ArgoCD.self, VersionCommand.self])

  /// `kiln kustomize [DIR]`, what CI and ArgoCD run on every change, goes straight to its
  /// command: argument-parser's reflection costs more than building a small tree. Anything
  /// else (flags, help, mistakes) goes through the parser as usual.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "kustomize", arguments.count <= 2, !(arguments.last ?? "").hasPrefix("-") {
      do {
        try Kustomize.render(arguments.count == 2 ? arguments[1] : ".")
      } catch {
        exit(withError: error)
      }
    }
    if arguments.first == "diff" { diffMain(arguments) }
    main(arguments)
  }

  /// `kiln diff` exits as diff(1) does: 0 same, 1 different, 2 for any error, a usage error too.
  static func diffMain(_ arguments: [String]) -> Never {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if exitCode(for: error) == .success { exit(withError: error) }
      Terminal.writeStderr(fullMessage(for: error) + "\n")
      Terminal.exitNow(2)
    }
    Terminal.exitNow(0)
  }
}

import ArgumentParser
import KilnCore
import KilnYAML

/// The `kiln` command: a thin layer over KilnCore that parses flags, prints what the core
/// returns and, here and nowhere else, decides the exit code: 0 done, 1 for input errors (and
/// for `diff`, differences), 64 for usage errors; `kiln diff` exits as diff(1), 2 on any error.
@main
struct Kiln: ParsableCommand {
  static let version = builtVersion

  static let configuration = CommandConfiguration(
    commandName: "kiln",
    abstract: "A fast, deterministic manifest compiler for Kubernetes.",
    discussion: """
      kiln renders a project (base/, components/<name>/, environments/<env>.yaml) into one \
      YAML stream for kubectl apply: the same input gives the same bytes on every machine.
      """,
    version: version,
    subcommands: [
      Build.self, Check.self, Diff.self, Kustomize.self, Values.self, List.self, ArgoCD.self, VersionCommand.self,
    ])

  /// How a command that ran to its end asks for a non-zero exit without an error of its own:
  /// `diff` found differences, `check` found problems (both already printed).
  enum Outcome: Error {
    case differences
    case problemsFound
  }

  /// A mistake in the command line itself, found before argument-parser sees it.
  struct UsageError: Error {
    var diagnostic: Diagnostic
  }

  /// `kiln kustomize [DIR]`, what CI and Argo CD run on every change, goes straight to its
  /// command: argument-parser's reflection costs more than building a small tree. Anything
  /// else (flags, help, mistakes) goes through the parser as usual.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let command = arguments.first ?? ""
    do {
      if command == "kustomize", arguments.count <= 2, !(arguments.last ?? "").hasPrefix("-") {
        try Kustomize.render(arguments.count == 2 ? arguments[1] : ".", output: nil)
      } else {
        try checkCommandName(arguments)
        let (rest, lifted) = LiftedValueFlags.lift(arguments)
        LiftedValueFlags.current = lifted
        var parsed = try parseAsRoot(rest)
        try parsed.run()
      }
      finish(nil, command: command)
    } catch {
      finish(error, command: command)
    }
  }

  /// Prints what ended the run and exits with its code: the one place that does.
  static func finish(_ error: (any Error)?, command: String) -> Never {
    let failed: Int32 = command == "diff" ? 2 : 1
    guard let error else { Terminal.exitNow(0) }
    switch error {
    case Outcome.differences:
      Terminal.exitNow(1)
    case Outcome.problemsFound:
      Terminal.exitNow(1)
    case let usage as UsageError:
      DiagnosticPrinter.standardError.print([usage.diagnostic])
      Terminal.exitNow(command == "diff" ? 2 : 64)
    case is Diagnostic, is DiagnosticError, is YAMLError, is FileSystemError:
      var collected = DiagnosticCollector()
      collected.record(error)
      if command == "argocd" {
        Terminal.writeStderr(DiagnosticPrinter.compact(collected.diagnostics))
      } else {
        DiagnosticPrinter.standardError.print(collected.diagnostics)
      }
      Terminal.exitNow(failed)
    default:
      // argument-parser's own: help and version (exit 0, on stdout), usage and validation errors.
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        Terminal.writeStdout(Array((message + "\n").utf8))
        Terminal.exitNow(0)
      }
      Terminal.writeStderr(message + "\n")
      Terminal.exitNow(command == "diff" ? 2 : code.rawValue)
    }
  }

  /// `kiln biuld` would otherwise read as the root command with two unexpected arguments.
  static func checkCommandName(_ arguments: [String]) throws {
    guard let first = arguments.first, !first.hasPrefix("-") else { return }
    let names = configuration.subcommands.map { $0._commandName }
    guard !names.contains(first), first != "help" else { return }
    if first == "template" {
      throw UsageError(
        diagnostic: .error(
          "kiln does not render Helm charts (yet): there is no kiln template", at: nil,
          hint:
            "render a chart with helm template, then build it into a project as a component's resources; kiln build ENV renders a kiln project"
        ))
    }
    throw UsageError(
      diagnostic: .error(
        "unknown command \"\(first)\"", at: nil, notes: ["commands: \(names.joined(separator: ", "))"],
        hint: Suggestion.hint(for: first, among: names)))
  }
}

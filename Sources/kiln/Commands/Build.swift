import ArgumentParser
import KilnCore

extension Kiln {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render an environment to YAML.",
      discussion: """
        Values are layered lowest first: environments/defaults.yaml, environments/<env>.yaml, each -f file, \
        then --set-json, --set and --set-string. On any error nothing is written to stdout and no output \
        file is left behind.
        """)

    @Argument(help: "The environment: environments/<env>.yaml.")
    var environment: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Put a '# Source: <path>' line before each object.")
    var sources = false

    func run() throws {
      let (root, prefix) = project.resolve()
      let request = BuildRequest(projectDirectory: root, displayPrefix: prefix, environment: environment, values: values.inputs)
      let result = try Terminal.reportingFailures { try Compiler.build(request) }
      DiagnosticPrinter.standardError.print(result.warnings)
      let bytes = result.render(sources: sources)
      if let output {
        try Terminal.reportingFailures { try AtomicWriter.write(bytes, to: Path.join(Terminal.currentDirectory(), output), display: output) }
      } else {
        Terminal.writeStdout(bytes)
      }
      Terminal.exitNow(0)
    }
  }
}

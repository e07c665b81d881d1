import ArgumentParser
import KilnCore

extension Kiln {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render an environment to YAML.",
      discussion: """
        Values are layered lowest first: environments/defaults.yaml, environments/<env>.yaml, each -f file, \
        then --set-json, --set, --set-string and --set-file. On any error nothing is written to stdout and no \
        output file is left behind.
        """)

    @Argument(help: "The environment: environments/<env>.yaml.", completion: EnvironmentCompletion.kind)
    var environment: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    @Option(
      name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(
      name: .customLong("output-dir"),
      help: ArgumentHelp(
        "Write one file per object into this directory, replacing what an earlier run wrote.", valueName: "dir"),
      completion: .directory)
    var outputDirectory: String?

    @Option(
      name: .customLong("show-only"),
      help: ArgumentHelp("Only the object of this kind and name, as Kind/name (repeatable).", valueName: "kind/name"))
    var showOnly: [String] = []

    @Flag(help: "Put a '# Source: <path>' line before each object.")
    var sources = false

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func validate() throws {
      if output != nil && outputDirectory != nil { throw ValidationError("give -o FILE or --output-dir DIR, not both") }
      for selector in showOnly where ObjectSelector(selector) == nil {
        throw ValidationError("--show-only wants Kind/name, not \"\(selector)\"")
      }
    }

    func run() throws {
      let (root, prefix) = project.resolve()
      let request = BuildRequest(
        projectDirectory: root, displayPrefix: prefix, environment: environment, values: try values.inputs())
      let result = try Compiler.build(request)
      if strict && !result.warnings.isEmpty {
        throw DiagnosticError(
          result.warnings.map { warning in
            var error = warning
            error.severity = .error
            return error
          })
      }
      DiagnosticPrinter.standardError.print(result.warnings)
      let resources = try ObjectSelector.select(showOnly.compactMap(ObjectSelector.init), from: result.resources)
      let cwd = Terminal.currentDirectory()
      if let outputDirectory {
        try OutputDirectory.write(
          resources, sources: sources, to: Path.join(cwd, outputDirectory), display: outputDirectory)
        return
      }
      let bytes = ManifestRenderer.render(resources, sources: sources)
      if let output {
        try OutputFile.write(bytes, to: Path.join(cwd, output), display: output)
      } else {
        Terminal.writeStdout(bytes)
      }
    }
  }
}

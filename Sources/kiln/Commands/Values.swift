import ArgumentParser
import KilnCore
import KilnYAML

extension Kiln {
  struct Values: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the values an environment ends up with.",
      discussion: """
        The same layering as kiln build (environments/defaults.yaml, environments/<env>.yaml, each -f file, \
        then --set-json, --set and --set-string), merged and checked, printed as YAML with sorted keys. \
        Keys set to null are gone, as they are for the build.
        """)

    @Argument(help: "The environment: environments/<env>.yaml.")
    var environment: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    func run() throws {
      let (root, prefix) = project.resolve()
      let request = BuildRequest(projectDirectory: root, displayPrefix: prefix, environment: environment, values: values.inputs)
      let merged = try Terminal.reportingFailures { try Compiler.values(request) }
      Terminal.writeStdout(YAMLEmitter.render([merged]))
      Terminal.exitNow(0)
    }
  }
}

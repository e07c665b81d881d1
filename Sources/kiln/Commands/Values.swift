import ArgumentParser
import KilnCore
import KilnYAML

extension Kiln {
  struct Values: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the values an environment ends up with.",
      discussion: """
        The same layering as kiln build (environments/defaults.yaml, environments/<env>.yaml, each -f file, \
        then --set-json, --set, --set-string and --set-file; -n replaces the namespace), merged and checked, printed as YAML with sorted keys. \
        Keys set to null are gone, as they are for the build.
        """)

    @Argument(help: "The environment: environments/<env>.yaml.", completion: EnvironmentCompletion.kind)
    var environment: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    func run() throws {
      let (root, prefix) = project.resolve()
      let request = BuildRequest(
        projectDirectory: root, displayPrefix: prefix, environment: environment, values: try values.inputs())
      let merged = try Compiler.values(request)
      Terminal.writeStdout(YAMLEmitter.render([merged]))
    }
  }
}

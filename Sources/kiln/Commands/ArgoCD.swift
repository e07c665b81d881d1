import ArgumentParser
import KilnCore
import KilnYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Kiln {
  struct ArgoCD: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "argocd",
      abstract: "Argo CD config-management-plugin entry point: render the app from Argo CD's environment.",
      discussion: """
        Run by the plugin's generate command in the application's directory. The environment comes from \
        the env parameter or ARGOCD_ENV_KILN_ENV; value files from the values parameter or \
        ARGOCD_ENV_KILN_VALUES (comma-separated); --set pairs from the set parameter (a map, read from \
        ARGOCD_APP_PARAMETERS so that keys keep their dots) or ARGOCD_ENV_KILN_SET. The namespace is \
        ARGOCD_APP_NAMESPACE when the environment sets none. YAML on stdout; an empty render is an error.
        """)

    func run() throws {
      let inputs: ArgoCDInputs
      let cwd = Terminal.currentDirectory()
      let valueFiles: [UserFile]
      do {
        inputs = try ArgoCDInputs(environment: Self.processEnvironment())
        valueFiles = try ArgoCDRepository(applicationDirectory: cwd, sourcePath: inputs.sourcePath).valueFiles(
          inputs.valueFiles)
      } catch {
        throw Diagnostic.error("\(error)", at: nil)
      }
      let request = BuildRequest(
        projectDirectory: cwd, environment: inputs.environment,
        values: ValueInputs(files: valueFiles, sets: inputs.sets.map { SetArgument(.set, $0) }),
        fallbackNamespace: inputs.namespace)
      let result = try Compiler.build(request)
      guard !result.resources.isEmpty else {
        throw Diagnostic.error(
          "environment \"\(inputs.environment)\" renders no objects; kiln refuses to print an empty stream, which Argo CD would read as \"delete everything\"",
          at: nil)
      }
      Terminal.writeStdout(result.render())
    }

    static func processEnvironment() -> [String: String] {
      var result: [String: String] = [:]
      var pointer = environ
      while let entry = pointer.pointee {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") {
          result[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        pointer += 1
      }
      return result
    }
  }
}

import ArgumentParser
import KilnCore

extension Kiln {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build environments and report what would break once applied.",
      discussion: """
        Errors: objects a pod needs (ConfigMap, Secret, ServiceAccount, PersistentVolumeClaim) that neither \
        the build nor the environment's external: list provides; API versions the Kubernetes release no \
        longer serves; anything that stops a build (duplicate objects among them). Warnings: Services that \
        select no pods of the build; workload selectors that differ between environments. Exit 1 on any \
        error, or on any warning with --strict.
        """)

    @Argument(help: "The environments to check (default: every environment).", completion: EnvironmentCompletion.kind)
    var environments: [String] = []

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    @Option(help: ArgumentHelp("The Kubernetes release the output must apply to.", valueName: "version"))
    var kubeVersion: String = KubeVersion.default.description

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func validate() throws {
      guard KubeVersion(kubeVersion) != nil else {
        throw ValidationError("--kube-version wants a release such as 1.30, not \"\(kubeVersion)\"")
      }
    }

    func run() throws {
      let (root, prefix) = project.resolve()
      let request = CheckRequest(
        projectDirectory: root, displayPrefix: prefix, environments: environments, values: try values.inputs(),
        kubeVersion: KubeVersion(kubeVersion) ?? .default)
      let report = try BuildChecks.run(request)
      DiagnosticPrinter.standardError.print(report.diagnostics)
      let failed = report.errors > 0 || (strict && report.warnings > 0)
      let summary =
        "checked \(report.environments.joined(separator: ", ")): \(report.errors) \(report.errors == 1 ? "error" : "errors"), \(report.warnings) \(report.warnings == 1 ? "warning" : "warnings")\n"
      Terminal.writeStderr(summary)
      if failed { throw Outcome.problemsFound }
    }
  }
}

import KilnYAML

/// What `kiln check` is asked: which environments (none: every one) of which project, and
/// the Kubernetes version the output must apply to.
public struct CheckRequest: Sendable {
  public var projectDirectory: String
  public var displayPrefix: String
  public var environments: [String]
  public var values: ValueInputs
  public var kubeVersion: KubeVersion

  public init(
    projectDirectory: String, displayPrefix: String = "", environments: [String] = [],
    values: ValueInputs = ValueInputs(),
    kubeVersion: KubeVersion = .default
  ) {
    self.projectDirectory = projectDirectory
    self.displayPrefix = displayPrefix
    self.environments = environments
    self.values = values
    self.kubeVersion = kubeVersion
  }
}

/// The environments checked and what was found, errors and warnings, in a stable order.
public struct CheckReport: Sendable {
  public var environments: [String]
  public var diagnostics: [Diagnostic]

  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// `kiln check`: builds each environment and looks for what would break once applied, which
/// a build alone cannot refuse. Each finding names the environments it holds in; a finding
/// shared by several environments is reported once.
public enum BuildChecks {
  public static func run(_ request: CheckRequest, fileSystem: any FileSystem = DiskFileSystem()) throws -> CheckReport {
    let files = try ProjectFiles(
      fileSystem: fileSystem, root: request.projectDirectory, displayPrefix: request.displayPrefix)
    let environments =
      request.environments.isEmpty ? try EnvironmentLoader.environments(in: files) : request.environments
    var findings = Findings()
    var builds: [(environment: String, result: BuildResult)] = []
    for environment in environments {
      let build = BuildRequest(
        projectDirectory: request.projectDirectory, displayPrefix: request.displayPrefix, environment: environment,
        values: request.values)
      do {
        let result = try Compiler.build(build, fileSystem: fileSystem)
        builds.append((environment, result))
        // Settings that do nothing (on a component that is not enabled) are findings too.
        var found: [Diagnostic] = result.values.warnings
        found += ServiceSelectorCheck.findings(in: result.resources)
        found += ReferenceCheck.findings(in: result.resources, external: result.values.external)
        found += RemovedAPIs.findings(in: result.resources, for: request.kubeVersion)
        findings.add(found, in: environment)
      } catch {
        var collected = DiagnosticCollector()
        collected.record(error)
        findings.add(collected.diagnostics, in: environment)
      }
    }
    findings.add(SelectorDriftCheck.findings(across: builds), in: nil)
    var lines = SourceLines(files: files, inputs: request.values)
    return CheckReport(environments: environments, diagnostics: lines.attach(findings.diagnostics))
  }
}

/// Findings by place and message, each with the environments it was found in.
private struct Findings {
  private var order: [Diagnostic] = []
  private var environments: [[String]] = []

  mutating func add(_ diagnostics: [Diagnostic], in environment: String?) {
    for diagnostic in diagnostics {
      if let index = order.firstIndex(of: diagnostic) {
        if let environment, !environments[index].contains(environment) { environments[index].append(environment) }
      } else {
        order.append(diagnostic)
        environments.append(environment.map { [$0] } ?? [])
      }
    }
  }

  var diagnostics: [Diagnostic] {
    zip(order, environments).map { diagnostic, environments in
      var shown = diagnostic
      if !environments.isEmpty { shown.message += " (\(environments.joined(separator: ", ")))" }
      return shown
    }
  }
}

import Foundation
import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `kiln argocd` run as Argo CD's sidecar runs the plugin's generate command: in the
/// application's directory inside a copy of the repository, with only Argo CD's variables.
@Suite struct ArgoCDPluginTests {
  /// The variables Argo CD sets for every application, and `extra`.
  func argo(_ extra: [String: String]) -> [String: String] {
    [
      "PATH": "/usr/bin:/bin", "ARGOCD_APP_NAME": "archesai", "ARGOCD_APP_NAMESPACE": "archesai",
      "ARGOCD_APP_REVISION": "0123456789abcdef", "ARGOCD_APP_SOURCE_PATH": ".", "KUBE_VERSION": "1.30.2",
    ].merging(extra) { _, new in new }
  }

  func run(_ extra: [String: String], in directory: String) throws -> ProcessResult {
    try KilnBinary.run(["argocd"], directory: directory, environment: argo(extra))
  }

  @Test func prodThroughThePluginIsExactlyTheBuild() throws {
    let repository = try Projects.copyOfStack()
    let plugin = try run(["ARGOCD_ENV_KILN_ENV": "prod"], in: repository.path)
    #expect(plugin.status == 0, "\(plugin.stderr)")
    #expect(plugin.stderr.isEmpty)
    #expect(plugin.stdout == (try KilnBinary.run(["build", "prod"]).stdout))
  }

  @Test func parametersKeepTheDotsOfTheirKeysAndWinOverEnvEntries() throws {
    let repository = try Projects.copyOfStack()
    try repository.write("overrides/more.yaml", "platform:\n  replicas: 4\n")
    let parameters = """
      [{"name": "env", "string": "dev"},
       {"name": "values", "array": ["overrides/more.yaml"]},
       {"name": "set", "map": {"api.replicas": "2", "api.image.tag": "v1.2.3"}}]
      """
    let plugin = try run(["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_PARAMETERS": parameters], in: repository.path)
    #expect(plugin.status == 0, "\(plugin.stderr)")
    let expected = try KilnBinary.run([
      "build", "dev", "-C", repository.path, "-f", repository.path + "/overrides/more.yaml", "--set", "api.replicas=2",
      "--set", "api.image.tag=v1.2.3",
    ])
    #expect(plugin.stdout == expected.stdout)
    #expect(plugin.stdout.contains("image: archesai/api:v1.2.3"))
  }

  @Test func theDestinationNamespaceIsUsedWhenTheEnvironmentSetsNone() throws {
    let project = try TemporaryDirectory(prefix: "kiln-argocd")
    try project.write("components/web/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n")
    try project.write("environments/prod.yaml", "web: {enabled: true}\n")
    let plugin = try run(["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_NAMESPACE": "team-a"], in: project.path)
    #expect(plugin.stdout == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: team-a\n")
  }

  @Test func anEmptyRenderIsAnErrorNeverAnEmptySuccess() throws {
    let project = try TemporaryDirectory(prefix: "kiln-argocd")
    try project.write("components/web/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n")
    try project.write("environments/prod.yaml", "web: {enabled: false}\n")
    let plugin = try run(["ARGOCD_ENV_KILN_ENV": "prod"], in: project.path)
    #expect(plugin.status == 1)
    #expect(plugin.stdout.isEmpty)
    #expect(plugin.stderr.contains("renders no objects"))
  }

  @Test func failuresAreShortLinesOnStderrAndNothingOnStdout() throws {
    let repository = try Projects.copyOfStack()
    let missing = try run([:], in: repository.path)
    #expect(missing.status == 1)
    #expect(
      missing.stderr
        == "kiln: error: no environment: set the plugin env KILN_ENV (ARGOCD_ENV_KILN_ENV) or the parameter env\n")
    let typo = try run(["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_ENV_KILN_SET": "api.replcias=1"], in: repository.path)
    #expect(typo.status == 1)
    #expect(typo.stdout.isEmpty)
    #expect(
      typo.stderr == "--set:1:5: error: unknown field \"replcias\" in component \"api\" (did you mean \"replicas\"?)\n")
  }

  /// Argo CD's repository server renders many tenants' applications side by side, each in a
  /// copy of its repository: value files named through Argo CD are read only from inside the
  /// application's own repository, symlinks resolved (Argo CD's rule for Helm value files,
  /// since CVE-2022-24348). Here `apps/web` of repository `repo` is the application, next to
  /// another tenant's checkout.
  func tenants() throws -> (TemporaryDirectory, String) {
    let server = try TemporaryDirectory(prefix: "kiln-argocd-tenants")
    try server.write("other-tenant/values.yaml", "namespace: hunter2\n")
    try server.write("repo/shared/values.yaml", "namespace: shared\n")
    try server.write(
      "repo/apps/web/components/web/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n")
    try server.write("repo/apps/web/environments/prod.yaml", "web: {enabled: true}\n")
    try FileManager.default.createSymbolicLink(
      atPath: server.path + "/repo/apps/web/tenant.yaml", withDestinationPath: "../../../other-tenant/values.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: server.path + "/repo/apps/web/shared.yaml", withDestinationPath: "../../shared/values.yaml")
    return (server, server.path + "/repo/apps/web")
  }

  @Test(arguments: [
    (
      "../../../other-tenant/values.yaml",
      "values file ../../../other-tenant/values.yaml resolves outside the application's repository; kiln does not read it"
    ),
    ("tenant.yaml", "values file tenant.yaml resolves outside the application's repository; kiln does not read it"),
    // An absolute name is read from the repository root, as Argo CD reads it.
    ("/etc/shadow", "values file /etc/shadow: no such file or directory"),
    (
      "/../other-tenant/values.yaml",
      "values file /../other-tenant/values.yaml resolves outside the application's repository; kiln does not read it"
    ),
  ])
  func valueFilesOutsideTheRepositoryAreRefused(name: String, message: String) throws {
    let (server, application) = try tenants()
    let plugin = try run(
      ["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_SOURCE_PATH": "apps/web", "ARGOCD_ENV_KILN_VALUES": name],
      in: application)
    #expect(plugin.status == 1)
    #expect(plugin.stdout.isEmpty)
    #expect(plugin.stderr == "kiln: error: \(message)\n")
    _ = server
  }

  @Test(arguments: ["../../shared/values.yaml", "shared.yaml", "/shared/values.yaml"])
  func valueFilesElsewhereInTheRepositoryAreRead(name: String) throws {
    let (server, application) = try tenants()
    let plugin = try run(
      ["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_SOURCE_PATH": "apps/web", "ARGOCD_ENV_KILN_VALUES": name],
      in: application)
    #expect(plugin.status == 0, "\(plugin.stderr)")
    #expect(plugin.stdout.contains("namespace: shared\n"))
    _ = server
  }

  @Test func withoutTheSourcePathTheRepositoryIsTheApplicationDirectory() throws {
    let (server, application) = try tenants()
    let plugin = try run(
      [
        "ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_SOURCE_PATH": "",
        "ARGOCD_ENV_KILN_VALUES": "../../shared/values.yaml",
      ],
      in: application)
    #expect(plugin.status == 1)
    #expect(plugin.stderr.contains("resolves outside the application's repository"))
    _ = server
  }

  @Test func thePluginRunsKilnArgocdAndDiscoversKilnProjects() throws {
    let text = try String(contentsOfFile: KilnBinary.repositoryRoot + "/deploy/argocd/plugin.yaml", encoding: .utf8)
    let plugin = try #require(try YAMLParser.parseDocuments(Array(text.utf8), file: "plugin.yaml").first)
    #expect(plugin["kind"]?.string == "ConfigManagementPlugin")
    #expect(plugin.value(at: ["spec", "generate", "command"])?.items?.compactMap(\.string) == ["kiln", "argocd"])
    #expect(plugin.value(at: ["spec", "discover", "fileName"])?.string == "./environments/*.yaml")
    let application = try String(
      contentsOfFile: KilnBinary.repositoryRoot + "/deploy/argocd/application.yaml", encoding: .utf8)
    #expect(application.contains("name: kiln-v1\n"), "the Application names <plugin>-<version>")
  }

  /// The sidecar patch applied to a stock repo-server: the sidecar runs Argo CD's cmp-server
  /// as uid 999 with its own /tmp.
  @Test func theSidecarPatchAppliesToTheRepoServer() throws {
    let dir = try TemporaryDirectory(prefix: "kiln-argocd-patch")
    try dir.write(
      "repo-server.yaml",
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: argocd-repo-server
      spec:
        selector:
          matchLabels: {app.kubernetes.io/name: argocd-repo-server}
        template:
          metadata:
            labels: {app.kubernetes.io/name: argocd-repo-server}
          spec:
            containers:
            - name: argocd-repo-server
              image: quay.io/argoproj/argocd:v3.0.0
            volumes:
            - name: var-files
              emptyDir: {}
            - name: plugins
              emptyDir: {}
      """)
    try dir.write(
      "patch.yaml",
      try String(contentsOfFile: KilnBinary.repositoryRoot + "/deploy/argocd/repo-server-patch.yaml", encoding: .utf8))
    try dir.write("kustomization.yaml", "resources: [repo-server.yaml]\npatches: [{path: patch.yaml}]\n")
    let result = try KilnBinary.run(["kustomize", dir.path])
    #expect(result.status == 0, "\(result.stderr)")
    let deployment = try #require(try YAMLParser.parseDocuments(result.stdoutBytes, file: "out").first)
    let containers = deployment.value(at: ["spec", "template", "spec", "containers"])?.items ?? []
    let sidecar = try #require(containers.first { $0["name"]?.string == "kiln" })
    #expect(containers.count == 2)
    #expect(sidecar.value(at: ["securityContext", "runAsUser"])?.scalarText == "999")
    #expect(sidecar["command"]?.items?.first?.string == "/var/run/argocd/argocd-cmp-server")
    let mounts = (sidecar["volumeMounts"]?.items ?? []).compactMap { $0["mountPath"]?.string }
    #expect(mounts == ["/var/run/argocd", "/home/argocd/cmp-server/plugins", "/tmp"])
    let volumes = (deployment.value(at: ["spec", "template", "spec", "volumes"])?.items ?? []).compactMap {
      $0["name"]?.string
    }
    #expect(volumes.sorted() == ["kiln-tmp", "plugins", "var-files"])
  }
}

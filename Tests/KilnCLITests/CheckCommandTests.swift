import KilnTestSupport
import Testing

/// `kiln check` as CI runs it: diagnostics and a summary on stderr, exit 1 on errors (and on
/// warnings with --strict).
@Suite struct CheckCommandTests {
  @Test func theRepositoryStackAndEveryExampleAreClean() throws {
    for project in GoldenTests.projects {
      let result = try KilnBinary.run(["check", "-C", project])
      #expect(result.status == 0, "\(project):\n\(result.stderr)")
      #expect(result.stderr == "checked dev, prod: 0 errors, 0 warnings\n", "\(project)")
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func errorsFailAndWarningsFailOnlyWhenStrict() throws {
    let dir = try Projects.copyOfStack()
    // A Service that selects nothing: a warning.
    try dir.write(
      "components/api/extra-service.yaml",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: nowhere\nspec:\n  selector: {app: none}\n  ports: [{port: 80}]\n"
    )
    try dir.write(
      "components/api/kustomization.yaml",
      try dir.read("components/api/kustomization.yaml").replacingOccurrences(
        of: "- service.yaml\n", with: "- service.yaml\n- extra-service.yaml\n"))
    var result = try KilnBinary.run(["check", "prod", "-C", dir.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "warning: Service nowhere selects no pods of this build (app=none,app.kubernetes.io/name=archesai,app.kubernetes.io/component=api) (prod)"
      ))
    #expect(result.stderr.hasSuffix("checked prod: 0 errors, 1 warning\n"))
    result = try KilnBinary.run(["check", "prod", "-C", dir.path, "--strict"])
    #expect(result.status == 1)
    // A values error stops that build: an error.
    result = try KilnBinary.run(["check", "prod", "-C", dir.path, "--kube-version", "v1.30.2", "--set", "unknown=1"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\"unknown\" is neither a component nor an environment setting"))
  }

  @Test func aBadKubeVersionIsAUsageError() throws {
    let result = try KilnBinary.run(["check", "--kube-version", "latest"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--kube-version wants a release such as 1.30"))
  }
}

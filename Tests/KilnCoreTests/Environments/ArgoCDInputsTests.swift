import KilnCore
import Testing

/// What `kiln argocd` takes from the variables Argo CD sets for a plugin.
@Suite struct ArgoCDInputsTests {
  @Test func envEntriesAloneAreEnough() throws {
    let inputs = try ArgoCDInputs(environment: [
      "ARGOCD_ENV_KILN_ENV": " prod ", "ARGOCD_ENV_KILN_VALUES": "a.yaml, b.yaml,",
      "ARGOCD_ENV_KILN_SET": "api.replicas=2",
      "ARGOCD_APP_NAMESPACE": "shop",
    ])
    #expect(inputs.environment == "prod")
    #expect(inputs.valueFiles == ["a.yaml", "b.yaml"])
    #expect(inputs.sets == ["api.replicas=2"])
    #expect(inputs.namespace == "shop")
  }

  @Test func parametersWinAndTheirMapValuesStayLiteral() throws {
    let inputs = try ArgoCDInputs(environment: [
      "ARGOCD_ENV_KILN_ENV": "dev",
      "ARGOCD_APP_PARAMETERS":
        #"[{"name":"env","string":"prod"},{"name":"set","map":{"api.env.HOSTS":"a,b","path":"c:\\d"}}]"#,
    ])
    #expect(inputs.environment == "prod")
    #expect(inputs.sets == [#"api.env.HOSTS=a\,b"#, #"path=c:\\d"#])
    #expect(inputs.namespace == nil)
  }

  @Test func arrayItemsComeFromParamVariablesWithoutTheJSON() throws {
    let inputs = try ArgoCDInputs(environment: [
      "PARAM_ENV": "dev", "PARAM_VALUES_0": "one.yaml", "PARAM_VALUES_1": "two.yaml", "PARAM_VALUES_3": "skipped.yaml",
    ])
    #expect(inputs.environment == "dev")
    #expect(inputs.valueFiles == ["one.yaml", "two.yaml"])
  }

  @Test func badInputIsNamed() {
    #expect(throws: ArgoCDInputs.Problem.self) { try ArgoCDInputs(environment: ["ARGOCD_ENV_KILN_ENV": "  "]) }
    do {
      _ = try ArgoCDInputs(environment: ["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_PARAMETERS": "{"])
      Issue.record("bad JSON was accepted")
    } catch {
      #expect("\(error)".hasPrefix("ARGOCD_APP_PARAMETERS is not JSON"))
    }
    do {
      _ = try ArgoCDInputs(environment: ["ARGOCD_ENV_KILN_ENV": "prod", "ARGOCD_APP_PARAMETERS": "{}"])
      Issue.record("a JSON object was accepted")
    } catch {
      #expect("\(error)" == "ARGOCD_APP_PARAMETERS is not a JSON array")
    }
  }

  /// The repository root is the application's directory less its path in the repository.
  @Test(arguments: [
    ("apps/web", "/tmp/cmp/repo"),
    ("./apps//web/", "/tmp/cmp/repo"),
    (".", "/tmp/cmp/repo/apps/web"),
    ("", "/tmp/cmp/repo/apps/web"),
    // A path that is not the directory's tail, or that climbs, gives the narrowest root.
    ("other/web", "/tmp/cmp/repo/apps/web"),
    ("../web", "/tmp/cmp/repo/apps/web"),
    ("pps/web", "/tmp/cmp/repo/apps/web"),
  ])
  func theRepositoryRootComesFromTheSourcePath(sourcePath: String, root: String) throws {
    var disk = InMemoryFileSystem()
    disk.write("/tmp/cmp/repo/apps/web/environments/prod.yaml", "{}")
    let repository = try ArgoCDRepository(
      applicationDirectory: "/tmp/cmp/repo/apps/web", sourcePath: sourcePath, fileSystem: disk)
    #expect(repository.root == root)
  }
}

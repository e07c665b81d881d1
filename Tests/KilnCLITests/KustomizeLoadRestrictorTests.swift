import Foundation
import KilnTestSupport
import Testing

/// `kiln kustomize --load-restrictor`, as kubectl kustomize takes it: with
/// `LoadRestrictionsNone` an overlay may use patches and generator sources kept beside it in a
/// shared directory; with `LoadRestrictionsRootOnly` (the default) it may not. Expected output
/// as kubectl kustomize (v5.5) prints it for the same tree.
@Suite struct KustomizeLoadRestrictorTests {
  /// An overlay whose patch and env file live in `app/shared`, outside its own directory.
  func overlayUsingSharedFiles() throws -> TemporaryDirectory {
    let tree = try TemporaryDirectory(prefix: "kiln-load-restrictor")
    try tree.write(
      "app/overlay/kustomization.yaml",
      """
      resources:
      - cm.yaml
      patches:
      - path: ../shared/team-labels.yaml
      configMapGenerator:
      - name: settings
        envs:
        - ../shared/settings.env

      """)
    try tree.write(
      "app/overlay/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: fast\n")
    try tree.write(
      "app/shared/team-labels.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  labels:\n    team: payments\n")
    try tree.write("app/shared/settings.env", "LOG_LEVEL=debug\n")
    return tree
  }

  @Test func noneReadsFilesOutsideTheKustomization() throws {
    let tree = try overlayUsingSharedFiles()
    for flags in [["--load-restrictor", "LoadRestrictionsNone"], ["--load-restrictor=LoadRestrictionsNone"]] {
      let result = try KilnBinary.run(["kustomize", "app/overlay"] + flags, directory: tree.path)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stdout == """
          apiVersion: v1
          data:
            mode: fast
          kind: ConfigMap
          metadata:
            labels:
              team: payments
            name: app
          ---
          apiVersion: v1
          data:
            LOG_LEVEL: debug
          kind: ConfigMap
          metadata:
            name: settings-47668c6k28

          """)
    }
  }

  @Test func rootOnlyRefusesThem() throws {
    let tree = try overlayUsingSharedFiles()
    for flags in [[], ["--load-restrictor", "LoadRestrictionsRootOnly"]] {
      let result = try KilnBinary.run(["kustomize", "app/overlay"] + flags, directory: tree.path)
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.contains("outside app/overlay"))
    }
  }

  @Test func anUnknownRuleIsAUsageError() throws {
    let tree = try overlayUsingSharedFiles()
    let result = try KilnBinary.run(["kustomize", "app/overlay", "--load-restrictor", "bogus"], directory: tree.path)
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("bogus"))
  }
}

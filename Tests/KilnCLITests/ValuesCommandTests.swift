import Foundation
import KilnTestSupport
import Testing

/// `kiln values`: what an environment ends up with, as users inspect it.
@Suite struct ValuesCommandTests {
  @Test func printsTheMergedValuesWithSortedKeys() throws {
    let dir = try TemporaryDirectory(prefix: "kiln-values")
    try dir.write("components/api/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n")
    try dir.write(
      "environments/defaults.yaml",
      "namespace: shop\napi:\n  enabled: true\n  replicas: 1\n  env: {LOG_LEVEL: info, TRACE: \"on\"}\n")
    try dir.write("environments/prod.yaml", "api:\n  replicas: 3\n  env: {TRACE: null}\n")
    try dir.write("extra.yaml", "labels: {team: payments}\n")
    let result = try KilnBinary.run([
      "values", "prod", "-C", dir.path, "-f", dir.path + "/extra.yaml", "--set", "api.replicas=5", "--set-string",
      "api.image.tag=007",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout == """
        api:
          enabled: true
          env:
            LOG_LEVEL: info
          image:
            tag: "007"
          replicas: 5
        labels:
          team: payments
        namespace: shop

        """)
  }

  @Test func refusesWhatTheBuildRefusesAndPrintsNothing() throws {
    let result = try KilnBinary.run(["values", "prod", "--set", "api.replicas=three"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("--set:1:14: error:"))
  }

  @Test func namesTheEnvironmentsWhenOneIsUnknown() throws {
    let result = try KilnBinary.run(["values", "prdo"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("unknown environment \"prdo\""))
    #expect(result.stderr.contains("did you mean \"prod\""))
  }
}

/// An example's `environments/schema.json` guards its values in build and values alike.
@Suite struct ValuesSchemaCommandTests {
  @Test func anEvenRaftClusterIsRefusedWhereverItIsSet() throws {
    for command in ["build", "values"] {
      let result = try KilnBinary.run([command, "prod", "-C", "examples/inquisitor", "--set", "raft.replicas=4"])
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr.hasPrefix(
          "--set:1:15: error: raft.replicas: got 4, want one of 1, 3 or 5 (examples/inquisitor/environments/schema.json)\n"
        ))
    }
  }
}

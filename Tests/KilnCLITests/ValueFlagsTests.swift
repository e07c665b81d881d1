import Foundation
import KilnTestSupport
import Testing

/// Flags users bring from Helm and kubectl: `-n`, `-f -`, `--set-file`.
@Suite struct ValueFlagsTests {
  @Test func namespaceReplacesTheEnvironmentsOwn() throws {
    let built = try KilnBinary.run(["build", "dev", "-n", "team-x"])
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout.contains("  namespace: team-x\n"))
    #expect(!built.stdout.contains("archesai-dev"))
    let values = try KilnBinary.run(["values", "dev", "--namespace", "team-x"])
    #expect(values.stdout.contains("namespace: team-x\n"))
    let listed = try KilnBinary.run(["list", "dev", "-n", "team-x"])
    #expect(listed.stdout.contains("Deployment team-x/archesai-api\n"), "\(listed.stdout)")
  }

  @Test func anInvalidNamespaceIsAnErrorAtTheFlag() throws {
    let result = try KilnBinary.run(["build", "dev", "-n", "Team_X"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("--namespace:1:1: error: namespace \"Team_X\""), "\(result.stderr)")
    #expect(result.stderr.contains("\n  Team_X\n  ^\n"))
  }

  @Test func valuesFromStdin() throws {
    let result = try KilnBinary.run(["values", "dev", "-f", "-"], stdin: Array("api:\n  replicas: 5\n".utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  replicas: 5\n"))
    let broken = try KilnBinary.run(["build", "dev", "-f", "-"], stdin: Array("api:\n  replcias: 5\n".utf8))
    #expect(broken.status == 1)
    #expect(
      broken.stderr.hasPrefix(
        "<stdin>:2:3: error: unknown field \"replcias\" in component \"api\"\n    replcias: 5\n    ^\n"),
      "\(broken.stderr)")
  }

  @Test func setFileGivesTheFileContentAsAString() throws {
    let dir = try TemporaryDirectory()
    try dir.write("note.txt", "one, two\nthree=3 {x}\n")
    let result = try KilnBinary.run(["values", "dev", "--set-file", "api.podAnnotations.note=\(dir.path)/note.txt"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("    note: |\n      one, two\n      three=3 {x}\n"), "\(result.stdout)")
  }

  @Test func setFileThatCannotBeReadIsAnErrorAtTheArgument() throws {
    let missing = try KilnBinary.run(["build", "dev", "--set-file", "api.podAnnotations.note=no-such.txt"])
    #expect(missing.status == 1)
    #expect(missing.stdout.isEmpty)
    #expect(
      missing.stderr == """
        --set-file:1:25: error: cannot read no-such.txt: no such file or directory
          api.podAnnotations.note=no-such.txt
                                  ^

        """)
    let dir = try TemporaryDirectory()
    #expect(mkfifo(dir.path + "/fifo", 0o600) == 0)
    let started = Date()
    let fifo = try KilnBinary.run(["build", "dev", "--set-file", "a=\(dir.path)/fifo"])
    #expect(fifo.status == 1)
    #expect(fifo.stderr.contains("fifo: not a regular file\n"))
    #expect(Date().timeIntervalSince(started) < 5)
    let directory = try KilnBinary.run(["build", "dev", "--set-file", "a=\(dir.path)"])
    #expect(directory.stderr.contains(": is a directory\n"))
  }
}

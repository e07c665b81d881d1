import Foundation
import KilnTestSupport
import Testing

/// Mistakes that used to exit 0, or say something unhelpful: each is an error (or a warning)
/// that says what is wrong, and prints nothing on stdout.
@Suite struct CommandLineMistakesTests {
  @Test func aMisspeltCommandSuggestsTheNearestOne() throws {
    let result = try KilnBinary.run(["biuld", "prod"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("kiln: error: unknown command \"biuld\"\n"))
    #expect(result.stderr.contains("hint: did you mean \"build\"?\n"))
  }

  @Test func templateSaysWhatToUseInstead() throws {
    let result = try KilnBinary.run(["template", "my-chart"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("kiln does not render Helm charts"))
    #expect(result.stderr.contains("helm template"))
  }

  @Test func outsideAProjectSaysThereIsNoEnvironmentsDirectory() throws {
    let empty = try TemporaryDirectory()
    for arguments in [["build", "dev"], ["list"], ["check"]] {
      let result = try KilnBinary.run(arguments, directory: empty.path)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr.hasPrefix("kiln: error: there is no environments/ directory: . is not a kiln project\n"),
        "\(result.stderr)")
    }
  }

  @Test func aRemoteURLHandedToKustomizeIsUnsupportedRemoteInput() throws {
    for target in [
      "https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.5.0", "github.com/org/repo/overlay",
    ] {
      let result = try KilnBinary.run(["kustomize", target])
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr.hasPrefix(
          "kiln: error: \(target) is a remote target; kiln kustomize builds local directories only\n"))
      #expect(!result.stderr.contains("https:/github"))
    }
  }

  /// `--set api.image.tag=$TAG` with TAG unset in CI would make prod run `:latest`.
  @Test func anEmptyImageTagIsAnErrorAtTheArgument() throws {
    let result = try KilnBinary.run(["build", "prod", "--set", "api.image.tag="])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        """
        --set:1:15: error: api.image: tag is empty
          api.image.tag=
                        ^

        """))
  }

  @Test func anEmptyRepositoryOrDigestInAFileIsAnErrorToo() throws {
    let stack = try Projects.copyOfStack()
    try stack.write(
      "environments/dev.yaml",
      try stack.read("environments/dev.yaml").replacingOccurrences(
        of: "    tag: latest\n", with: "    tag: latest\n    repository: \"\"\n"))
    try stack.write("extra.yaml", "images:\n- {name: archesai/api, newTag: \"\"}\n")
    let result = try KilnBinary.run(["build", "dev", "-f", "extra.yaml"], directory: stack.path)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("environments/dev.yaml:9:17: error: api.image: repository is empty\n"), "\(result.stderr)")
    #expect(result.stderr.contains("extra.yaml:2:32: error: images entry: newTag is empty\n"))
  }

  @Test func settingsOnAComponentThatIsNotEnabledWarnAtTheirLine() throws {
    let stack = try Projects.copyOfStack()
    try stack.write(
      "environments/dev.yaml",
      try stack.read("environments/dev.yaml").replacingOccurrences(
        of: "redis:\n  enabled: false\n", with: "redis:\n  enabled: false\n  replicas: 2\n"))
    let lines = try stack.read("environments/dev.yaml").split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex(of: "  replicas: 2")) + 1
    let warned = try KilnBinary.run(["build", "dev"], directory: stack.path)
    #expect(warned.status == 0)
    #expect(!warned.stdout.isEmpty)
    #expect(
      warned.stderr == """
        environments/dev.yaml:\(line):3: warning: redis.replicas has no effect: component "redis" is not enabled
            replicas: 2
            ^
        hint: set redis.enabled: true, or remove the setting

        """)
    let strict = try KilnBinary.run(["build", "dev", "--strict"], directory: stack.path)
    #expect(strict.status == 1)
    #expect(strict.stdout.isEmpty)
    #expect(strict.stderr.hasPrefix("environments/dev.yaml:\(line):3: error: redis.replicas has no effect"))
    let checked = try KilnBinary.run(["check", "dev", "--strict"], directory: stack.path)
    #expect(checked.status == 1)
    #expect(
      checked.stderr.contains(
        "environments/dev.yaml:\(line):3: warning: redis.replicas has no effect: component \"redis\" is not enabled (dev)\n"
      ))
    // The repository's own environments set nothing on disabled components.
    #expect(try KilnBinary.run(["build", "prod", "--strict"]).status == 0)
  }
}

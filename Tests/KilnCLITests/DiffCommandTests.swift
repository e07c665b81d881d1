import Foundation
import KilnTestSupport
import Testing

/// `kiln diff` as reviewers and CI use it: exit 0 same, 1 different, 2 error.
@Suite struct DiffCommandTests {
  @Test func devAgainstProdShowsReplicasImagesAndComponentsNotNamespaces() throws {
    let result = try KilnBinary.run(["diff", "dev", "prod"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("changed apps/Deployment archesai/archesai-api\n"))
    #expect(result.stdout.contains("-  replicas: 1\n+  replicas: 3\n"))
    #expect(result.stdout.contains("-        image: archesai/api:latest\n+        image: archesai/api:v1.0.0\n"))
    #expect(result.stdout.contains("added apps/StatefulSet archesai/archesai-redis\n"))
    #expect(!result.stdout.contains("-  namespace: archesai-dev"))
    #expect(result.stdout.hasSuffix("16 added, 3 changed, 0 removed\n"))
  }

  @Test func aBuildAgainstItsOwnRenderingIsTheSame() throws {
    let dir = try TemporaryDirectory()
    try dir.write("prod.yaml", bytes: try KilnBinary.run(["build", "prod"]).stdoutBytes)
    let result = try KilnBinary.run(["diff", "prod", "--against", dir.path + "/prod.yaml"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout == "0 added, 0 changed, 0 removed\n")
  }

  @Test func secretValuesAreHiddenUnlessAskedFor() throws {
    let dir = try TemporaryDirectory(prefix: "kiln-diff-secret")
    try dir.write("components/api/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n")
    try dir.write(
      "environments/dev.yaml",
      "secretGenerator:\n- {name: creds, literals: [PASSWORD=dev-password-1, USER=app], options: {disableNameSuffixHash: true}}\n"
    )
    try dir.write(
      "environments/prod.yaml",
      "secretGenerator:\n- {name: creds, literals: [PASSWORD=prod-password, USER=app, TOKEN=t0k3n], options: {disableNameSuffixHash: true}}\n"
    )
    let result = try KilnBinary.run(["diff", "dev", "prod", "-C", dir.path])
    #expect(result.status == 1)
    #expect(result.stdout.contains("-  PASSWORD: (hidden 14 bytes)\n+  PASSWORD: (hidden 13 bytes, changed)\n"))
    #expect(result.stdout.contains("+  TOKEN: (hidden 5 bytes)\n"))
    #expect(!result.stdout.contains("USER: (hidden 3 bytes, changed)"))
    for secret in [
      "dev-password-1", "prod-password", "t0k3n", "ZGV2LXBhc3N3b3JkLTE=", "cHJvZC1wYXNzd29yZA==", "dDBrM24=",
    ] {
      #expect(!result.stdout.contains(secret), "\(secret) reached the output")
    }
    let shown = try KilnBinary.run(["diff", "dev", "prod", "-C", dir.path, "--show-secrets"])
    #expect(shown.stdout.contains("+  PASSWORD: cHJvZC1wYXNzd29yZA==\n"))
  }

  @Test func baseRendersTheProjectAsCommittedWithoutTouchingTheWorkingTree() throws {
    let dir = try Projects.copyOfStack()
    func git(_ arguments: [String]) throws -> ProcessResult {
      try ProcessRunner.run(
        "/usr/bin/git", ["-C", dir.path, "-c", "user.name=kiln", "-c", "user.email=kiln@example.com"] + arguments)
    }
    _ = try git(["init", "-q"])
    _ = try git(["add", "."])
    _ = try git(["commit", "-qm", "stack"])
    let prod = try dir.read("environments/prod.yaml")
    try dir.write("environments/prod.yaml", prod.replacing("  replicas: 3\n", with: "  replicas: 4\n"))
    let result = try KilnBinary.run(["diff", "prod", "--base", "HEAD", "-C", dir.path])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("-  replicas: 3\n+  replicas: 4\n"))
    #expect(result.stdout.hasSuffix("0 added, 1 changed, 0 removed\n"))
    #expect(try git(["status", "--porcelain"]).stdout == " M environments/prod.yaml\n")
    let missing = try KilnBinary.run(["diff", "prod", "--base", "no-such-ref", "-C", dir.path])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("git cannot read"))
  }

  /// A copy of the stack committed in a new git repository.
  func committedStack() throws -> (TemporaryDirectory, ([String]) throws -> ProcessResult) {
    let dir = try Projects.copyOfStack()
    let git = { (arguments: [String]) throws -> ProcessResult in
      try ProcessRunner.run(
        "/usr/bin/git", ["-C", dir.path, "-c", "user.name=kiln", "-c", "user.email=kiln@example.com"] + arguments)
    }
    _ = try git(["init", "-q"])
    _ = try git(["add", "."])
    _ = try git(["commit", "-qm", "stack"])
    return (dir, git)
  }

  /// A ref is handed to git after `--end-of-options`, and one starting with "-" is refused:
  /// `--base=--output=FILE` used to make `git archive` truncate FILE.
  @Test func refsThatLookLikeOptionsAreRefused() throws {
    let (dir, _) = try committedStack()
    try dir.write("victim.txt", "precious\n")
    for ref in ["--output=\(dir.path)/victim.txt", "--remote=ext::sh -c touch% \(dir.path)/pwned", "-h"] {
      let result = try KilnBinary.run(["diff", "prod", "--base=\(ref)", "-C", dir.path])
      #expect(result.status == 2)
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr.hasPrefix(
          "kiln: error: \"\(ref)\" is not a git ref; kiln refuses refs that are empty or start with \"-\"\n"))
    }
    #expect(try dir.read("victim.txt") == "precious\n")
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/pwned"))
  }

  /// An error in the committed project quotes the committed line, not the working tree's.
  @Test func anErrorAtTheBaseQuotesTheCommittedLine() throws {
    let (dir, git) = try committedStack()
    let prod = try dir.read("environments/prod.yaml")
    try dir.write(
      "environments/prod.yaml", prod.replacingOccurrences(of: "  replicas: 3\n", with: "  replicas: three\n"))
    _ = try git(["commit", "-qam", "broken"])
    try dir.write("environments/prod.yaml", prod.replacingOccurrences(of: "  replicas: 3\n", with: "  replicas: 4\n"))
    let result = try KilnBinary.run(["diff", "prod", "--base", "HEAD", "-C", dir.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        ":6:13: error: replicas in component \"api\" must be an integer, not the string \"three\"\n    replicas: three\n"
      ), "\(result.stderr)")
  }

  /// The snapshot is read from git's objects: symlinks inside it are followed there, and a
  /// project in a subdirectory of the repository reads only its own tree.
  @Test func baseFollowsSymlinksInTheCommittedTree() throws {
    let (dir, git) = try committedStack()
    try FileManager.default.moveItem(
      atPath: dir.path + "/environments/prod.yaml", toPath: dir.path + "/prod-values.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: dir.path + "/environments/prod.yaml", withDestinationPath: "../prod-values.yaml")
    _ = try git(["add", "-A"])
    _ = try git(["commit", "-qm", "symlinked"])
    let result = try KilnBinary.run(["diff", "prod", "--base", "HEAD", "-C", dir.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "0 added, 0 changed, 0 removed\n")
  }

  /// What the pull-request workflow posts: the diff alone, under GitHub's comment limit,
  /// cut at a line with its code block closed and a note.
  @Test func thePullRequestCommentStaysUnderTheLimit() throws {
    let (dir, _) = try committedStack()
    try dir.write(
      "environments/prod.yaml",
      try dir.read("environments/prod.yaml").replacingOccurrences(of: "  replicas: 3\n", with: "  replicas: 4\n"))
    try dir.write(
      "environments/dev.yaml",
      try dir.read("environments/prod.yaml").replacingOccurrences(
        of: "namespace: archesai\n", with: "namespace: other\n"))
    let script = KilnBinary.repositoryRoot + "/Scripts/manifest-diff.sh"
    var environment = ProcessInfo.processInfo.environment
    environment["KILN"] = KilnBinary.path
    let whole = try ProcessRunner.run(script, ["HEAD", "markdown"], directory: dir.path, environment: environment)
    #expect(whole.status == 0, "\(whole.stderr)")
    #expect(whole.stdout.hasPrefix("### kiln diff dev: HEAD → working tree\n"))
    #expect(whole.stdout.count > 4000)
    environment["COMMENT_LIMIT"] = "4000"
    let cut = try ProcessRunner.run(script, ["HEAD", "markdown"], directory: dir.path, environment: environment)
    #expect(cut.status == 0)
    #expect(cut.stdoutBytes.count <= 4000)
    #expect(
      cut.stdout.hasSuffix(
        "over GitHub's comment limit; \(cut.stdoutBytes.count - 145) are shown. Run `make k8s-diff` for all of it.\n")
        || cut.stdout.contains("**Truncated:**"))
    #expect(cut.stdout.components(separatedBy: "```").count % 2 == 1, "an open code block")
  }

  @Test func markdownHasACollapsibleSectionPerObject() throws {
    let result = try KilnBinary.run(["diff", "dev", "prod", "--format", "markdown"])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("### kiln diff dev → prod\n\n**16 added, 3 changed, 0 removed**\n"))
    #expect(
      result.stdout.contains(
        "<details><summary>changed <code>apps/Deployment archesai/archesai-api</code></summary>\n\n```diff\n"))
  }

  @Test func aMissingFileOrAProjectOutsideGitIsAnError() throws {
    let missing = try KilnBinary.run(["diff", "prod", "--against", "no-such-render.yaml"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "kiln: error: no-such-render.yaml: no such file or directory\n")
    let project = try Projects.copyOfStack()
    let outside = try KilnBinary.run(["diff", "prod", "--base", "HEAD", "-C", project.path])
    #expect(outside.status == 2)
    #expect(outside.stderr.hasPrefix("kiln: error: the project is not in a git repository"))
  }

  @Test func errorsAndUsageErrorsExitTwo() throws {
    #expect(try KilnBinary.run(["diff", "dev"]).status == 2)
    #expect(try KilnBinary.run(["diff", "dev", "prod", "--base", "HEAD"]).status == 2)
    let unknown = try KilnBinary.run(["diff", "dev", "staging"])
    #expect(unknown.status == 2)
    #expect(unknown.stdout.isEmpty)
    #expect(unknown.stderr.contains("unknown environment \"staging\""))
  }
}

import Foundation
import KilnTestSupport
import Testing

/// Hostile input, run through the built binary: each case must fail fast and cleanly, with
/// exit status 1 (2 for `kiln diff`, whose 1 means "the sides differ"), one error (its first line `path:line:column: error: …` or `kiln: error: …`),
/// nothing on stdout, no output file, within a second of wall time and 200 MiB of memory.
/// Big inputs are made at test time in a temporary directory.
///
/// The cases: what issue 11 found getting through (refs that git reads as options, regular
/// expressions that backtrack exponentially, value files outside an Argo CD
/// application's repository, files read without bound, alias expansion counted in nodes but
/// not bytes, `--set` indexes without a total bound, dangling and looping symlinks skipped,
/// bytes that are not text reported at 1:1, FIFOs that hang; `-o` through devices and signals
/// during `-o` have tests of their own below), and what was already refused
/// (alias bombs, deep nesting, huge documents, `../`, symlinks out of the root, cycles).
@Suite(.serialized) struct HostileInputTests {
  static let maxWallSeconds = 1.0
  static let maxPeakResidentBytes = 200 << 20

  @Test(arguments: HostileCase.all)
  func isRefusedFastAndCleanly(_ hostile: HostileCase) throws {
    let scratch = try TemporaryDirectory(prefix: "kiln-hostile")
    try Self.writeProject(in: scratch, at: "p")
    try hostile.prepare(scratch)
    let result = try Self.measure(
      hostile.name, hostile.arguments, in: scratch.path + "/" + hostile.directory, hostile.environment)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(result.status == hostile.status, "\(result.stderr)")
    #expect(result.stdoutCount == 0, "stdout: \(String(decoding: result.stdout.prefix(200), as: UTF8.self))")
    let first = lines.first ?? ""
    #expect(Self.isError(first), "first stderr line: \(first)")
    #expect(first.contains(hostile.message), "first stderr line: \(first)")
    #expect(lines.filter(Self.isError).count == 1, "\(result.stderr)")
    if let output = hostile.output {
      #expect(!scratch.exists(hostile.directory + "/" + output), "\(output) was written")
    }
    if let untouched = hostile.untouched {
      #expect(try scratch.read(untouched) == HostileCase.untouchedText, "\(untouched) was changed")
    }
    Self.expectWithinBounds(result)
  }

  /// Defect 5: `-o` through a symlink to a device writes through it, in place: before, the
  /// rename replaced the link (and, as root, `-o /dev/null` replaced /dev/null itself).
  @Test func outputThroughASymlinkToADeviceLeavesBothAsTheyWere() throws {
    let scratch = try TemporaryDirectory(prefix: "kiln-hostile")
    try Self.writeProject(in: scratch, at: "p")
    try FileManager.default.createSymbolicLink(atPath: scratch.path + "/p/null", withDestinationPath: "/dev/null")
    let before = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/p").sorted()
    let result = try Self.measure(
      "5: -o symlink to /dev/null", ["build", "dev", "-o", "null"], in: scratch.path + "/p")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutCount == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/p/null") == "/dev/null")
    #expect(
      try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        == .typeCharacterSpecial)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/p").sorted() == before)
    Self.expectWithinBounds(result)
  }

  /// Defect 5: a SIGTERM while `-o` is being written ends kiln without leaving its temporary
  /// file, and the old output stays whole (`KILN_TEST_INTERRUPT_WRITE` raises the signal there).
  @Test func aSignalDuringOutputLeavesNoTemporaryFile() throws {
    let scratch = try TemporaryDirectory(prefix: "kiln-hostile")
    try Self.writeProject(in: scratch, at: "p")
    try scratch.write("p/out.yaml", HostileCase.untouchedText)
    let before = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/p").sorted()
    let result = try Self.measure(
      "5: SIGTERM during -o", ["build", "dev", "-o", "out.yaml"], in: scratch.path + "/p",
      ["KILN_TEST_INTERRUPT_WRITE": "1"])
    #expect(result.status == 128 + SIGTERM, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/p").sorted() == before)
    #expect(try scratch.read("p/out.yaml") == HostileCase.untouchedText)
    Self.expectWithinBounds(result)
  }

  /// Runs kiln in `directory` with a bare environment plus `extra`. Wall time on a machine
  /// busy with the rest of the suite says more about the machine than about kiln: a slow run
  /// is retried (twice at most) and the fastest counts. A hang or a slow path is slow every
  /// time.
  static func measure(_ name: String, _ arguments: [String], in directory: String, _ extra: [String: String] = [:])
    throws
    -> MeasuredResult
  {
    var environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
    environment.merge(extra) { _, new in new }
    var result = try MeasuredProcess.run(KilnBinary.path, arguments, directory: directory, environment: environment)
    for _ in 0..<2 where result.wallSeconds >= maxWallSeconds && !result.timedOut {
      let again = try MeasuredProcess.run(KilnBinary.path, arguments, directory: directory, environment: environment)
      if again.wallSeconds < result.wallSeconds { result = again }
    }
    print(
      "hostile \(name): exit \(result.status), wall \(Int(result.wallSeconds * 1000)) ms, "
        + "cpu \(Int(result.cpuSeconds * 1000)) ms, peak RSS \(result.peakResidentBytes >> 20) MiB "
        + "(ru_maxrss \(result.maxResidentBytes >> 20) MiB)")
    return result
  }

  static func expectWithinBounds(_ result: MeasuredResult) {
    #expect(!result.timedOut, "still running after 10 s")
    #expect(result.wallSeconds < maxWallSeconds, "took \(result.wallSeconds) s")
    #expect(result.cpuSeconds < maxWallSeconds, "used \(result.cpuSeconds) s of CPU")
    #expect(result.peakResidentBytes < maxPeakResidentBytes, "peak RSS \(result.peakResidentBytes >> 20) MiB")
  }

  static func isError(_ line: String) -> Bool {
    line.wholeMatch(of: /[^ ]+:\d+:\d+: error: .*/) != nil || line.hasPrefix("kiln: error: ")
  }

  /// A one-component project at `p/`: `kiln build dev` renders one ConfigMap.
  static func writeProject(in scratch: TemporaryDirectory, at root: String) throws {
    try scratch.write(
      root + "/components/web/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n")
    try scratch.write(root + "/environments/dev.yaml", "web: {enabled: true}\n")
  }
}

/// One hostile input: files to make, the command to run (from `directory` inside the scratch
/// directory), and what the first line of stderr must say.
struct HostileCase: Sendable, CustomTestStringConvertible {
  var name: String
  var arguments: [String]
  var directory = "p"
  var environment: [String: String] = [:]
  var status: Int32 = 1
  var message: String
  /// An `-o` file that must not exist afterwards.
  var output: String?
  /// A file (made by `prepare`, holding `untouchedText`) that must be left as it was.
  var untouched: String?
  var prepare: @Sendable (TemporaryDirectory) throws -> Void = { _ in }

  var testDescription: String { name }

  /// `kiln build dev -o out.yaml` in the project, plus `extra`.
  static func build(
    _ name: String, _ extra: [String] = [], message: String,
    prepare: @escaping @Sendable (TemporaryDirectory) throws -> Void = { _ in }
  ) -> HostileCase {
    HostileCase(
      name: name, arguments: ["build", "dev", "-o", "out.yaml"] + extra, message: message, output: "out.yaml",
      prepare: prepare)
  }

  static let all: [HostileCase] = defects + alreadyRefused

  static let untouchedText = "keep me\n"

  // MARK: Issue 11 §3

  static let defects: [HostileCase] = [
    gitOption("1: diff --base=--output=FILE", "--output=../victim.txt"),
    gitOption("1: diff --base=--remote=URL", "--remote=ssh://example.invalid/repo"),
    HostileCase(
      name: "2: schema pattern (a+)+b against 30 a's", arguments: ["build", "prod", "-o", "out.yaml"], directory: "r",
      message: "environments/prod.yaml:3:8: error: api.tag", output: "out.yaml",
      prepare: { scratch in
        try scratch.write("r/components/api/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n")
        try scratch.write(
          "r/environments/schema.json",
          #"{"type": "object", "properties": {"api": {"type": "object", "properties": {"tag": {"type": "string", "pattern": "^(a+)+b$"}}}}}"#
        )
        try scratch.write(
          "r/environments/prod.yaml", "api:\n  enabled: true\n  tag: \(String(repeating: "a", count: 30))\n")
      }),
    argoCD(
      "3: Argo CD value file in another tenant's checkout", "../../../other-tenant/values.yaml",
      message:
        "kiln: error: values file ../../../other-tenant/values.yaml resolves outside the application's repository"),
    argoCD(
      "3: Argo CD value file through a symlink out of the repository", "tenant.yaml",
      message: "kiln: error: values file tenant.yaml resolves outside the application's repository"),
    argoCD(
      "3: Argo CD value file /etc/shadow", "/etc/shadow",
      message: "kiln: error: values file /etc/shadow: no such file or directory"),
    build(
      "4: -f /dev/zero", ["-f", "/dev/zero"],
      message: "kiln: error: values file /dev/zero: is a character device, not a regular file"),
    build(
      "4: -f FIFO", ["-f", "../values.fifo"],
      message: "kiln: error: values file ../values.fifo: is a FIFO, not a regular file",
      prepare: { try fifo($0.path + "/values.fifo") }),
    build(
      "4: -f 100 MB values file", ["-f", "../big.yaml"],
      message: "kiln: error: values file ../big.yaml: is larger than 64 MiB",
      prepare: { try bigScalarFile($0.path + "/big.yaml", prefix: "web:\n  enabled: true\nnote: \"", megabytes: 100) }),
    HostileCase(
      name: "4: diff --against /dev/zero", arguments: ["diff", "dev", "--against", "/dev/zero"], status: 2,
      message: "kiln: error: /dev/zero: is a character device, not a regular file"),
    build(
      "6: 1 MB string aliased 10,000 times",
      message: "components/web/alias.yaml:24:8: error: aliases expand to more than 16 MiB of text",
      prepare: { scratch in
        let text =
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alias\n  annotations:\n    a: &a \""
          + String(repeating: "x", count: 1 << 20) + "\"\ndata:\n" + (0..<10_000).map { "  k\($0): *a\n" }.joined()
        try scratch.write("p/components/web/alias.yaml", text)
      }),
    // Four arguments of 2,000 entries.
    build(
      "7: --set with 8,000 list indexes of 65536",
      (0..<4).flatMap { j in ["--set", (0..<2000).map { "k\(j)_\($0)[65536]=1" }.joined(separator: ",")] },
      message: "error: list indexes in --set arguments add up to more than 1048576 elements"),
    // Eight thousand flags of one entry each (argument-parser alone took minutes over them,
    // before kiln saw one): refused at the sixteenth, where the budget runs out.
    build(
      "7: 8,000 --set flags of one list index of 65536",
      (0..<8000).flatMap { ["--set", "k\($0)[65536]=1"] },
      message: "--set:16:5: error: list indexes in --set arguments add up to more than 1048576 elements"),
    build(
      "8: dangling symlink in a component directory",
      message: "kiln: error: components/web/secret.yaml is a dangling symlink",
      prepare: { try symlink($0.path + "/p/components/web/secret.yaml", to: "moved.yaml") }),
    build(
      "8: looping symlink in a component directory",
      message: "kiln: error: components/web/loop.yaml is a symlink that loops",
      prepare: { try symlink($0.path + "/p/components/web/loop.yaml", to: "loop.yaml") }),
    build(
      "9: invalid UTF-8 on line 3", message: "components/web/bad.yaml:3:18: error: invalid leading UTF-8 octet",
      prepare: { scratch in
        try scratch.write(
          "p/components/web/bad.yaml",
          bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ".utf8) + [0xFF] + Array("}\n".utf8))
      }),
    build(
      "9: NUL on line 5", message: "components/web/bad.yaml:5:7: error: control characters are not allowed",
      prepare: { scratch in
        try scratch.write(
          "p/components/web/bad.yaml",
          bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad}\ndata:\n  a: \"".utf8) + [0]
            + Array("\"\n".utf8))
      }),
    build(
      "10: FIFO in a component directory",
      message: "kiln: error: components/web/pipe.yaml: is a FIFO, not a regular file",
      prepare: { try fifo($0.path + "/p/components/web/pipe.yaml") }),
    HostileCase(
      name: "10: FIFO named as a resource", arguments: ["kustomize", "k"], directory: ".",
      message: "k/kustomization.yaml:2:3: error: k/pipe.yaml: is a FIFO, not a regular file",
      prepare: { scratch in
        try scratch.write("k/kustomization.yaml", "resources:\n- pipe.yaml\n")
        try fifo(scratch.path + "/k/pipe.yaml")
      }),
  ]

  // MARK: Refused before issue 11

  static let alreadyRefused: [HostileCase] = [
    build(
      "billion laughs", message: "error: aliases expand to more than 100000 nodes; refusing a possible alias bomb",
      prepare: { scratch in
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a0 \"lol\"\n"
        for i in 1...9 {
          text += "  a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try scratch.write("p/components/web/lol.yaml", text)
      }),
    build(
      "100,000-deep nesting", message: "components/web/deep.yaml:1:257: error: nesting deeper than 256 levels",
      prepare: { scratch in
        try scratch.write(
          "p/components/web/deep.yaml",
          String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
      }),
    build(
      "100 MB document", message: "kiln: error: components/web/big.yaml: is larger than 64 MiB",
      prepare: {
        try bigScalarFile(
          $0.path + "/p/components/web/big.yaml",
          prefix: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: \"",
          megabytes: 100)
      }),
    build(
      "../ out of the project root",
      message:
        "components/web/kustomization.yaml:1:29: error: \"../../../etc/passwd\" is outside the project directory",
      prepare: {
        try $0.write("p/components/web/kustomization.yaml", "resources: [configmap.yaml, ../../../etc/passwd]\n")
      }),
    HostileCase(
      name: "../ out of a kustomization's root", arguments: ["kustomize", "k/base"], directory: ".",
      message: "k/base/kustomization.yaml:2:3: error: k/outside.yaml resolves to ",
      prepare: { scratch in
        try scratch.write("k/outside.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: o}\n")
        try scratch.write("k/base/kustomization.yaml", "resources:\n- ../outside.yaml\n")
      }),
    build(
      "symlink out of the project root",
      message: "kiln: error: components/web/passwd.yaml resolves to /etc/passwd, outside",
      prepare: { try symlink($0.path + "/p/components/web/passwd.yaml", to: "/etc/passwd") }),
    HostileCase(
      name: "directory symlink cycle", arguments: ["kustomize", "k"], directory: ".",
      message: "k/kustomization.yaml:2:3: error: k/loop includes itself through its resources",
      prepare: { scratch in
        try scratch.write("k/kustomization.yaml", "resources:\n- loop\n")
        try symlink(scratch.path + "/k/loop", to: ".")
      }),
    HostileCase(
      name: "kustomization cycle", arguments: ["kustomize", "k/a"], directory: ".",
      message: "k/b/kustomization.yaml:2:3: error: k/a includes itself through its resources",
      prepare: { scratch in
        try scratch.write("k/a/kustomization.yaml", "resources:\n- ../b\n")
        try scratch.write("k/b/kustomization.yaml", "resources:\n- ../a\n")
      }),
  ]

  /// `kiln diff dev --base=<ref>` in a project under git, with a ref that git would read as an
  /// option; `victim.txt` next to the project must be left as it was. (kiln diff's error
  /// status is 2: 1 means the sides differ.)
  static func gitOption(_ name: String, _ ref: String) -> HostileCase {
    HostileCase(
      name: name, arguments: ["diff", "dev", "--base=\(ref)"], status: 2,
      message: "kiln: error: \"\(ref)\" is not a git ref", untouched: "victim.txt",
      prepare: { scratch in
        try scratch.write("victim.txt", untouchedText)
        for arguments in [
          ["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "p"],
        ] {
          let git = try ProcessRunner.run("/usr/bin/git", ["-C", scratch.path + "/p"] + arguments)
          guard git.status == 0 else { throw POSIXError(.EIO) }
        }
      })
  }

  /// `kiln argocd` in application `apps/web` of repository `repo`, next to another tenant's
  /// checkout, with `values` as the plugin's KILN_VALUES.
  static func argoCD(_ name: String, _ values: String, message: String) -> HostileCase {
    HostileCase(
      name: name, arguments: ["argocd"], directory: "repo/apps/web",
      environment: [
        "ARGOCD_ENV_KILN_ENV": "dev", "ARGOCD_APP_SOURCE_PATH": "apps/web", "ARGOCD_ENV_KILN_VALUES": values,
      ],
      message: message,
      prepare: { scratch in
        try scratch.write("other-tenant/values.yaml", "namespace: hunter2\n")
        try HostileInputTests.writeProject(in: scratch, at: "repo/apps/web")
        try symlink(scratch.path + "/repo/apps/web/tenant.yaml", to: "../../../other-tenant/values.yaml")
      })
  }
}

private func fifo(_ path: String) throws {
  guard mkfifo(path, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}

private func symlink(_ path: String, to target: String) throws {
  try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
}

/// `prefix`, then a double-quoted scalar of `megabytes` million `x`, then `"\n`: one document of
/// that size, written a megabyte at a time.
private func bigScalarFile(_ path: String, prefix: String, megabytes: Int) throws {
  _ = FileManager.default.createFile(atPath: path, contents: nil)
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  try handle.write(contentsOf: Data(prefix.utf8))
  let chunk = Data(repeating: UInt8(ascii: "x"), count: 1_000_000)
  for _ in 0..<megabytes { try handle.write(contentsOf: chunk) }
  try handle.write(contentsOf: Data("\"\n".utf8))
}

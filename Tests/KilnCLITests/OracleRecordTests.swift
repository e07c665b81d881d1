import Foundation
import Testing

@testable import KilnTestSupport

/// The committed results of `kubectl kustomize` (`OracleRecord`) and the switch between them
/// and a live kubectl (`Kubectl`, `KILN_ORACLE`).
@Suite struct OracleRecordTests {
  /// With `KILN_ORACLE=live` or `record` (`make oracle`, `make oracle-record` run this first),
  /// the kubectl run is Kustomize v5.5.x; otherwise every committed record was made by one.
  @Test func kubectlIsKustomizeV55() throws {
    if try Kubectl.mode.get() != .recorded {
      let version = try Kubectl.oracleVersion.get()
      #expect(version.hasPrefix("v5.5."))
      return
    }
    let statuses = Self.recordStatusFiles()
    #expect(statuses.count >= 800, "only \(statuses.count) kubectl records")
    for path in statuses {
      let record = try #require(try OracleRecord.read(base: String(path.dropLast(".status".count))))
      #expect(record.kustomize.hasPrefix("v5.5."), "\(path) was recorded with Kustomize \(record.kustomize)")
    }
  }

  static func recordStatusFiles() -> [String] {
    let root = KilnBinary.repositoryRoot + "/Tests"
    var found: [String] = []
    for top in ["KustomizeCorpus", "OracleRecords"] {
      let files = FileManager.default.enumerator(atPath: root + "/" + top)?.compactMap { $0 as? String } ?? []
      found += files.filter { $0.hasSuffix(".status") }.map { root + "/" + top + "/" + $0 }
    }
    return found.sorted()
  }

  @Test func kustomizeVersionMustBeV55() throws {
    let v55 = "Client Version: v1.32.5\nKustomize Version: v5.5.0\n"
    #expect(try Kubectl.kustomizeVersion(v55, kubectl: "kubectl") == "v5.5.0")
    let v56 = "Client Version: v1.33.1\nKustomize Version: v5.6.0\n"
    #expect {
      try Kubectl.kustomizeVersion(v56, kubectl: "/opt/kubectl")
    } throws: { error in
      "\(error)".hasPrefix("/opt/kubectl has Kustomize v5.6.0, but the oracle records are of Kustomize v5.5.x")
    }
    #expect {
      try Kubectl.kustomizeVersion("Client Version: v1.20.0\n", kubectl: "kubectl")
    } throws: { error in
      "\(error)".contains("kubectl has Kustomize of unknown version (no `Kustomize Version:` line)")
    }
  }

  @Test func modeComesFromKilnOracle() throws {
    #expect(try Kubectl.mode(nil).get() == .recorded)
    #expect(try Kubectl.mode("").get() == .recorded)
    #expect(try Kubectl.mode("live").get() == .live)
    #expect(try Kubectl.mode("record").get() == .record)
    #expect(throws: RecordError.self) { try Kubectl.mode("Live").get() }
  }

  @Test func missingKubectlSaysWhereToGetIt() {
    let message = Kubectl.Missing().description
    #expect(message.contains("make oracle"))
    #expect(message.contains("pkgs.k8s.io"))
    #expect(!message.contains("apt-get install"))
  }

  // MARK: - Records

  @Test func kubectlsPathsAndLogHeadersAreNormalized() {
    let tree = "/tmp/kiln-oracle-1234"
    let stderr = """
      E1207 16:57:51.375545    6302 run.go:72] "command failed" err="file '/tmp/kiln-oracle-1234/app/x.yaml' is not in or below '/tmp/kiln-oracle-1234/app'"
      E1207 16:57:51.375545    6302 run.go:72] "command failed" err="lstat /tmp/base: no such file or directory"
      	    internal.config.kubernetes.io/refBy: Deployment.v1.apps/plat-app.tenant-a
      	  name: plat-app-config-dmchk9f4c6
      sigs.k8s.io/kustomize/api/resmap.getNamespacesForRoleBinding(0xc000685b00, {0x27e05a0, 0x7ffe4c299a6e})

      """
    let result = ProcessResult(status: 1, stdout: "", stderr: stderr, stdoutBytes: [])
    let record = OracleRecord(result, tree: tree, inputs: "abc", kustomize: "v5.5.0")
    #expect(
      record.stderr == """
        E0000 00:00:00.000000       0 run.go:72] "command failed" err="file '<tree>/app/x.yaml' is not in or below '<tree>/app'"
        E0000 00:00:00.000000       0 run.go:72] "command failed" err="lstat <tree>/../base: no such file or directory"
        	  name: plat-app-config-dmchk9f4c6
        sigs.k8s.io/kustomize/api/resmap.getNamespacesForRoleBinding(0x<address>, {0x27e05a0, 0x<address>})

        """)
  }

  @Test func aRecordReadsBackAsWritten() throws {
    let directory = try TemporaryDirectory(prefix: "kiln-record")
    let result = ProcessResult(status: 0, stdout: "a: 1\n", stderr: "# Warning: x\n", stdoutBytes: Array("a: 1\n".utf8))
    let record = OracleRecord(result, tree: directory.path, inputs: "0f", kustomize: "v5.5.0")
    try record.write(base: directory.path + "/case/kubectl")
    #expect(try directory.read("case/kubectl.status") == "exit 0\ninputs 0f\nkustomize v5.5.0\n")
    #expect(try directory.read("case/kubectl.stdout") == "a: 1\n")
    #expect(try OracleRecord.read(base: directory.path + "/case/kubectl") == record)
    #expect(try OracleRecord.read(base: directory.path + "/other/kubectl") == nil)
  }

  @Test func driftNamesTheFirstDifferingLine() {
    func record(_ status: Int32, _ stdout: String, inputs: String = "0f") -> OracleRecord {
      OracleRecord(
        ProcessResult(status: status, stdout: stdout, stderr: "", stdoutBytes: Array(stdout.utf8)), tree: "/t",
        inputs: inputs, kustomize: "v5.5.0")
    }
    let recorded = record(0, "a: 1\nb: 2\nc: 3\n")
    #expect(recorded.drift(to: record(0, "a: 1\nb: 2\nc: 3\n")) == nil)
    #expect(
      recorded.drift(to: record(0, "a: 1\nb: 20\nc: 3\n"))
        == "stdout: first difference at line 2:\n  kubectl: \"b: 20\"\n  record:  \"b: 2\"")
    #expect(recorded.drift(to: record(1, "")) == "exit status 1, recorded 0")
    #expect(recorded.drift(to: record(0, "a: 1\nb: 2\nc: 3\n", inputs: "1e")) != nil)
  }

  // MARK: - Keys

  @Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(SHA256.hex(Array(twoBlocks.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test func aTreesDigestIsItsContentsNotItsPlaceOrOrder() throws {
    let one = try TemporaryDirectory(prefix: "kiln-digest")
    try one.write("kustomization.yaml", "resources: [a/cm.yaml]\n")
    try one.write("a/cm.yaml", "kind: ConfigMap\n")
    let two = try TemporaryDirectory(prefix: "kiln-digest")
    try two.write("a/cm.yaml", "kind: ConfigMap\n")
    try two.write("kustomization.yaml", "resources: [a/cm.yaml]\n")
    try two.write("README", "what this case shows\n")
    #expect(TreeDigest.of(one.path, build: ".") == TreeDigest.of(two.path, build: ".", excluding: ["README"]))
    #expect(TreeDigest.of(one.path, build: ".") != TreeDigest.of(two.path, build: "."))
    #expect(TreeDigest.of(one.path, build: ".") != TreeDigest.of(one.path, build: "a"))

    try one.write("a/cm.yaml", "kind: ConfigMap \n")
    #expect(TreeDigest.of(one.path, build: ".") != TreeDigest.of(two.path, build: ".", excluding: ["README"]))
    try FileManager.default.createSymbolicLink(atPath: two.path + "/link", withDestinationPath: "a")
    let linked = TreeDigest.of(two.path, build: ".")
    try FileManager.default.removeItem(atPath: two.path + "/link")
    try FileManager.default.createSymbolicLink(atPath: two.path + "/link", withDestinationPath: "b")
    #expect(TreeDigest.of(two.path, build: ".") != linked)
  }
}

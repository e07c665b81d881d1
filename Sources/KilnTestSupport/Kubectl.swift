import Foundation

/// `kubectl kustomize` (Kustomize v5.5), the differential oracle for everything kiln shares with
/// Kustomize. What it prints for each tree a test builds is committed as an `OracleRecord`, so
/// the tests need no kubectl. `KILN_ORACLE` says where a result comes from:
///
/// - unset: the record. A missing record, or one made from other inputs, fails the test and
///   says to run `make oracle-record`.
/// - `live` (`make oracle`): kubectl, and any difference from the record is an error that shows
///   the first differing line.
/// - `record` (`make oracle-record`): kubectl, and the record is rewritten.
///
/// Live and record runs first check that kubectl's Kustomize is v5.5.x. `KUBECTL` names the
/// kubectl to run (default: `kubectl` on PATH).
public enum Kubectl {
  public enum Mode: String, Sendable {
    case recorded, live, record
  }

  public static let requiredKustomize = "v5.5."

  /// Builds `directory` (the tree itself unless given) of `tree`, the directory holding every
  /// file the build reads. The record is `Tests/OracleRecords/<calling file's name>/<digest>.*`,
  /// named by the tree's contents, so a test that changes its tree needs a new record.
  public static func kustomize(_ directory: String, tree: String? = nil, fileID: String = #fileID) throws
    -> ProcessResult
  {
    let tree = tree ?? directory
    let inputs = TreeDigest.of(tree, build: try relative(directory, in: tree))
    let suite = ((fileID as NSString).lastPathComponent as NSString).deletingPathExtension
    let base = recordsRoot + "/" + suite + "/" + inputs.prefix(16)
    return try result(building: directory, tree: tree, inputs: inputs, record: base)
  }

  /// Writes `files` into a fresh directory and builds it.
  public static func kustomize(files: [String: String], fileID: String = #fileID) throws -> ProcessResult {
    let dir = try TemporaryDirectory(prefix: "kiln-oracle")
    for (name, text) in files { try dir.write(name, text) }
    return try kustomize(dir.path, fileID: fileID)
  }

  /// Builds `directory` of `tree` with its record at `record` (a base path, see `OracleRecord`),
  /// leaving top-level entries named in `excluding` out of the tree's digest.
  public static func kustomize(
    _ directory: String, tree: String, record: String, excluding: Set<String>
  ) throws -> ProcessResult {
    let inputs = TreeDigest.of(tree, build: try relative(directory, in: tree), excluding: excluding)
    return try result(building: directory, tree: tree, inputs: inputs, record: record)
  }

  /// Where the records of the inline oracle suites live.
  public static let recordsRoot = KilnBinary.repositoryRoot + "/Tests/OracleRecords"

  static func relative(_ directory: String, in tree: String) throws -> String {
    if directory == tree { return "." }
    guard directory.hasPrefix(tree + "/") else {
      throw RecordError(description: "\(directory) is not inside the tree \(tree) whose contents key its record")
    }
    return String(directory.dropFirst(tree.count + 1))
  }

  static func result(building directory: String, tree: String, inputs: String, record base: String) throws
    -> ProcessResult
  {
    let shown =
      base.hasPrefix(KilnBinary.repositoryRoot + "/")
      ? String(base.dropFirst(KilnBinary.repositoryRoot.count + 1)) : base
    let recorded = try OracleRecord.read(base: base)
    switch try mode.get() {
    case .recorded:
      guard let recorded else {
        throw RecordError(
          description: "no kubectl record \(shown).status for this tree: run `make oracle-record` and commit it")
      }
      guard recorded.inputs == inputs else {
        throw RecordError(
          description:
            "the kubectl record \(shown).status is of other inputs (the tree changed since it was recorded): "
            + "run `make oracle-record` and commit it")
      }
      return recorded.result
    case .live:
      var live = try run(directory, tree: tree, inputs: inputs)
      guard let recorded else {
        throw RecordError(
          description: "no kubectl record \(shown).status for this tree: run `make oracle-record` and commit it")
      }
      // Which of several errors kubectl reports can follow Go's map order (corpus case 1112
      // names one of two ambiguous references, 1 run in 4 the other): when only stderr
      // differs, the record must be among a few more runs' results.
      var runs = 1
      while recorded.drift(to: live) != nil, live.status == recorded.status, live.stdout == recorded.stdout, runs < 20 {
        live = try run(directory, tree: tree, inputs: inputs)
        runs += 1
      }
      if let drift = recorded.drift(to: live) {
        let each = runs > 1 ? " (the last of \(runs) runs)" : ""
        throw RecordError(description: "kubectl kustomize drifted from its record \(shown)\(each): \(drift)")
      }
      return live.result
    case .record:
      let live = try run(directory, tree: tree, inputs: inputs)
      try live.write(base: base)
      return live.result
    }
  }

  /// kubectl's run, as a record.
  static func run(_ directory: String, tree: String, inputs: String) throws -> OracleRecord {
    let version = try oracleVersion.get()
    let result = try ProcessRunner.run(try path(), ["kustomize", directory])
    return OracleRecord(result, tree: tree, inputs: inputs, kustomize: version)
  }

  // MARK: - Mode and version

  /// `KILN_ORACLE`, read once.
  public static let mode: Result<Mode, RecordError> = mode(ProcessInfo.processInfo.environment["KILN_ORACLE"])

  public static func mode(_ value: String?) -> Result<Mode, RecordError> {
    guard let value, !value.isEmpty else { return .success(.recorded) }
    guard let mode = Mode(rawValue: value) else {
      return .failure(
        RecordError(description: "KILN_ORACLE=\(value): expected `live` or `record` (unset: read the records)"))
    }
    return .success(mode)
  }

  /// kubectl's Kustomize version, checked once per run to be v5.5.x.
  public static let oracleVersion: Result<String, Error> = Result {
    let kubectl = try path()
    let result = try ProcessRunner.run(kubectl, ["version", "--client"])
    return try kustomizeVersion(result.stdout + result.stderr, kubectl: kubectl)
  }

  /// The Kustomize version in `kubectl version --client`'s output, if it is v5.5.x.
  public static func kustomizeVersion(_ output: String, kubectl: String) throws -> String {
    let line = output.split(separator: "\n").first { $0.hasPrefix("Kustomize Version: ") }
    let version = line.map { String($0.dropFirst("Kustomize Version: ".count)).trimmingCharacters(in: .whitespaces) }
    guard let version, version.hasPrefix(requiredKustomize) else {
      throw RecordError(
        description: "\(kubectl) has Kustomize \(version ?? "of unknown version (no `Kustomize Version:` line)"), "
          + "but the oracle records are of Kustomize v5.5.x: run `make oracle` with kubectl v1.32.x "
          + "(KUBECTL=/path/to/kubectl names it)")
    }
    return version
  }

  public struct Missing: Error, CustomStringConvertible {
    public var description: String {
      "kubectl is not on PATH. It is needed only by `make oracle` and `make oracle-record` (KILN_ORACLE=live or record), "
        + "which re-run the recorded `kubectl kustomize` results; `make test` reads the records. They need kubectl v1.32.x, "
        + "whose `kubectl kustomize` is Kustomize v5.5.x. The Kubernetes project ships kubectl as release binaries "
        + "(https://kubernetes.io/docs/tasks/tools/) and as Debian and RPM packages at pkgs.k8s.io "
        + "(https://pkgs.k8s.io/core:/stable:/v1.32/deb/); KUBECTL=/path/to/kubectl names one off PATH."
    }
  }

  /// `KUBECTL` (a path, or a command on PATH), else `kubectl` on PATH.
  public static func path() throws -> String {
    let name = ProcessInfo.processInfo.environment["KUBECTL"].flatMap { $0.isEmpty ? nil : $0 } ?? "kubectl"
    if name.contains("/") {
      guard FileManager.default.isExecutableFile(atPath: name) else { throw Missing() }
      return name
    }
    guard let path = ProcessRunner.which(name) else { throw Missing() }
    return path
  }
}

import Foundation

/// What `kubectl kustomize` printed for one tree, committed so that the tests need no kubectl.
/// A record is three files sharing a base path:
///
///     <base>.stdout   stdout, byte for byte
///     <base>.stderr   stderr
///     <base>.status   exit <code>
///                     inputs <TreeDigest of the tree built>
///                     kustomize <version of the Kustomize that printed it>
///
/// Both streams are normalized the same way whether recorded or compared, so that a record is
/// the same on every machine: the tree's absolute path becomes `<tree>`; in stderr, the path
/// of the directory holding the tree becomes `<tree>/..` (kubectl names files a tree reaches
/// outside itself by their absolute path), klog's line header
/// (`E1207 16:57:51.375545    6302 run.go:72]`) loses its date, time and process id, and what
/// differs from run to run of the same kubectl is taken out: Go's memory addresses (in a
/// panic's stack or a printed pointer) become `0x<address>`, and the
/// `internal.config.kubernetes.io/refBy` lines of the objects an error prints are dropped
/// (kubectl adds them in map order: the same tree prints 0, 1 or 2 of them).
public struct OracleRecord: Equatable, Sendable {
  public var status: Int32
  public var stdout: [UInt8]
  public var stderr: String
  public var inputs: String
  public var kustomize: String

  public static let treePlaceholder = "<tree>"
  public static let suffixes = ["stdout", "stderr", "status"]

  /// The record of `result`, kubectl's run on `tree`.
  public init(_ result: ProcessResult, tree: String, inputs: String, kustomize: String) {
    status = result.status
    stdout = Self.normalized(result.stdoutBytes, tree: tree)
    stderr = Self.normalizedMessages(result.stderr, tree: tree)
    self.inputs = inputs
    self.kustomize = kustomize
  }

  public init(status: Int32, stdout: [UInt8], stderr: String, inputs: String, kustomize: String) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
    self.inputs = inputs
    self.kustomize = kustomize
  }

  /// The result as the tests see it, whether read from the record or from kubectl.
  public var result: ProcessResult {
    ProcessResult(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: stderr, stdoutBytes: stdout)
  }

  // MARK: - Normalizing

  static func normalized(_ text: String, tree: String) -> String {
    var text = text
    for path in treePaths(tree) { text = text.replacingOccurrences(of: path, with: treePlaceholder) }
    return text
  }

  static func normalizedMessages(_ text: String, tree: String) -> String {
    var text = normalized(text, tree: tree)
    let parents = treePaths(tree).map { ($0 as NSString).deletingLastPathComponent }
    for parent in Set(parents).sorted(by: { $0.count > $1.count }) where parent != "/" {
      text = text.replacingOccurrences(of: parent + "/", with: treePlaceholder + "/../")
    }
    text = text.replacing(klogHeader) { match in "\(match.output.1)0000 00:00:00.000000       0 " }
    text = text.replacing(#/\b0x[0-9a-f]{9,16}\b/#, with: "0x<address>")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.filter { !$0.contains("internal.config.kubernetes.io/refBy: ") }.joined(separator: "\n")
  }

  /// Output that is not UTF-8 is kept as it is (kubectl prints the tree's path only in errors).
  static func normalized(_ bytes: [UInt8], tree: String) -> [UInt8] {
    let text = String(decoding: bytes, as: UTF8.self)
    guard Array(text.utf8) == bytes else { return bytes }
    return Array(normalized(text, tree: tree).utf8)
  }

  /// The tree's path as given and as resolved (kubectl names files by both), longest first.
  static func treePaths(_ tree: String) -> [String] {
    let resolved = URL(fileURLWithPath: tree).resolvingSymlinksInPath().path
    return Set([tree, resolved]).sorted { $0.count > $1.count }
  }

  /// klog's header: severity, MMDD, time, thread id, then `file:line]`.
  nonisolated(unsafe) static let klogHeader = #/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /#
    .anchorsMatchLineEndings()

  // MARK: - Files

  /// The record at `base`, or nil when there is none (no status file).
  public static func read(base: String) throws -> OracleRecord? {
    guard let statusData = FileManager.default.contents(atPath: base + ".status") else { return nil }
    var fields: [String: String] = [:]
    for line in String(decoding: statusData, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
    }
    guard let status = fields["exit"].flatMap({ Int32($0) }), let inputs = fields["inputs"] else {
      throw RecordError(description: "\(base).status is not `exit <code>`, `inputs <digest>`, `kustomize <version>`")
    }
    func bytes(_ suffix: String) throws -> [UInt8] {
      guard let data = FileManager.default.contents(atPath: base + "." + suffix) else {
        throw RecordError(description: "\(base).\(suffix) is missing (\(base).status is there)")
      }
      return [UInt8](data)
    }
    return OracleRecord(
      status: status, stdout: try bytes("stdout"), stderr: String(decoding: try bytes("stderr"), as: UTF8.self),
      inputs: inputs, kustomize: fields["kustomize"] ?? "")
  }

  public func write(base: String) throws {
    let directory = (base as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let statusText = "exit \(status)\ninputs \(inputs)\nkustomize \(kustomize)\n"
    for (suffix, bytes) in [("stdout", stdout), ("stderr", Array(stderr.utf8)), ("status", Array(statusText.utf8))] {
      try Data(bytes).write(to: URL(fileURLWithPath: base + "." + suffix), options: .atomic)
    }
  }

  // MARK: - Drift

  /// Where `live` (kubectl now) first differs from this record, or nil when it does not. The
  /// Kustomize version is not compared: only what it printed.
  public func drift(to live: OracleRecord) -> String? {
    if live.inputs != inputs { return "the record is of other inputs (the tree changed since it was recorded)" }
    if live.status != status { return "exit status \(live.status), recorded \(status)" }
    if live.stdout != stdout {
      return "stdout: "
        + Self.firstDifference(String(decoding: live.stdout, as: UTF8.self), String(decoding: stdout, as: UTF8.self))
    }
    if live.stderr != stderr { return "stderr: " + Self.firstDifference(live.stderr, stderr) }
    return nil
  }

  /// The first line where `live` and `recorded` differ, both shown.
  public static func firstDifference(_ live: String, _ recorded: String) -> String {
    let a = live.split(separator: "\n", omittingEmptySubsequences: false)
    let b = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
    let now = i < a.count ? String(a[i]).debugDescription : "<end>"
    let then = i < b.count ? String(b[i]).debugDescription : "<end>"
    return "first difference at line \(i + 1):\n  kubectl: \(now)\n  record:  \(then)"
  }
}

public struct RecordError: Error, CustomStringConvertible {
  public var description: String
}

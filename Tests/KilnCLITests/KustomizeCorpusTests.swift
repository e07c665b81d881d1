import Foundation
import KilnTestSupport
import Testing

/// The differential corpus of `Tests/KustomizeCorpus/`: every case directory is built by
/// `kubectl kustomize` (Kustomize v5.5, the oracle) and by `kiln kustomize`, and the two must
/// agree. kubectl's stdout, stderr and exit status are recorded beside the case
/// (`kubectl.stdout`, `kubectl.stderr`, `kubectl.status`: see `OracleRecord`) and read from
/// there unless `KILN_ORACLE` says to run kubectl (see `Kubectl`). When kubectl succeeds, kiln must succeed with byte-identical stdout and the same
/// `# Warning:` lines on stderr; when kubectl fails, kiln must exit 1 with nothing on stdout and
/// a located (`path:line:column: error: …`) or plain (`kiln: error: …`) message. kiln's own
/// located warnings (`path:line:column: warning: …`, at input kubectl reads silently its own
/// way) are kiln's alone: they are neither compared nor taken for the error.
///
/// A case is a directory `Tests/KustomizeCorpus/<NNN-name>/` with a one-line `README`; the
/// directory built is the case directory itself or, when the case has a file `BUILD`, the path
/// written in it (relative to the case). `Tests/KustomizeCorpus/unsupported/<name>/` holds trees
/// using a field kiln refuses whatever kubectl does: kiln must exit 1, print nothing on stdout and
/// name the field (or say "remote") on stderr. kubectl is never run on those (some are remote).
///
/// Every case is run once, up front and in parallel, so that each failure can say how many cases
/// pass in all.
@Suite struct KustomizeCorpusTests {
  static let corpusRoot = KilnBinary.repositoryRoot + "/Tests/KustomizeCorpus"
  static let unsupportedRoot = corpusRoot + "/unsupported"

  /// Case directory names under `root`, sorted.
  static func caseNames(in root: String, excluding: Set<String> = []) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return !name.hasPrefix(".") && !excluding.contains(name)
        && FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
    }.sorted()
  }

  static let cases = caseNames(in: corpusRoot, excluding: ["unsupported"])
  static let unsupportedCases = caseNames(in: unsupportedRoot)

  /// The directory to build for a case, relative to the case directory ("." unless `BUILD` says).
  static func buildPath(caseDirectory: String) -> String {
    guard let text = try? String(contentsOfFile: caseDirectory + "/BUILD", encoding: .utf8) else { return "." }
    let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? "." : path
  }

  /// Runs `kiln kustomize <relative>` from `caseDirectory`, so that error locations are short
  /// relative paths. Under `timeout` when available, so a hang fails one case, not the suite.
  static func runKiln(caseDirectory: String, relative: String) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    if let timeout = ProcessRunner.which("timeout") {
      return try ProcessRunner.run(
        timeout, ["120", KilnBinary.path, "kustomize", relative], directory: caseDirectory, environment: environment)
    }
    return try KilnBinary.run(["kustomize", relative], directory: caseDirectory, environment: environment)
  }

  static func warningLines(_ stderr: String) -> [String] {
    stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
      $0.hasPrefix("# Warning:")
    }
  }

  /// The first stderr line that is not a warning: neither kubectl's `# Warning:` lines nor
  /// kiln's own located warnings (`path:line:column: warning: …`, with the source excerpt,
  /// notes and hint under them), which kiln kustomize prints where kubectl reads odd input
  /// silently (a key written twice). Those are kiln's alone, so they are not compared.
  static func firstErrorLine(_ stderr: String) -> String? {
    var inWarning = false
    for line in stderr.split(separator: "\n").map(String.init) {
      if line.hasPrefix("# Warning:") { continue }
      if line.wholeMatch(of: /[^ ]+:\d+:\d+: warning: .*/) != nil || line.hasPrefix("kiln: warning: ") {
        inWarning = true
        continue
      }
      if inWarning && (line.hasPrefix(" ") || line.hasPrefix("note: ") || line.hasPrefix("hint: ")) { continue }
      return line
    }
    return nil
  }

  static func isWellFormedError(_ line: String) -> Bool {
    line.wholeMatch(of: /[^ ]+:\d+:\d+: error: .*/) != nil || line.hasPrefix("kiln: error: ")
  }

  /// The first differing line of two texts with two lines of context, for a failure message.
  static func firstDifference(actual: String, expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < min(a.count, e.count) && a[i] == e[i] { i += 1 }
    let lines = (max(0, i - 2)..<min(max(a.count, e.count), i + 3)).map { n in
      "\(n + 1): kubectl \(n < e.count ? String(e[n]) : "<end>")\n\(n + 1): kiln    \(n < a.count ? String(a[n]) : "<end>")"
    }
    return "first difference at line \(i + 1):\n" + lines.joined(separator: "\n")
  }

  /// The verdict for one case: nil when kiln agrees with kubectl, else why not.
  struct Outcome: Sendable {
    var kubectlFailed: Bool
    var problems: [String]
    var passed: Bool { problems.isEmpty }
  }

  /// The base path of a case's kubectl record, and the files of a case that are no input.
  static func recordBase(caseDirectory: String) -> String { caseDirectory + "/kubectl" }
  static let notInputs: Set<String> = Set(["README", "BUILD"] + OracleRecord.suffixes.map { "kubectl." + $0 })

  /// What kubectl printed for the case, from its record (or from kubectl, by `KILN_ORACLE`).
  static func kubectl(caseDirectory: String) throws -> ProcessResult {
    let relative = buildPath(caseDirectory: caseDirectory)
    let absolute = relative == "." ? caseDirectory : caseDirectory + "/" + relative
    return try Kubectl.kustomize(
      absolute, tree: caseDirectory, record: recordBase(caseDirectory: caseDirectory), excluding: notInputs)
  }

  static func check(_ name: String) throws -> Outcome {
    let caseDirectory = corpusRoot + "/" + name
    let relative = buildPath(caseDirectory: caseDirectory)
    let oracle = try kubectl(caseDirectory: caseDirectory)
    let kiln = try runKiln(caseDirectory: caseDirectory, relative: relative)
    var problems: [String] = []
    if kiln.status == 124 {
      problems.append("kiln kustomize timed out")
    } else if oracle.status == 0 {
      if kiln.status != 0 {
        problems.append("kubectl succeeded but kiln exited \(kiln.status):\n\(kiln.stderr)")
      } else if kiln.stdoutBytes != oracle.stdoutBytes {
        problems.append(
          "stdout differs from kubectl kustomize (\(kiln.stdoutBytes.count) vs \(oracle.stdoutBytes.count) bytes); "
            + firstDifference(actual: kiln.stdout, expected: oracle.stdout))
      }
      let (kilnWarnings, kubectlWarnings) = (warningLines(kiln.stderr), warningLines(oracle.stderr))
      if kiln.status == 0 && kilnWarnings != kubectlWarnings {
        problems.append(
          "warnings differ:\nkubectl:\n\(kubectlWarnings.joined(separator: "\n"))\nkiln:\n\(kilnWarnings.joined(separator: "\n"))"
        )
      }
    } else {
      let kubectlError = oracle.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      if kiln.status != 1 {
        problems.append("kubectl failed (\(kubectlError)) but kiln exited \(kiln.status)")
      }
      if !kiln.stdoutBytes.isEmpty {
        problems.append("kiln printed \(kiln.stdoutBytes.count) bytes on stdout for a failing build")
      }
      // kubectl warns as it reads each kustomization, so the warnings it printed before it
      // failed are the ones kiln must print before its error.
      let (kilnWarnings, kubectlWarnings) = (warningLines(kiln.stderr), warningLines(oracle.stderr))
      if kilnWarnings != kubectlWarnings {
        problems.append(
          "warnings differ:\nkubectl:\n\(kubectlWarnings.joined(separator: "\n"))\nkiln:\n\(kilnWarnings.joined(separator: "\n"))"
        )
      }
      if kiln.status != 0 {
        let line = firstErrorLine(kiln.stderr) ?? ""
        if !isWellFormedError(line) {
          problems.append("kiln's error is not `path:line:column: error: …` nor `kiln: error: …`: \(line)")
        }
      }
    }
    return Outcome(kubectlFailed: oracle.status != 0, problems: problems)
  }

  static func checkUnsupported(_ name: String) throws -> Outcome {
    let caseDirectory = unsupportedRoot + "/" + name
    let kiln = try runKiln(caseDirectory: caseDirectory, relative: buildPath(caseDirectory: caseDirectory))
    var problems: [String] = []
    // The field named is the case's name ("remote-…" cases must say "remote").
    let expectedWord = name.hasPrefix("remote") ? "remote" : name
    if kiln.status != 1 { problems.append("kiln exited \(kiln.status), expected 1") }
    if !kiln.stdoutBytes.isEmpty { problems.append("kiln printed \(kiln.stdoutBytes.count) bytes on stdout") }
    if !kiln.stderr.contains(expectedWord) {
      problems.append(
        "stderr does not name `\(expectedWord)`: \(kiln.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    if kiln.status != 0, let line = firstErrorLine(kiln.stderr), !isWellFormedError(line) {
      problems.append("kiln's error is not `path:line:column: error: …` nor `kiln: error: …`: \(line)")
    }
    return Outcome(kubectlFailed: true, problems: problems)
  }

  /// Runs `check` over `names` on every core; an error (kubectl missing) is kept per case.
  static func runAll(_ names: [String], _ check: @escaping @Sendable (String) throws -> Outcome) -> [String: Result<
    Outcome, Error
  >] {
    let lock = NSLock()
    nonisolated(unsafe) var results: [String: Result<Outcome, Error>] = [:]
    DispatchQueue.concurrentPerform(iterations: names.count) { index in
      let result = Result { try check(names[index]) }
      lock.lock()
      results[names[index]] = result
      lock.unlock()
    }
    return results
  }

  static let results: [String: Result<Outcome, Error>] = runAll(cases, check)
  static let unsupportedResults: [String: Result<Outcome, Error>] = runAll(unsupportedCases, checkUnsupported)

  static func summary(_ results: [String: Result<Outcome, Error>], _ what: String) -> String {
    let outcomes = results.values.compactMap { try? $0.get() }
    let passed = outcomes.filter(\.passed).count
    let failing = outcomes.filter(\.kubectlFailed)
    return "\(what): \(passed) of \(results.count) cases pass"
      + " (kubectl fails on \(failing.count), kiln agrees on \(failing.filter(\.passed).count) of them)"
  }

  @Test(arguments: cases)
  func matchesKubectlKustomize(_ name: String) throws {
    let outcome = try #require(Self.results[name]).get()
    if !outcome.passed {
      Issue.record(
        "\(name): \(outcome.problems.joined(separator: "\n"))\n\(Self.summary(Self.results, "kustomize corpus"))")
    }
  }

  @Test(arguments: unsupportedCases)
  func unsupportedFieldIsRefused(_ name: String) throws {
    let outcome = try #require(Self.unsupportedResults[name]).get()
    if !outcome.passed {
      Issue.record(
        "unsupported/\(name): \(outcome.problems.joined(separator: "\n"))\n\(Self.summary(Self.unsupportedResults, "unsupported corpus"))"
      )
    }
  }

  /// Every case has its kubectl record, made from the case as it is now, and no case names a
  /// record file (which would make it an input).
  @Test func everyCaseHasItsKubectlRecord() throws {
    // When kubectl is being recorded, check the records once every case has been recorded.
    if try Kubectl.mode.get() != .recorded { _ = Self.results }
    var problems: [String] = []
    for name in Self.cases {
      let caseDirectory = Self.corpusRoot + "/" + name
      let base = Self.recordBase(caseDirectory: caseDirectory)
      let missing = OracleRecord.suffixes.filter { !FileManager.default.fileExists(atPath: base + "." + $0) }
      if !missing.isEmpty {
        problems.append("\(name): no " + missing.map { "kubectl." + $0 }.joined(separator: ", "))
      } else if let record = try OracleRecord.read(base: base) {
        let relative = Self.buildPath(caseDirectory: caseDirectory)
        let inputs = TreeDigest.of(caseDirectory, build: relative, excluding: Self.notInputs)
        if record.inputs != inputs { problems.append("\(name): kubectl.status is of other inputs (the case changed)") }
      }
    }
    #expect(
      problems.isEmpty,
      "\(problems.count) cases without an up-to-date record (run `make oracle-record`):\n\(problems.joined(separator: "\n"))"
    )
  }

  @Test func noCaseNamesItsRecord() throws {
    var naming: [String] = []
    for name in Self.cases {
      let caseDirectory = Self.corpusRoot + "/" + name
      let files = FileManager.default.enumerator(atPath: caseDirectory)?.compactMap { $0 as? String } ?? []
      for file in files where !Self.notInputs.contains(file) {
        guard let data = FileManager.default.contents(atPath: caseDirectory + "/" + file) else { continue }
        let text = String(decoding: data, as: UTF8.self)
        if OracleRecord.suffixes.contains(where: { text.contains("kubectl." + $0) }) {
          naming.append(name + "/" + file)
        }
      }
    }
    #expect(naming.isEmpty, "case files naming a kubectl record: \(naming)")
  }

  /// The corpus itself is well formed: enough cases, each with a README and an existing build directory.
  @Test func corpusIsWellFormed() throws {
    #expect(Self.cases.count >= 100, "only \(Self.cases.count) cases in \(Self.corpusRoot)")
    #expect(Self.unsupportedCases.count >= 2, "only \(Self.unsupportedCases.count) unsupported cases")
    for name in Self.cases.map({ Self.corpusRoot + "/" + $0 })
      + Self.unsupportedCases.map({ Self.unsupportedRoot + "/" + $0 })
    {
      #expect(FileManager.default.fileExists(atPath: name + "/README"), "\(name) has no README")
      var isDirectory: ObjCBool = false
      let build = name + "/" + Self.buildPath(caseDirectory: name)
      #expect(
        FileManager.default.fileExists(atPath: build, isDirectory: &isDirectory) && isDirectory.boolValue,
        "\(name): BUILD names \(build), which is not a directory")
    }
  }
}

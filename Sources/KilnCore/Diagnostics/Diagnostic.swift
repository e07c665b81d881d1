public import KilnYAML

/// One problem found in the user's input, reported like a compiler does:
/// `path:line:column: error: message`, the source line with a caret, then notes and a hint.
///
/// Messages are lowercase, name the offending thing in quotes, and carry no trailing period.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var location: SourceLocation?
  public var message: String
  public var notes: [String]
  public var hint: String?
  /// The text to show under the message when the location is not in a file (a `--set`
  /// argument, say). File-based locations are shown from the file itself.
  public var sourceLine: String?

  public init(
    _ severity: Severity = .error, _ message: String, at location: SourceLocation?,
    notes: [String] = [], hint: String? = nil, sourceLine: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
    self.hint = hint
    self.sourceLine = sourceLine
  }

  public static func error(
    _ message: String, at location: SourceLocation?, notes: [String] = [], hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, message, at: location, notes: notes, hint: hint)
  }

  public init(_ error: YAMLError) {
    self.init(.error, error.message, at: error.location, notes: error.notes)
  }

  /// The first line, without source excerpt: `path:line:column: error: message`.
  public var description: String {
    let place = location.map { $0.isGenerated ? "kiln: " : "\($0): " } ?? "kiln: "
    return "\(place)\(severity.rawValue): \(message)"
  }
}

/// Every problem of one run. Thrown when at least one is an error, so that all of them are
/// reported together rather than one per run.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while work goes on, so one run reports every independent problem.
public struct DiagnosticCollector: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  public mutating func add(contentsOf error: DiagnosticError) {
    diagnostics.append(contentsOf: error.diagnostics)
  }

  /// Runs `body`, recording what it throws instead of stopping.
  @discardableResult
  public mutating func recording<T>(_ body: () throws -> T) -> T? {
    do {
      return try body()
    } catch {
      record(error)
      return nil
    }
  }

  /// Records a thrown error: kiln's own diagnostics as they are, anything else as a message.
  public mutating func record(_ error: any Error) {
    switch error {
    case let error as DiagnosticError: add(contentsOf: error)
    case let error as Diagnostic: add(error)
    case let error as YAMLError: add(Diagnostic(error))
    default: add(.error("\(error)", at: nil))
    }
  }

  /// Throws everything collected when any of it is an error.
  public func throwIfErrors() throws {
    if hasErrors { throw DiagnosticError(diagnostics) }
  }
}

/// A YAML input problem at a source position: a syntax error, a duplicate key, an alias
/// bomb, nesting beyond the limit. The message reads like a compiler diagnostic, lowercase
/// and without a trailing period.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String
  public var notes: [String]

  public init(_ message: String, at location: SourceLocation, notes: [String] = []) {
    self.message = message
    self.location = location
    self.notes = notes
  }

  public var description: String { "\(location): error: \(message)" }
}

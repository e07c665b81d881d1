import Foundation
import KilnTestSupport
import Testing

/// One colour policy for every command: NO_COLOR (any non-empty value) turns colour off,
/// FORCE_COLOR turns it on where output is not a terminal.
@Suite struct ColourTests {
  let escape = "\u{1B}["

  func run(_ arguments: [String], _ settings: [String: String]) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = nil
    environment["FORCE_COLOR"] = nil
    environment.merge(settings) { $1 }
    if environment["NO_COLOR"] == nil { environment["NO_COLOR"] = "" }
    return try KilnBinary.run(arguments, environment: environment)
  }

  @Test func diffHonoursNoColorAndForceColor() throws {
    #expect(try run(["diff", "dev", "prod"], ["FORCE_COLOR": "1"]).stdout.contains(escape))
    #expect(!(try run(["diff", "dev", "prod"], ["FORCE_COLOR": "1", "NO_COLOR": "1"]).stdout.contains(escape)))
    #expect(!(try run(["diff", "dev", "prod"], [:]).stdout.contains(escape)))
  }

  @Test func diagnosticsHonourTheSamePolicy() throws {
    #expect(try run(["build", "staging"], ["FORCE_COLOR": "1"]).stderr.contains(escape))
    #expect(!(try run(["build", "staging"], ["FORCE_COLOR": "1", "NO_COLOR": "yes"]).stderr.contains(escape)))
    #expect(!(try run(["build", "staging"], [:]).stderr.contains(escape)))
  }
}

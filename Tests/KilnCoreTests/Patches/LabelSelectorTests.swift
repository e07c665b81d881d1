import Testing

@testable import KilnCore

/// Kubernetes label selectors in their string form, as `labels.Parse` reads them.
@Suite struct LabelSelectorTests {
  static let labels = ["app": "web", "tier": "frontend", "replicas": "3"]

  static func matches(_ selector: String) throws -> Bool {
    try LabelSelector(selector).matches(labels)
  }

  @Test func equalityAndInequality() throws {
    #expect(try Self.matches("app=web"))
    #expect(try Self.matches("app==web"))
    #expect(try !Self.matches("app!=web"))
    #expect(try Self.matches("missing!=x"))
  }

  @Test func sets() throws {
    #expect(try Self.matches("app in (api,web)"))
    #expect(try !Self.matches("app notin (web)"))
    #expect(try Self.matches("missing notin (web)"))
  }

  @Test func existenceAndNumbers() throws {
    #expect(try Self.matches("tier"))
    #expect(try Self.matches("!canary"))
    #expect(try !Self.matches("!tier"))
    #expect(try Self.matches("replicas>2"))
    #expect(try !Self.matches("replicas<2"))
  }

  @Test func commasJoinRequirementsThatMustAllHold() throws {
    #expect(try Self.matches("app=web, tier in (frontend)"))
    #expect(try !Self.matches("app=web,tier=backend"))
    #expect(try Self.matches(""))
  }

  @Test func valuesMustBeLabelValues() {
    #expect(throws: LabelSelector.SelectorError.self) { try LabelSelector("note=hello world") }
    #expect(throws: LabelSelector.SelectorError.self) { try LabelSelector("a in b") }
    #expect(throws: LabelSelector.SelectorError.self) { try LabelSelector("app=web,") }
  }
}

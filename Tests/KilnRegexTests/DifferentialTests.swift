import Foundation
import KilnRegex
import Testing

/// Every case RE2 answered in `RE2Cases.json` (recorded by `Scripts/record-re2-cases.py`; its
/// `--check` asks RE2 again): whether the pattern compiles, the leftmost-first match with its
/// groups, and Go's find-all walk, all in UTF-8 offsets.
@Suite struct DifferentialTests {
  struct Case: Decodable, CustomTestStringConvertible {
    let pattern: String
    let input: String
    let error: Bool
    let match: [Int]?
    let all: [[Int]]?
    var testDescription: String { "\(pattern) on \(input.debugDescription.prefix(40))" }
  }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RE2Cases.json")
    let data = try! Data(contentsOf: url)
    return try! JSONDecoder().decode([Case].self, from: data)
  }()

  @Test func recordedCasesAreMany() {
    #expect(Self.cases.count >= 400)
  }

  @Test(arguments: cases) func agreesWithRE2(_ c: Case) {
    let regex: RE2Regex
    do {
      regex = try RE2Regex(c.pattern)
    } catch {
      #expect(c.error, "refused, RE2 accepts: \(error)")
      return
    }
    #expect(!c.error, "accepted, RE2 refuses")
    if c.error { return }
    #expect(regex.matches(c.input) == (c.match != nil))
    #expect(regex.firstMatch(in: c.input)?.slots == c.match)
    let all = regex.allMatches(in: c.input).map { Array($0.slots.prefix(2)) }
    #expect(all == (c.all ?? []))
  }
}

import KilnRegex
import Testing

/// Patterns that take exponential time in a backtracking engine: with 40 characters each of
/// these would run for days there (2^40 paths); here they answer at once, even on 100,000.
@Suite struct BlowUpTests {
  static let patterns = ["(a+)+b", "(a|aa)*c", "(x+x+)+y", "^(a+)+$", "(a*)*b", "(?:a?){40}a{40}"]

  static func input(_ pattern: String, _ n: Int) -> String {
    let c: Character = pattern.contains("x") ? "x" : "a"
    return String(repeating: c, count: n) + (pattern.hasSuffix("$") ? "!" : "")
  }

  @Test(arguments: patterns) func noMatchOnFortyCharacters(_ pattern: String) throws {
    let regex = try RE2Regex(pattern)
    let text = Self.input(pattern, 40)
    if pattern == "(?:a?){40}a{40}" {
      // The classic: a?^n a^n against a^n matches, with every a? empty.
      #expect(regex.firstMatch(in: text)?.utf8Range(0) == 0..<40)
    } else {
      #expect(!regex.matches(text))
      #expect(regex.firstMatch(in: text) == nil)
      #expect(regex.allMatches(in: text).isEmpty)
    }
  }

  @Test(arguments: ["(a+)+b", "(a|aa)*c", "(x+x+)+y"]) func hundredThousandCharacters(_ pattern: String) throws {
    let regex = try RE2Regex(pattern)
    let text = Self.input(pattern, 100_000)
    #expect(!regex.matches(text))
    let last: Character = pattern.last == "b" ? "b" : pattern.last == "c" ? "c" : "y"
    let hit = regex.firstMatch(in: text + String(last))
    #expect(hit?.utf8Range(0) == 0..<100_001)
  }
}

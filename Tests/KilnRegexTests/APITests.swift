import KilnRegex
import Testing

/// The API Sprig's `regex*` functions and kiln's selectors use, each answer as Go gives it.
@Suite struct APITests {
  @Test func firstMatchGivesGroupsAsSubstrings() throws {
    let regex = try RE2Regex(#"(?P<first>\w+) (?P<last>\w+)"#)
    let m = try #require(regex.firstMatch(in: "— Ada Lovelace —"))
    #expect(m[0] == "Ada Lovelace")
    #expect(m[1] == "Ada")
    #expect(m[2] == "Lovelace")
    #expect(m.utf8Range(0) == 4..<16)
    #expect(regex.groupNames == [nil, "first", "last"])
    #expect(regex.numberOfGroups == 2)
  }

  @Test func groupThatTookNoPartIsNil() throws {
    let m = try #require(try RE2Regex("(a)|(b)").firstMatch(in: "b"))
    #expect(m[1] == nil)
    #expect(m[2] == "b")
  }

  @Test func findAllSkipsEmptyMatchRightAfterAMatch() throws {
    // Go: regexp.MustCompile(`a*`).FindAllString("baaac", -1) == ["" "aaa" ""]
    let texts = try RE2Regex("a*").allMatches(in: "baaac").map { String($0[0]!) }
    #expect(texts == ["", "aaa", ""])
  }

  @Test func replaceAllExpandsGroups() throws {
    let regex = try RE2Regex(#"(?P<key>\w+)=(\w+)"#)
    #expect(regex.replaceAll(in: "a=1, b=2", with: "$2:${key}") == "1:a, 2:b")
    #expect(regex.replaceAll(in: "a=1", with: "$$1") == "$1")
    // `$1x` names a group "1x", which does not exist: Go writes nothing for it.
    #expect(regex.replaceAll(in: "a=1", with: "$1x") == "")
    #expect(regex.replaceAll(in: "a=1", with: "${1}x") == "ax")
    #expect(regex.replaceAll(in: "a=1", with: "$") == "$")
    #expect(regex.replaceAll(in: "a=1", with: "${key") == "${key")
  }

  @Test func replaceAllWithEmptyMatches() throws {
    // Go: regexp.MustCompile(`x*`).ReplaceAllString("abc", "-") == "-a-b-c-"
    #expect(try RE2Regex("x*").replaceAll(in: "abc", with: "-") == "-a-b-c-")
    // Go: regexp.MustCompile(`a*`).ReplaceAllString("baaac", "-") == "-b-c-"
    #expect(try RE2Regex("a*").replaceAll(in: "baaac", with: "-") == "-b-c-")
    #expect(try RE2Regex("é").replaceAll(in: "café é", with: "e") == "cafe e")
  }

  @Test func literalPatternsMatchAsGoDoes() throws {
    #expect(try RE2Regex("nginx").matches("my-nginx-1"))
    #expect(try !RE2Regex("^(?:nginx)$").matches("my-nginx"))
    #expect(try RE2Regex("^(?:nginx)$").matches("nginx"))
    #expect(try RE2Regex("^api").matches("api-1"))
    #expect(try RE2Regex("-1$").matches("api-1"))
    #expect(try !RE2Regex("-1$").matches("api-1\n"))
    #expect(try RE2Regex("").matches(""))
  }

  @Test func positionsAreUTF8Offsets() throws {
    let m = try #require(try RE2Regex("b+").firstMatch(in: "日bb"))
    #expect(m.utf8Range(0) == 3..<5)
    #expect(m[0] == "bb")
  }

  /// `x{2,1000}` nests a thousand optional copies (Go's `xx(x(x…)?)?`).
  @Test func countedRepetitionAtGosLimit() throws {
    let regex = try RE2Regex("(?:ab){2,1000}c")
    #expect(regex.firstMatch(in: String(repeating: "ab", count: 1200) + "c")?.utf8Range(0) == 400..<2401)
    #expect(!regex.matches(String(repeating: "ab", count: 1200)))
  }

  @Test func isSendable() throws {
    let regex = try RE2Regex("a+")
    let check: @Sendable () -> Bool = { regex.matches("caat") }
    #expect(check())
  }
}

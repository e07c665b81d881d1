import KilnYAML
import Testing

@testable import KilnCore

/// `$(NAME)` expansion in one string, as `kubectl kustomize` (v5.5) expands it: each case is
/// input → output with the vars `SVC = web`, `PORT = 8080` (a number), `TLS = true`,
/// `RATIO = 0.5`, `BIG = 1234567.0` and `MAP` (a map).
@Suite struct VarExpansionTests {
  let expansion = VarExpansion(values: [
    "SVC": .string("web"), "PORT": .int(8080), "TLS": .bool(true), "RATIO": .float(0.5), "BIG": .float(1_234_567),
    "MAP": .unusable,
  ])

  func expand(_ input: String) -> Scalar? {
    var used: [String] = []
    switch expansion.expand(input, used: &used) {
    case .unchanged: return nil
    case .scalar(let scalar): return scalar
    }
  }

  @Test func referenceInsideTextIsReplacedByItsValue() {
    #expect(expand("--upstream=http://$(SVC):$(PORT)/") == Scalar("--upstream=http://web:8080/"))
  }

  @Test func wholeFieldReferenceKeepsTheValuesType() {
    #expect(expand("$(PORT)") == Scalar("8080", tag: .int))
    #expect(expand("$(TLS)") == Scalar("true", tag: .bool))
    #expect(expand("$(BIG)") == Scalar("1234567", tag: .float))
    #expect(expand("$(SVC)") == Scalar("web"))
  }

  @Test func numbersInsideTextArePrintedAsGoPrintsThem() {
    #expect(expand("x$(BIG)") == Scalar("x1.234567e+06"))
    #expect(expand("ratio=$(RATIO)") == Scalar("ratio=0.5"))
    #expect(expand("tls=$(TLS)") == Scalar("tls=true"))
  }

  @Test func doubleDollarIsAnEscapedDollar() {
    #expect(expand("$$(SVC)") == Scalar("$(SVC)"))
    #expect(expand("a$$b") == Scalar("a$b"))
  }

  @Test func unknownUnclosedAndMapReferencesStayAsWritten() {
    #expect(expand("$(NOPE)") == nil)
    #expect(expand("$(SVC") == nil)
    #expect(expand("$(MAP)") == nil)
    #expect(expand("pre-$(MAP)-$(SVC)") == Scalar("pre-$(MAP)-web"))
    #expect(expand("costs $5 or $") == nil)
    #expect(expand("$()") == nil)
  }

  @Test func valuesAreNotExpandedAgain() {
    let nested = VarExpansion(values: ["A": .string("$(B)"), "B": .string("b")])
    var used: [String] = []
    #expect(nested.expand("$(A)-$(B)", used: &used) == .scalar(Scalar("$(B)-b")))
    #expect(used == ["A", "B"])
  }

  @Test func onlyResolvedReferencesCountAsUsed() {
    var used: [String] = []
    _ = expansion.expand("$(SVC) $(MAP) $(NOPE) $(SVC)", used: &used)
    #expect(used == ["SVC", "SVC"])
  }
}

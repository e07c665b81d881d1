import KilnCore
import KilnYAML
import Testing

private typealias Place = KilnYAML.SourceLocation

/// `--set`, `--set-string` and `--set-json`, one example per rule of Helm's grammar
/// (research/helm-argocd-validators.md §1a). Each row: the flag's argument → the values.
@Suite struct HelmSetParserTests {
  /// Applies each argument in turn, as repeated flags of one flavor, onto `base`.
  func apply(_ arguments: [String], _ flavor: SetFlavor = .set, onto base: Node = .mapping([])) throws -> Node {
    var values = base
    for (i, argument) in arguments.enumerated() {
      try HelmSetParser.apply(argument, flavor: flavor, occurrence: i + 1, to: &values)
    }
    return values
  }

  func set(_ arguments: String..., flavor: SetFlavor = .set) throws -> String {
    compact(try apply(arguments, flavor))
  }

  // MARK: Typing

  @Test(arguments: [
    ("a=1,b=true,c=01,d=1.5,e=null,f=", #"{a: 1, b: true, c: "01", d: "1.5", e: null, f: ""}"#),
    ("t=True,u=TRUE,v=yes", #"{t: true, u: true, v: "yes"}"#),
    ("n=nuLL,o=no,p=on,q=y", #"{n: null, o: "no", p: "on", q: "y"}"#),
    ("big=12345678901234567890,x=0x1F,y=1e3,z=-7", #"{big: "12345678901234567890", x: "0x1F", y: "1e3", z: -7}"#),
    ("p=+5,m=-0,n=-01,o=+0", "{p: 5, m: 0, n: -1, o: 0}"),
    ("max=9223372036854775807,min=-9223372036854775808", "{max: 9223372036854775807, min: -9223372036854775808}"),
    ("over=9223372036854775808,u=1_000,w=１", #"{over: "9223372036854775808", u: "1_000", w: "１"}"#),
    // Go's EqualFold folds the long s and the Kelvin sign.
    ("s=falſe", "{s: false}"),
    ("x=a b, k = v ", #"{x: "a b", " k ": " v "}"#),
    ("a=é,ü.ö=1", #"{a: "é", "ü": {"ö": 1}}"#),
  ])
  func setTypesValuesLikeHelm(argument: String, expected: String) throws {
    #expect(try set(argument) == expected)
  }

  @Test func setStringKeepsEveryScalarAString() throws {
    #expect(
      try set("a=1,b=true,c=null,d={1,x},e=", flavor: .setString)
        == #"{a: "1", b: "true", c: "null", d: ["1", "x"], e: ""}"#)
  }

  // MARK: Keys, escapes, separators

  @Test(arguments: [
    ("a.b.c=x", #"{a: {b: {c: "x"}}}"#),
    (#"a\.b=1"#, #"{"a.b": 1}"#),
    (#"a=x\,y"#, #"{a: "x,y"}"#),
    (#"d=\=e,e=a\\b"#, #"{d: "=e", e: "a\\b"}"#),
    (#"a\[0]=1"#, #"{"a[0]": 1}"#),
    ("a=b=c", #"{a: "b=c"}"#),
    (#"a=\"#, #"{a: ""}"#),  // a trailing backslash is dropped
    (#"a=x\"#, #"{a: "x"}"#),
    ("name=v1,name=v2", #"{name: "v2"}"#),
    ("a.b=1,a=2", "{a: 2}"),
    ("a=1,", "{a: 1}"),
    ("", "{}"),
  ])
  func keysAndEscapes(argument: String, expected: String) throws {
    #expect(try set(argument) == expected)
  }

  @Test func keysNestThirtyLevelsDeep() throws {
    let thirty = Array(repeating: "k", count: 31).joined(separator: ".") + "=1"
    let values = try apply([thirty])
    #expect(values.value(at: Array(repeating: "k", count: 31))?.scalar?.text == "1")
  }

  // MARK: Lists

  @Test(arguments: [
    ("list={1,2,three}", #"{list: [1, 2, "three"]}"#),
    ("a={}", #"{a: [""]}"#),
    ("a={,}", #"{a: ["", ""]}"#),
    ("a={x}y=1,b=2", #"{a: ["x"], y: 1, b: 2}"#),
    ("a[0].b=1,a[1]=z", #"{a: [{b: 1}, "z"]}"#),
    ("a[2]=x", #"{a: [null, null, "x"]}"#),
    ("a[+1]=x,b[007]=y", #"{a: [null, "x"], b: [null, null, null, null, null, null, null, "y"]}"#),
    ("a[1][2]=x", #"{a: [null, [null, null, "x"]]}"#),
    ("a[0][0]=1,a[0][2]=2", "{a: [[1, null, 2]]}"),
    ("a[0]=null,a[0][1]=2", "{a: [[null, 2]]}"),
    ("a={1,2},a[3]=x", #"{a: [1, 2, null, "x"]}"#),
    ("a[1].b=1,a[0].c=2", "{a: [{c: 2}, {b: 1}]}"),
    ("a[0]=x,a[0].b=1", "{a: [{b: 1}]}"),
    ("a[0].b=1,a[0]=2", "{a: [2]}"),
    ("a[0]=", #"{a: [""]}"#),
    ("a.b[0].c.d[1]=x", #"{a: {b: [{c: {d: [null, "x"]}}]}}"#),
  ])
  func listsAndIndexes(argument: String, expected: String) throws {
    #expect(try set(argument) == expected)
  }

  @Test func theLargestIndexIs65536() throws {
    let values = try apply(["a[65536]=x"])
    #expect(values["a"]?.items?.count == 65537)
    #expect(values["a"]?.items?.last?.string == "x")
  }

  /// Helm bounds each index; kiln also bounds what indexes cost over all the arguments of a
  /// build, each index counting the length of the list it lands in: 8,000 arguments
  /// `kN[65536]=1` would otherwise make half a billion nulls.
  @Test func indexesAreBoundedOverAllArguments() throws {
    var values = Node.mapping([])
    var indexed = 0
    for n in 0..<15 {
      try HelmSetParser.apply("k\(n)[65536]=1", flavor: .set, occurrence: n + 1, to: &values, indexed: &indexed)
    }
    #expect(indexed == 15 * 65537)
    do {
      try HelmSetParser.apply("k15[65536]=1", flavor: .set, occurrence: 16, to: &values, indexed: &indexed)
      Issue.record("the 16th list of 65,537 elements was accepted")
    } catch {
      #expect(
        error.description
          == "--set:16:5: error: list indexes in --set arguments add up to more than 1048576 elements "
          + "(each index counts the length of its list); refusing what could exhaust memory")
    }
    #expect(values.entries?.count == 15)
  }

  @Test func rewritingOneLongListIsBoundedToo() throws {
    var values = Node.mapping([])
    var indexed = 0
    let arguments = Array(repeating: "a[65536]=1", count: 16)
    let refused = arguments.indices.filter { i in
      (try? HelmSetParser.apply(arguments[i], flavor: .set, occurrence: i + 1, to: &values, indexed: &indexed)) == nil
    }
    #expect(refused == [15])
  }

  @Test func honestIndexesAreFarWithinTheBound() throws {
    var values = Node.mapping([])
    var indexed = 0
    for i in 0..<1000 {
      try HelmSetParser.apply("hosts[\(i)]=h\(i)", flavor: .set, occurrence: i + 1, to: &values, indexed: &indexed)
    }
    #expect(values["hosts"]?.items?.count == 1000)
  }

  // MARK: Into existing values (ParseInto)

  @Test func setEditsAnExistingListElementInPlace() throws {
    let base = try yaml("ports: [{name: http, port: 80}, {name: metrics, port: 9090}]")
    let values = try apply(["ports[0].port=8080,ports[1].protocol=TCP"], onto: base)
    #expect(
      compact(values)
        == #"{ports: [{name: "http", port: 8080}, {name: "metrics", port: 9090, protocol: "TCP"}]}"#)
  }

  @Test func setKeepsSiblingsAndKeyOrder() throws {
    let base = try yaml("image: {repository: nginx, tag: '1.25'}\nreplicas: 1")
    let values = try apply(["image.tag=1.26,extra=x", "replicas=3"], onto: base)
    #expect(compact(values) == #"{image: {repository: "nginx", tag: "1.26"}, replicas: 3, extra: "x"}"#)
  }

  @Test func laterFlagsWinAndFlavorsMix() throws {
    var values = try apply(["a=1,b.c=x", "a=2"])
    try HelmSetParser.apply("a=3,b.d=true", flavor: .setString, occurrence: 1, to: &values)
    try HelmSetParser.apply(#"e={"f":[1,2.50]}"#, flavor: .setJSON, occurrence: 1, to: &values)
    #expect(compact(values) == #"{a: "3", b: {c: "x", d: "true"}, e: {f: [1, 2.50]}}"#)
  }

  // MARK: --set-json

  @Test(arguments: [
    (#"a={"b":[1,2]},c=1.50,d="s",e=,f=null,g=true"#, #"{a: {b: [1, 2]}, c: 1.50, d: "s", e: null, f: null, g: true}"#),
    ("a=1x=2", "{a: 1, x: 2}"),  // Go's Decoder stops after `1`; `x=2` is the next assignment
    (#"a="s"b=1"#, #"{a: "s", b: 1}"#),
    ("a=  ", "{a: null}"),
    ("a= [1, 2] ,b=2", "{a: [1, 2], b: 2}"),
    ("a=12345678901234567890,b=-0,c=1E3", "{a: 12345678901234567890, b: 0, c: 1E3}"),
    (#"a=[{"x":1},{"y":2}],a[0].z=3"#, "{a: [{x: 1, z: 3}, {y: 2}]}"),
    (#"a={"b":{"c":1}},a.b.d=2"#, "{a: {b: {c: 1, d: 2}}}"),
    ("a[0]=,a[2]=3", "{a: [null, null, 3]}"),
    (#"a={"z":1,"y":2,"z":3}"#, "{a: {z: 3, y: 2}}"),
  ])
  func setJSON(argument: String, expected: String) throws {
    #expect(try set(argument, flavor: .setJSON) == expected)
  }

  @Test func setJSONObjectMergesIntoTheValues() throws {
    let base = try yaml("a: {b: 1, c: [1, 2]}\nd: x")
    let values = try apply([#"  {"a":{"c":[3],"e":null},"d":{"k":1}}  "#], .setJSON, onto: base)
    // MergeMaps: maps merge, anything else (lists, scalars, null) is replaced.
    #expect(compact(values) == "{a: {b: 1, c: [3], e: null}, d: {k: 1}}")
  }

  // MARK: Locations

  @Test func nodesPointIntoTheArgument() throws {
    let values = try apply(["x=1", "a.b=xyz,l={p,q}"])
    let a = try #require(values.entries?.first { $0.key == "a" })
    #expect(a.keyLocation == Place(file: "--set", line: 2, column: 1))
    #expect(a.value.location.column == 3)
    #expect(a.value.entries?.first?.keyLocation.column == 3)
    #expect(values.value(at: ["a", "b"])?.location == Place(file: "--set", line: 2, column: 5))
    #expect(values["l"]?.location.column == 11)
    #expect(values["l"]?.items?.map(\.location.column) == [12, 14])
  }

  @Test func jsonNodesPointIntoTheArgument() throws {
    let values = try apply([#"a={"k":[1]}"#], .setJSON)
    #expect(values["a"]?.location == Place(file: "--set-json", line: 1, column: 3))
    #expect(values["a"]?.entries?.first?.keyLocation.column == 4)
    #expect(values.value(at: ["a", "k"])?.items?.first?.location.column == 9)
  }

  // MARK: Errors, each at its column

  @Test(arguments: [
    ("‸a", #"key "a" has no value"#),
    ("‸a,", #"key "a" has no value (cannot end with ,)"#),
    ("a.‸b", #"key "b" has no value"#),
    ("a.‸b,", #"key "b" has no value (cannot end with ,)"#),
    ("a=1,‸,b=2", #"key "" has no value (cannot end with ,)"#),
    ("a=‸{1,2", "list must terminate with '}'"),
    ("a[‸x]=1", #"error parsing index: strconv.Atoi: parsing "x": invalid syntax"#),
    ("a[‸]=1", #"error parsing index: strconv.Atoi: parsing "": invalid syntax"#),
    ("a[‸ 1]=1", #"error parsing index: strconv.Atoi: parsing " 1": invalid syntax"#),
    (
      "a[‸99999999999999999999]=1",
      #"error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range"#
    ),
    (#"a[‸1\]]=1"#, #"error parsing index: strconv.Atoi: parsing "1]": invalid syntax"#),
    ("a[‸99999]=1", "index of 99999 is greater than maximum supported index of 65536"),
    ("a[‸-1]=1", "negative -1 index not allowed"),
    ("a[0]‸x=1", "unexpected data at end of array index: ['x']"),
    ("a={x,y}‸z", #"key "z" has no value"#),
    ("‸a.=1", #"key map "a" has no value"#),
    ("‸a..b=1", #"key map "a" has no value"#),
    ("=1,‸a", #"key "a" has no value"#),  // Helm's own error wins over kiln's refusal of `=1`
  ])
  func errorsLikeHelm(argument: String, message: String) throws {
    try expectError(argument, message)
  }

  @Test func nestingBeyondThirtyLevelsIsRefused() throws {
    let thirtyKeys = Array(repeating: "k", count: 30).joined(separator: ".")
    try expectError(
      thirtyKeys + ".‸k.k=1",
      "value name nested level is greater than maximum supported nested level of 30")
  }

  /// Each of these is dropped without a word by Helm; kiln refuses them.
  @Test(arguments: [
    ("‸=1", "key name is empty"),
    ("‸.a=1", "key name is empty"),
    ("‸[0]=1", "key name is empty"),
    ("a.b=1,a.‸.c=2", "key name is empty"),
    ("‸a.", #"key map "a" has no value"#),
    ("‸a[0]", #"key "a[0]" has no value"#),
    ("x.‸a[0][1]", #"key "a[0][1]" has no value"#),
    ("a[0].‸=1", "key name is empty"),
    ("a‸[0", #"error parsing index: no closing "]""#),
  ])
  func kilnRefusesWhatHelmDropsSilently(argument: String, message: String) throws {
    try expectError(argument, message)
  }

  @Test func nestingThroughIndexesIsBounded() throws {
    // Helm counts only dots; kiln also bounds `[0][0]…` and `[0].a[0].a…`, which recurse.
    #expect(try apply(["a" + String(repeating: "[0]", count: 100) + "=1"])["a"] != nil)
    try expectError("‸a" + String(repeating: "[0]", count: 101) + "=1", "key is nested deeper than 100 levels")
    #expect(try apply(["a" + String(repeating: "[0].a", count: 99) + "[0]=1"])["a"] != nil)
    try expectError(
      "a" + String(repeating: "[0].a", count: 99) + "[0].‸a[0]=1", "key is nested deeper than 100 levels")
  }

  @Test func typeConflictsNameTheExistingValue() throws {
    try expectError(
      "a=1,‸a.b=2", #"unable to parse key: "a" is an integer, not a mapping"#,
      notes: [#""a" was set at --set:1:3"#])
    try expectError(
      "a=null,‸a[0]=1", #"unable to parse key: "a" is null, not a sequence"#,
      notes: [#""a" was set at --set:1:3"#])
    try expectError(
      "a[0]=s,‸a[0][1]=2", #"unable to parse key: "a[0]" is a string, not a sequence"#,
      notes: [#""a[0]" was set at --set:1:6"#])
  }

  @Test func quotesGetAHint() throws {
    let d = try expectError(#"k="x,‸y""#, #"key "y\"" has no value"#)
    #expect(d.hint == #"quotes are not special in --set: escape a comma inside a value as "\,""#)
  }

  @Test(arguments: [
    ("a=n‸ojson", "invalid character 'o' in literal null (expecting 'u')"),
    ("a=0‸1", #"key "1" has no value"#),  // Go reads `0`, then `1` as the next key
    ("a=[1,‸]", "invalid character ']' looking for beginning of value"),
    (#"a={"x":1,‸}"#, "invalid character '}' looking for beginning of object key string"),
    ("a=[1‸", "unexpected EOF"),
    ("a=‸'s'", #"invalid character '\'' looking for beginning of value"#),
    ("a=‸1e999", "json: cannot unmarshal number 1e999 into Go value of type float64"),
    (#"{"a":1,‸}"#, "invalid character '}' looking for beginning of object key string"),
    (#"{"a":1}‸,b=2"#, "invalid character ',' after top-level value"),
    (#"{"a":1‸"#, "unexpected end of JSON input"),
  ])
  func setJSONErrors(argument: String, message: String) throws {
    try expectError(argument, message, flavor: .setJSON)
  }

  @Test func anErrorNamesTheFlagAndLeavesTheValuesAlone() throws {
    var values = try yaml("a: 1")
    let before = values
    #expect {
      try HelmSetParser.apply("b=2,c", flavor: .setString, occurrence: 3, to: &values)
    } throws: { error in
      let d = error as? Diagnostic
      return d?.location == Place(file: "--set-string", line: 3, column: 5)
        && d?.sourceLine == "b=2,c" && d?.description == #"--set-string:3:5: error: key "c" has no value"#
    }
    #expect(values == before && values["b"] == nil)
  }

  @discardableResult
  func expectError(
    _ markedArgument: String, _ message: String, flavor: SetFlavor = .set, notes: [String]? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Diagnostic {
    let (argument, column) = marked(markedArgument)
    var values = Node.mapping([])
    do throws(Diagnostic) {
      try HelmSetParser.apply(argument, flavor: flavor, occurrence: 1, to: &values)
    } catch {
      #expect(error.message == message, sourceLocation: sourceLocation)
      #expect(error.location?.column == Int32(column), "column", sourceLocation: sourceLocation)
      #expect(error.sourceLine == argument, sourceLocation: sourceLocation)
      if let notes { #expect(error.notes == notes, sourceLocation: sourceLocation) }
      return error
    }
    Issue.record("expected \(message), got \(compact(values))", sourceLocation: sourceLocation)
    return Diagnostic(.error, "", at: nil)
  }
}

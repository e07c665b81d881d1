import Foundation
import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// kiln's `--set` family and values layering against Helm's own code (Helm SDK 4.2.3 through
/// helm-python-sdk, pinned in Tests/requirements.txt), all cases in one python run. Results are compared as
/// canonical JSON (keys sorted, numbers by value), since Go's maps have no key order and its
/// `--set-json` numbers are all float64.
@Suite struct HelmOracleTests {
  /// Arguments of one flavor; kiln applies them as repeated flags, Helm parses them joined by
  /// commas, which `ParseInto` makes the same thing (none of them ends in `,` or `\`).
  struct SetCase: Sendable {
    var flavor: SetFlavor
    var arguments: [String]
    /// nil: kiln must do exactly what Helm does, error message included.
    var difference: Difference? = nil
  }

  enum Difference: Sendable {
    /// Helm accepts this, silently dropping part of it (it gives `helm`); kiln refuses it.
    case kilnRefuses(String, helm: String)
    /// Both refuse; Helm's message is Go's panic text, kiln's is this.
    case kilnWords(String)
  }

  static let setCases: [SetCase] = [
    // Typing
    SetCase(flavor: .set, arguments: ["a=1,b=true,c=01,d=1.5,e=null,f="]),
    SetCase(flavor: .set, arguments: ["t=True,u=TRUE,v=yes,w=FALSE,x=Null,y=no,z=on"]),
    SetCase(flavor: .set, arguments: ["big=12345678901234567890,x=0x1F,y=1e3,z=-7"]),
    SetCase(flavor: .set, arguments: ["p=+5,m=-0,n=-01,o=+0,u=1_000,w=１"]),
    SetCase(flavor: .set, arguments: ["max=9223372036854775807,over=9223372036854775808,min=-9223372036854775808"]),
    SetCase(flavor: .set, arguments: ["s=falſe,k=nuLL"]),
    SetCase(flavor: .set, arguments: ["x=a b", " a = 1 "]),
    SetCase(flavor: .set, arguments: ["a=é,ü.ö=1"]),
    // Keys, escapes, separators
    SetCase(flavor: .set, arguments: ["a.b.c=x"]),
    SetCase(flavor: .set, arguments: [#"a\.b=1"#, #"c=x\,y"#, #"d=\=e"#]),
    SetCase(flavor: .set, arguments: ["a=b=c"]),
    SetCase(flavor: .set, arguments: [#"a\[0]=1"#]),
    SetCase(flavor: .set, arguments: [#"a=\"#]),
    SetCase(flavor: .set, arguments: [#"a=x\"#]),
    SetCase(flavor: .set, arguments: ["name=v1,name=v2"]),
    SetCase(flavor: .set, arguments: ["a.b=1", "a.c=2", "a.b=3"]),
    SetCase(flavor: .set, arguments: ["a.b=1,a=2"]),
    SetCase(flavor: .set, arguments: [Array(repeating: "k", count: 31).joined(separator: ".") + "=1"]),
    // Lists and indexes
    SetCase(flavor: .set, arguments: ["list={1,2,three}"]),
    SetCase(flavor: .set, arguments: ["a={},b={,}"]),
    SetCase(flavor: .set, arguments: ["a={x}y=1"]),
    SetCase(flavor: .set, arguments: ["a[0].b=1,a[1]=z"]),
    SetCase(flavor: .set, arguments: ["a[2]=x"]),
    SetCase(flavor: .set, arguments: ["a[+1]=x,b[007]=y"]),
    SetCase(flavor: .set, arguments: ["a[1][2]=x"]),
    SetCase(flavor: .set, arguments: ["a[0][0]=1", "a[0][2]=2"]),
    SetCase(flavor: .set, arguments: ["a[0]=null,a[0][1]=2"]),
    SetCase(flavor: .set, arguments: ["a={1,2}", "a[3]=x"]),
    SetCase(flavor: .set, arguments: ["a[1].b=1,a[0].c=2"]),
    SetCase(flavor: .set, arguments: ["a[0]=x,a[0].b=1"]),
    SetCase(flavor: .set, arguments: ["a[0].b=1,a[0]=2"]),
    SetCase(flavor: .set, arguments: ["a[0]=,b=1"]),
    SetCase(flavor: .set, arguments: ["a.b[0].c.d[1]=x"]),
    // Errors Helm raises
    SetCase(flavor: .set, arguments: ["a"]),
    SetCase(flavor: .set, arguments: ["a,"]),
    SetCase(flavor: .set, arguments: ["a.b"]),
    SetCase(flavor: .set, arguments: ["a=1,,b=2"]),
    SetCase(flavor: .set, arguments: [#"k="x,y""#]),
    SetCase(flavor: .set, arguments: ["a={1,2"]),
    SetCase(flavor: .set, arguments: ["a={x,y}z"]),
    SetCase(flavor: .set, arguments: ["a[99999]=1"]),
    SetCase(flavor: .set, arguments: ["a[65537]=1"]),
    SetCase(flavor: .set, arguments: ["a[-1]=1"]),
    SetCase(flavor: .set, arguments: ["a[x]=1"]),
    SetCase(flavor: .set, arguments: ["a[]=1"]),
    SetCase(flavor: .set, arguments: ["a[99999999999999999999]=1"]),
    SetCase(flavor: .set, arguments: [#"a[1\]]=1"#]),
    SetCase(flavor: .set, arguments: ["a[0]x=1"]),
    SetCase(flavor: .set, arguments: ["a.=1"]),
    SetCase(flavor: .set, arguments: ["a..b=1"]),
    SetCase(flavor: .set, arguments: ["a.[0]=1"]),
    SetCase(flavor: .set, arguments: [Array(repeating: "k", count: 32).joined(separator: ".") + "=1"]),
    SetCase(
      flavor: .set, arguments: ["a=1", "a.b=2"],
      difference: .kilnWords(#"unable to parse key: "a" is an integer, not a mapping"#)),
    SetCase(
      flavor: .set, arguments: ["a=null,a.b=1"],
      difference: .kilnWords(#"unable to parse key: "a" is null, not a mapping"#)),
    SetCase(
      flavor: .set, arguments: ["a=2,a[0]=1"],
      difference: .kilnWords(#"unable to parse key: "a" is an integer, not a sequence"#)),
    SetCase(
      flavor: .set, arguments: ["a[0]=s,a[0][1]=2"],
      difference: .kilnWords(#"unable to parse key: "a[0]" is a string, not a sequence"#)),
    // Input Helm drops without a word
    SetCase(
      flavor: .set, arguments: ["a[0"], difference: .kilnRefuses(#"error parsing index: no closing "]""#, helm: "{}")),
    SetCase(
      flavor: .set, arguments: ["a[0]"], difference: .kilnRefuses(#"key "a[0]" has no value"#, helm: #"{"a":[]}"#)),
    SetCase(flavor: .set, arguments: ["a."], difference: .kilnRefuses(#"key map "a" has no value"#, helm: "{}")),
    SetCase(flavor: .set, arguments: ["=1"], difference: .kilnRefuses("key name is empty", helm: "{}")),
    SetCase(flavor: .set, arguments: [".a=1"], difference: .kilnRefuses("key name is empty", helm: "{}")),
    SetCase(flavor: .set, arguments: ["[0]=1"], difference: .kilnRefuses("key name is empty", helm: "{}")),
    SetCase(
      flavor: .set, arguments: ["a.b=1", "a..c=2"],
      difference: .kilnRefuses("key name is empty", helm: #"{"a":{"b":1}}"#)),
    SetCase(
      flavor: .set, arguments: ["a[0].=1"],
      difference: .kilnRefuses("key name is empty", helm: #"{"a":[{}]}"#)),
    // --set-string
    SetCase(flavor: .setString, arguments: ["a=1,b=true,c=null,d={1,x},e=,f=01"]),
    SetCase(flavor: .setString, arguments: ["a[1]=2", "b.c=false"]),
    SetCase(flavor: .setString, arguments: ["a"]),
    // --set-json
    SetCase(flavor: .setJSON, arguments: [#"a={"b":[1,2]},c=1.50,d="s",e=,f=null,g=true"#]),
    SetCase(flavor: .setJSON, arguments: ["a=1x=2"]),
    SetCase(flavor: .setJSON, arguments: [#"a="s"b=1"#]),
    SetCase(flavor: .setJSON, arguments: [#"a={"b":1}c=2"#]),
    SetCase(flavor: .setJSON, arguments: ["a=  "]),
    SetCase(flavor: .setJSON, arguments: ["a= [1, 2] ,b=2"]),
    SetCase(flavor: .setJSON, arguments: ["a=\u{00A0} 1"]),
    SetCase(flavor: .setJSON, arguments: ["a=12345678901234567890,b=-0,c=1E+2,d=0.5e-3,e=-0.0"]),
    SetCase(flavor: .setJSON, arguments: [#"a={"k":"\ud83d\ude00","l":"\ud83d","m":"\u00e9\n"}"#]),
    SetCase(flavor: .setJSON, arguments: [#"a=[{"x":1},{"y":2}]"#, "a[0].z=3"]),
    SetCase(flavor: .setJSON, arguments: [#"a=[{"x":1}],a[1].z=3"#]),
    SetCase(flavor: .setJSON, arguments: [#"a={"b":{"c":1}}"#, "a.b.d=2"]),
    SetCase(flavor: .setJSON, arguments: ["a[0]=,a[2]=3"]),
    SetCase(flavor: .setJSON, arguments: [#"a={"x":1,"x":2}"#]),
    SetCase(flavor: .setJSON, arguments: ["a=01"]),
    SetCase(flavor: .setJSON, arguments: ["a=nojson"]),
    SetCase(flavor: .setJSON, arguments: ["a=[1,]"]),
    SetCase(flavor: .setJSON, arguments: [#"a={"x":1,}"#]),
    SetCase(flavor: .setJSON, arguments: [#"a={"x" 1}"#]),
    SetCase(flavor: .setJSON, arguments: ["a=[1 2]"]),
    SetCase(flavor: .setJSON, arguments: [#"a="\q""#]),
    SetCase(flavor: .setJSON, arguments: ["a=\"x\ny\""]),
    SetCase(flavor: .setJSON, arguments: ["a=tx"]),
    SetCase(flavor: .setJSON, arguments: ["a=-x"]),
    SetCase(flavor: .setJSON, arguments: ["a=1.x"]),
    SetCase(flavor: .setJSON, arguments: ["a=1ex"]),
    SetCase(flavor: .setJSON, arguments: ["a=1."]),
    SetCase(flavor: .setJSON, arguments: ["a=[1"]),
    SetCase(flavor: .setJSON, arguments: [#"a="abc"#]),
    SetCase(flavor: .setJSON, arguments: ["a='s'"]),
    SetCase(flavor: .setJSON, arguments: ["a=1e999"]),
  ]

  /// `defaults` is the chart's values.yaml (kiln's defaults.yaml), `user` the -f files in order.
  /// Helm: MergeMaps over `user`, then coalesced under `defaults`. kiln: `ValuesMerge.merge`
  /// over all of them. When `kiln` is set, the two differ on purpose (null deletes, at the
  /// layer that says so): `kiln` is kiln's result and `helm` is Helm's, both canonical JSON.
  struct LayerCase: Sendable {
    var defaults: String
    var user: [String]
    var kiln: String? = nil
    var helm: String? = nil
  }

  static let layerCases: [LayerCase] = [
    LayerCase(
      defaults: #"{"replicaCount":1,"image":{"repository":"nginx","tag":"1.25"},"tolerations":["a","b"]}"#,
      user: [#"{"image":{"tag":"1.26"}}"#, #"{"tolerations":["c"]}"#]),
    LayerCase(defaults: #"{"a":{"b":1},"c":"x"}"#, user: [#"{"a":"flat"}"#, #"{"c":{"d":1}}"#]),
    LayerCase(
      defaults: #"{"api":{"enabled":false,"resources":{"requests":{"cpu":"100m","memory":"128Mi"}}}}"#,
      user: [
        #"{"api":{"enabled":true}}"#, #"{"api":{"resources":{"requests":{"cpu":"500m"}}}}"#,
        #"{"api":{"resources":{"limits":{"cpu":"1"}}},"web":{"enabled":true}}"#,
      ]),
    LayerCase(
      defaults: #"{"env":[{"name":"A","value":"1"}]}"#, user: [#"{"env":[{"name":"B","value":"2"}]}"#]),
    LayerCase(
      defaults: #"{"n":1,"f":1.5,"b":true,"s":"x","l":[1,[2]]}"#,
      user: [#"{"n":2.5}"#, #"{"f":3,"b":"false"}"#, #"{"s":{"t":"u"},"l":{"m":1}}"#]),
    LayerCase(defaults: #"{"a":1}"#, user: [#"{}"#, #"{"b":2}"#, #"{}"#]),
    LayerCase(defaults: #"{}"#, user: [#"{"a":{"b":{"c":{"d":1}}}}"#, #"{"a":{"b":{"c":{"e":2}}}}"#]),
    // A null deletes a key of the defaults: the same in both.
    LayerCase(
      defaults: #"{"resources":{"limits":{"cpu":"1","memory":"1Gi"}}}"#,
      user: [#"{"resources":{"limits":{"cpu":null}}}"#]),
    LayerCase(defaults: #"{"a":{"b":1},"c":2}"#, user: [#"{"a":null}"#]),
    LayerCase(defaults: #"{"a":null,"b":1}"#, user: [#"{}"#]),
    LayerCase(defaults: #"{"l":[1]}"#, user: [#"{"l":[null,{"a":null}]}"#]),
    // The documented differences.
    LayerCase(defaults: #"{"a":1}"#, user: [#"{"newkey":null}"#], kiln: #"{"a":1}"#, helm: #"{"a":1,"newkey":null}"#),
    LayerCase(
      defaults: #"{"a":{"b":1}}"#, user: [#"{"a":null}"#, #"{"a":{"c":2}}"#],
      kiln: #"{"a":{"c":2}}"#, helm: #"{"a":{"b":1,"c":2}}"#),
    LayerCase(defaults: #"{}"#, user: [#"{"x":1}"#, #"{"x":null}"#], kiln: "{}", helm: #"{"x":null}"#),
    LayerCase(
      defaults: #"{"a":{"b":1}}"#, user: [#"{"a":{"c":{"d":null,"e":1}}}"#],
      kiln: #"{"a":{"b":1,"c":{"e":1}}}"#, helm: #"{"a":{"b":1,"c":{"d":null,"e":1}}}"#),
  ]

  /// `--set-json '{…}'` over existing values: Helm merges it with MergeMaps (nulls kept).
  static let objectCases: [(base: String, argument: String)] = [
    (#"{"a":{"b":1,"c":[1,2]},"d":"x"}"#, #"{"a":{"c":[3],"e":null},"d":{"k":1}}"#),
    (#"{"a":1}"#, #"  {"b":{"c":true},"a":null}  "#),
    (#"{"a":{"b":1}}"#, #"{"a":"s","z":[{"y":1}]}"#),
    (#"{"a":{"b":{"c":1}}}"#, #"{"a":{"b":{"d":2.5}}}"#),
  ]

  @Test func setFlagsMatchHelm() throws {
    let answers = try Self.helm.get()
    #expect(Self.setCases.count >= 40)
    for (i, c) in Self.setCases.enumerated() {
      let answer = try #require(answers["set\(i)"], "no answer for \(c.arguments)")
      let kiln = Result { () throws(Diagnostic) -> Node in
        var values = Node.mapping([])
        for (n, argument) in c.arguments.enumerated() {
          try HelmSetParser.apply(argument, flavor: c.flavor, occurrence: n + 1, to: &values)
        }
        return values
      }
      let label = "\(c.flavor.rawValue) \(c.arguments)"
      switch (c.difference, answer["error"]?.string, kiln) {
      case (nil, nil, .success(let values)):
        #expect(canonical(values) == answer["value"].map(canonical), "\(label)")
      case (nil, let helmError?, .failure(let error)):
        #expect(error.message == helmError, "\(label)")
      case (.kilnWords(let message), _?, .failure(let error)):
        #expect(error.message == message, "\(label)")
      case (.kilnRefuses(let message, let helmValue), nil, .failure(let error)):
        #expect(error.message == message, "\(label)")
        #expect(answer["value"].map(canonical) == helmValue, "\(label): Helm's result changed")
      default:
        Issue.record("\(label): Helm gives \(compact(answer)), kiln \(kiln)")
      }
    }
  }

  /// Lines built from the grammar's risky pieces, with a fixed seed. kiln may only differ
  /// where it refuses on purpose (see `HelmSetParser`).
  static let generatedCases: [SetCase] = {
    var random = SeededRandom(seed: 2024)
    let setAtoms = [
      "a", "b", "k", ".", ".", "=", "=", ",", ",", "[", "]", "[0]", "[1]", "0", "1", "{", "}", "\\",
      "true", "NULL", "01", "-1", " ", "x y", "é", "\"", "1.5", "a=1", "b.c=2", "[2]=",
    ]
    let jsonAtoms = [
      "a", "b", "=", "=", ",", ".", "[", "]", "[0]", "{", "}", "\"s\"", ":", "1", "-", "e", "0",
      "null", "true", " ", "\\", "a=", "{\"k\":", "[1,", "b.c=",
    ]
    var cases: [SetCase] = []
    for flavor in [SetFlavor.set, .setString, .setJSON] {
      let atoms = flavor == .setJSON ? jsonAtoms : setAtoms
      for _ in 0..<250 {
        let count = Int.random(in: 1...8, using: &random)
        let line = (0..<count).map { _ in atoms[Int.random(in: 0..<atoms.count, using: &random)] }.joined()
        // A whole `{…}` object is not strvals' business: Helm's CLI merges it (see objectCases).
        if flavor == .setJSON, line.drop(while: { $0 == " " }).first == "{" { continue }
        cases.append(SetCase(flavor: flavor, arguments: [line]))
      }
    }
    return cases
  }()

  @Test func generatedLinesMatchHelm() throws {
    let answers = try Self.helm.get()
    for (i, c) in Self.generatedCases.enumerated() {
      let answer = try #require(answers["gen\(i)"])
      var values = Node.mapping([])
      let kiln = Result { () throws(Diagnostic) -> Node in
        try HelmSetParser.apply(c.arguments[0], flavor: c.flavor, occurrence: 1, to: &values)
        return values
      }
      let label = "\(c.flavor.rawValue) \(c.arguments[0])"
      switch (answer["error"]?.string, kiln) {
      case (nil, .success(let values)):
        #expect(canonical(values) == answer["value"].map(canonical), "\(label)")
      case (let helmError?, .failure(let error)):
        if helmError.hasPrefix("unable to parse key: interface conversion") {
          #expect(error.message.hasPrefix("unable to parse key: "), "\(label)")
        } else {
          #expect(error.message == helmError, "\(label)")
        }
      case (nil, .failure(let error)):
        #expect(Self.isDeliberateRefusal(error.message), "\(label): Helm accepts, kiln says \(error.message)")
      case (let helmError?, .success(let values)):
        Issue.record("\(label): Helm refuses (\(helmError)), kiln gives \(compact(values))")
      }
    }
  }

  /// The messages of what kiln refuses and Helm drops without a word.
  static func isDeliberateRefusal(_ message: String) -> Bool {
    message == "key name is empty" || message.hasPrefix("key map ")
      || message.hasPrefix("error parsing index: no closing")
      || (message.hasPrefix("key \"") && message.contains("[") && message.hasSuffix("\" has no value"))
  }

  @Test func layeringMatchesHelm() throws {
    let answers = try Self.helm.get()
    for (i, c) in Self.layerCases.enumerated() {
      let answer = try #require(answers["layers\(i)"])
      let defaults = try JSONReader.parse(c.defaults)
      let user = try c.user.map { try JSONReader.parse($0) }
      // Helm's -f files merge with MergeMaps, nulls and all.
      let userMerged = user.reduce(Node.mapping([]), ValuesMerge.mergeMaps)
      #expect(canonical(userMerged) == answer["mergeMaps"].map(canonical), "MergeMaps of \(c.user)")

      let kiln = canonical(([defaults] + user).reduce(Node.mapping([]), ValuesMerge.merge))
      let helm = answer["coalesced"].map(canonical)
      if let expected = c.kiln {
        #expect(kiln == expected, "\(c.defaults) + \(c.user)")
        #expect(helm == c.helm, "\(c.defaults) + \(c.user): Helm's result changed")
      } else {
        #expect(kiln == helm, "\(c.defaults) + \(c.user)")
      }
    }
  }

  @Test func setJSONObjectsMergeLikeHelm() throws {
    let answers = try Self.helm.get()
    for (i, c) in Self.objectCases.enumerated() {
      let answer = try #require(answers["object\(i)"])
      var values = try JSONReader.parse(c.base)
      try HelmSetParser.apply(c.argument, flavor: .setJSON, occurrence: 1, to: &values)
      #expect(canonical(values) == answer["mergeMaps"].map(canonical), "\(c.base) + \(c.argument)")
    }
  }

  // MARK: - Canonical JSON

  /// Keys sorted by code point; integers exactly; other numbers by value (Go reads every
  /// `--set-json` number as float64, so `1.0` and `1` are the same to Helm).
  func canonical(_ node: Node) -> String {
    switch node.value {
    case .mapping(let entries):
      let sorted = entries.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
      return "{" + sorted.map { JSONText.quote($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
    case .sequence(let items):
      return "[" + items.map(canonical).joined(separator: ",") + "]"
    case .scalar(let s):
      switch s.tag {
      case .null: return "null"
      case .bool: return s.text
      case .int: return Int64(s.text).map(String.init) ?? number(s.text)
      case .float: return number(s.text)
      case .string, .timestamp: return JSONText.quote(s.text)
      }
    }
  }

  private func number(_ text: String) -> String {
    guard let d = Double(text) else { return "?\(text)" }
    if d == d.rounded(.towardZero), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
    return String(format: "%.17g", d)
  }

  // MARK: - The oracle

  struct OracleFailure: Error, CustomStringConvertible {
    var description: String
  }

  /// Every answer, by case id, from one python run shared by the tests of this suite.
  static let helm: Result<[String: Node], OracleFailure> = askHelm()

  private static func askHelm() -> Result<[String: Node], OracleFailure> {
    let install = "these tests compare kiln with Helm's own code: run `make venv`"
    let python: String
    do { python = try Python.interpreter() } catch { return .failure(OracleFailure(description: "\(error)")) }
    var set: [String] = []
    for (i, c) in setCases.enumerated() {
      set.append(
        #"{"id":"set\#(i)","flavor":\#(JSONText.quote(c.flavor.rawValue)),"#
          + #""expression":\#(jsonString(c.arguments.joined(separator: ",")))}"#)
    }
    for (i, c) in generatedCases.enumerated() {
      set.append(
        #"{"id":"gen\#(i)","flavor":\#(JSONText.quote(c.flavor.rawValue)),"expression":\#(jsonString(c.arguments[0]))}"#
      )
    }
    var layers: [String] = []
    for (i, c) in layerCases.enumerated() {
      layers.append(
        #"{"id":"layers\#(i)","defaults":\#(jsonString(c.defaults)),"user":[\#(c.user.map(jsonString).joined(separator: ","))]}"#
      )
    }
    for (i, c) in objectCases.enumerated() {
      let documents = [c.base, c.argument.trimmingCharacters(in: .whitespaces)].map(jsonString)
      layers.append(#"{"id":"object\#(i)","defaults":"{}","user":[\#(documents.joined(separator: ","))]}"#)
    }
    let request = #"{"set":[\#(set.joined(separator: ","))],"layers":[\#(layers.joined(separator: ","))]}"#
    let result: ProcessResult
    do {
      result = try ProcessRunner.run(python, ["-c", oracleScript], stdin: Array(request.utf8))
    } catch {
      return .failure(OracleFailure(description: "could not run python3: \(error)"))
    }
    if result.status == 3 {
      return .failure(OracleFailure(description: "python3 cannot import helm_python; \(install)"))
    }
    guard result.status == 0 else {
      return .failure(OracleFailure(description: "the Helm oracle failed (\(result.status)): \(result.stderr)"))
    }
    do {
      let answers = try JSONReader.parse(result.stdout, file: "helm-oracle")
      var byID: [String: Node] = [:]
      for entry in answers.entries ?? [] { byID[entry.key] = entry.value }
      return .success(byID)
    } catch {
      return .failure(OracleFailure(description: "unreadable oracle answer: \(error)"))
    }
  }

  /// A JSON string literal that python reads back exactly (JSONText's `\U` escapes are YAML's).
  private static func jsonString(_ s: String) -> String {
    var out = "\""
    for unit in s.utf16 {
      switch unit {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
      default:
        let hex = String(unit, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    return out + "\""
  }

  /// Reads the request on stdin; answers `{id: {"value": …} | {"error": …} | {"mergeMaps": …,
  /// "coalesced": …}}`. Layers go through a chart whose values.yaml holds one document per
  /// layer: Helm's loader merges those with the same MergeMaps it uses for -f files.
  private static let oracleScript = #"""
    import json, os, shutil, sys, tempfile
    try:
        import helm_python as helm
    except ImportError:
        sys.exit(3)
    request = json.load(sys.stdin)
    parsers = {"--set": helm.parse_set_string, "--set-string": helm.parse_set_string_values,
               "--set-json": helm.parse_set_json}
    answers = {}
    for case in request["set"]:
        try:
            answers[case["id"]] = {"value": parsers[case["flavor"]](case["expression"])}
        except helm.HelmError as error:
            answers[case["id"]] = {"error": str(error)}
    root = tempfile.mkdtemp(prefix="kiln-helm-oracle")
    def chart(name, documents):
        path = os.path.join(root, name)
        os.makedirs(os.path.join(path, "templates"))
        with open(os.path.join(path, "Chart.yaml"), "w") as f:
            f.write("apiVersion: v2\nname: %s\nversion: 0.1.0\n" % name)
        with open(os.path.join(path, "values.yaml"), "w") as f:
            f.write("---\n".join(document + "\n" for document in documents))
        return helm.Chart.load(path)
    try:
        for case in request["layers"]:
            name = case["id"].replace("layers", "l").replace("object", "o")
            with chart(name + "-user", case["user"]) as user:
                merged = user.values
            with chart(name + "-defaults", [case["defaults"]]) as defaults:
                coalesced = defaults.merge_values(merged)
            answers[case["id"]] = {"mergeMaps": merged, "coalesced": coalesced}
    finally:
        shutil.rmtree(root)
    json.dump(answers, sys.stdout)
    """#
}

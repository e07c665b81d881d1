import Testing

@testable import KilnYAML

/// Every row of the quoting rules (research, kustomize-semantics §1.6): a string is written
/// plain unless a YAML 1.1 reader would take it for something else, or plain style cannot
/// hold it.
@Suite struct QuotingTests {
  @Test(arguments: [
    // Would read back as null, a boolean, a number or a date: double quotes.
    ("", "\"\""), ("~", "\"~\""), ("null", "\"null\""), ("Null", "\"Null\""), ("NULL", "\"NULL\""),
    ("y", "\"y\""), ("Y", "\"Y\""), ("yes", "\"yes\""), ("Yes", "\"Yes\""), ("YES", "\"YES\""),
    ("n", "\"n\""), ("N", "\"N\""), ("no", "\"no\""), ("No", "\"No\""), ("NO", "\"NO\""),
    ("true", "\"true\""), ("True", "\"True\""), ("TRUE", "\"TRUE\""),
    ("false", "\"false\""), ("False", "\"False\""), ("FALSE", "\"FALSE\""),
    ("on", "\"on\""), ("On", "\"On\""), ("ON", "\"ON\""), ("off", "\"off\""), ("Off", "\"Off\""), ("OFF", "\"OFF\""),
    ("0123", "\"0123\""), ("1_000", "\"1_000\""), ("+1", "\"+1\""), ("-0", "\"-0\""), ("20240101", "\"20240101\""),
    ("0b101", "\"0b101\""), ("0x1F", "\"0x1F\""), ("0o17", "\"0o17\""),
    ("1.0", "\"1.0\""), ("1.", "\"1.\""), (".5", "\".5\""), ("1e3", "\"1e3\""), ("1e-3", "\"1e-3\""),
    (".inf", "\".inf\""), ("-.inf", "\"-.inf\""), (".NaN", "\".NaN\""),
    ("2024-01-01", "\"2024-01-01\""), ("2024-1-1", "\"2024-1-1\""), ("2024-01-01 10:00:00", "\"2024-01-01 10:00:00\""),
    ("12:30", "\"12:30\""), ("1:2:3", "\"1:2:3\""),
    // Mixed case not in the lists, and near misses: plain.
    ("yEs", "yEs"), ("tRUE", "tRUE"), ("nULL", "nULL"), ("nan", "nan"), ("infinity", "infinity"), ("1e", "1e"),
    ("e1", "e1"), ("22:80", "22:80"), ("<<", "<<"), ("2024-02-30", "2024-02-30"), ("1e999", "1e999"),
    // Plain style refused: single quotes.
    (" x", "' x'"), ("x ", "'x '"), ("  ", "'  '"), ("*", "'*'"), ("&a", "'&a'"), ("!x", "'!x'"), ("%x", "'%x'"),
    ("@x", "'@x'"), ("`x", "'`x'"), ("{x}", "'{x}'"), ("[x]", "'[x]'"), ("{{ .Values.x }}", "'{{ .Values.x }}'"),
    ("-", "'-'"), ("- x", "'- x'"), ("?", "'?'"), (":", "':'"), ("a: b", "'a: b'"), ("x:", "'x:'"),
    ("key: ", "'key: '"), ("::", "'::'"), ("a #b", "'a #b'"), ("---", "'---'"), ("...", "'...'"),
    ("'", "''''"), ("it's a: b", "'it''s a: b'"),
    // Plain is fine.
    ("-x", "-x"), ("?x", "?x"), (":x", ":x"), ("--", "--"), ("a:b", "a:b"), ("a#b", "a#b"), ("a,b", "a,b"),
    ("it's", "it's"), ("say \"hi\"", "say \"hi\""), ("$HOME", "$HOME"), ("${VAR}", "${VAR}"), ("=", "="),
    ("\\", "\\"), ("0.1.2", "0.1.2"), ("v1.0", "v1.0"), ("héllo", "héllo"), ("été", "été"), ("\u{00A0}", "\u{00A0}"),
    // Characters the emitter will not print raw: double quotes with escapes.
    ("a\tb", "\"a\\tb\""), ("a\u{07}b", "\"a\\ab\""), ("a\u{01}b", "\"a\\x01b\""), ("😀", "\"\\U0001F600\""),
    ("a\rb", "\"a\\rb\""), ("a\u{08}b", "\"a\\bb\""), ("a\u{0C}b", "\"a\\fb\""), ("\u{FEFF}x", "\"\\uFEFF\\x78\""),
  ])
  func value(_ input: String, _ expected: String) {
    #expect(emitted(input) == "key: \(expected)\n")
  }

  @Test func keysFollowTheSameRules() {
    #expect(emittedKey("1") == "\"1\": v\n")
    #expect(emittedKey("on") == "\"on\": v\n")
    #expect(emittedKey("y") == "\"y\": v\n")
    #expect(emittedKey("") == "\"\": v\n")
    #expect(emittedKey("'quoted'") == "'''quoted''': v\n")
    #expect(emittedKey("app.kubernetes.io/name") == "app.kubernetes.io/name: v\n")
  }

  /// Plain `<<` as a key is a merge key: a key that is the string `<<` (quoted in its source,
  /// or from JSON or --set) is quoted, as goyaml.v2 quotes it. As a value it means itself.
  @Test func aKeyNamedLessLessIsQuoted() {
    #expect(emittedKey("<<") == "\"<<\": v\n")
    #expect(emitted("<<") == "key: <<\n")
  }

  @Test func aKeyWithANewlineIsAnExplicitKey() {
    #expect(emittedKey("multi\nline key") == "? |-\n  multi\n  line key\n: v\n")
  }

  @Test func aKeyLongerThan128BytesIsAnExplicitKey() {
    let long = String(repeating: "k", count: 129)
    #expect(emittedKey(long) == "? \(long)\n: v\n")
    #expect(emittedKey(String(repeating: "k", count: 128)) == String(repeating: "k", count: 128) + ": v\n")
  }

  @Test func nonStringsArePrintedAsWritten() throws {
    // kiln build keeps number spellings: what kubectl apply would read from the source.
    #expect(
      try render("a: 0x1F\nb: 1.0\nc: 1e3\nd: yes\ne: ~\nf:\ng: 2024-01-01\nh: 012\n")
        == "a: 0x1F\nb: 1.0\nc: 1e3\nd: yes\ne: null\nf: null\ng: 2024-01-01\nh: 012\n")
  }

  @Test func quotedSourceStringsStayStrings() throws {
    #expect(
      try render("a: \"0x1F\"\nb: '1.0'\nc: \"yes\"\nd: \"\"\n") == "a: \"0x1F\"\nb: \"1.0\"\nc: \"yes\"\nd: \"\"\n")
  }
}

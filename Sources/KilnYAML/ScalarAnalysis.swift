/// What the emitter may do with one scalar: libyaml's `yaml_emitter_analyze_scalar`, which
/// goyaml.v2 (and so kubectl kustomize) uses unchanged. It decides when a string that could be
/// plain must be single-quoted, when single quotes are not enough, and when a literal block
/// is impossible.
struct ScalarAnalysis {
  var multiline = false
  var blockPlainAllowed = true
  var singleQuotedAllowed = true
  var blockAllowed = true

  init(_ s: UnsafeBufferPointer<UInt8>) {
    if s.isEmpty {
      blockAllowed = false
      return
    }
    var blockIndicators = false
    var lineBreaks = false
    var specialCharacters = false
    var leadingSpace = false
    var leadingBreak = false
    var trailingSpace = false
    var trailingBreak = false
    var breakSpace = false
    var spaceBreak = false
    var previousSpace = false
    var previousBreak = false

    if s.count >= 3,
      (s[0] == UInt8(ascii: "-") && s[1] == UInt8(ascii: "-") && s[2] == UInt8(ascii: "-"))
        || (s[0] == UInt8(ascii: ".") && s[1] == UInt8(ascii: ".") && s[2] == UInt8(ascii: "."))
    {
      blockIndicators = true
    }

    var precededByWhitespace = true
    var i = 0
    while i < s.count {
      let w = YAMLChar.width(s[i])
      let followedByWhitespace = i + w >= s.count || YAMLChar.isBlankZ(s, i + w)
      let c = s[i]
      if i == 0 {
        switch c {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
          UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
          UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
          UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
          blockIndicators = true
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
          if followedByWhitespace { blockIndicators = true }
        default: break
        }
      } else {
        switch c {
        case UInt8(ascii: ":"):
          if followedByWhitespace { blockIndicators = true }
        case UInt8(ascii: "#"):
          if precededByWhitespace { blockIndicators = true }
        default: break
        }
      }
      if !YAMLChar.isPrintable(s, i) { specialCharacters = true }
      if YAMLChar.isBreak(s, i) { lineBreaks = true }

      if c == UInt8(ascii: " ") {
        if i == 0 { leadingSpace = true }
        if i + w == s.count { trailingSpace = true }
        if previousBreak { breakSpace = true }
        previousSpace = true
        previousBreak = false
      } else if YAMLChar.isBreak(s, i) {
        if i == 0 { leadingBreak = true }
        if i + w == s.count { trailingBreak = true }
        if previousSpace { spaceBreak = true }
        previousSpace = false
        previousBreak = true
      } else {
        previousSpace = false
        previousBreak = false
      }
      precededByWhitespace = YAMLChar.isBlankZ(s, i)
      i += w
    }

    multiline = lineBreaks
    if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
    if trailingSpace { blockAllowed = false }
    if breakSpace {
      blockPlainAllowed = false
      singleQuotedAllowed = false
    }
    if spaceBreak || specialCharacters {
      blockPlainAllowed = false
      singleQuotedAllowed = false
      blockAllowed = false
    }
    if lineBreaks { blockPlainAllowed = false }
    if blockIndicators { blockPlainAllowed = false }
  }
}

/// libyaml's character classes over UTF-8 bytes.
enum YAMLChar {
  @inline(__always) static func width(_ lead: UInt8) -> Int {
    if lead & 0x80 == 0 { return 1 }
    if lead & 0xE0 == 0xC0 { return 2 }
    if lead & 0xF0 == 0xE0 { return 3 }
    if lead & 0xF8 == 0xF0 { return 4 }
    return 1
  }

  @inline(__always) static func at(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
    i < s.count ? s[i] : 0
  }

  /// `\n`, `\r`, NEL (U+0085), LS (U+2028), PS (U+2029).
  static func isBreak(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let c = at(s, i)
    if c == 0x0A || c == 0x0D { return true }
    if c == 0xC2 { return at(s, i + 1) == 0x85 }
    if c == 0xE2 { return at(s, i + 1) == 0x80 && (at(s, i + 2) == 0xA8 || at(s, i + 2) == 0xA9) }
    return false
  }

  /// Space, tab, a line break, or the end of the string.
  static func isBlankZ(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    if i >= s.count { return true }
    let c = s[i]
    return c == 0x20 || c == 0x09 || c == 0 || isBreak(s, i)
  }

  /// libyaml's IS_PRINTABLE: LF, printable ASCII, and the BMP outside surrogates, the BOM
  /// and U+FFFE/U+FFFF. Tabs, other controls and every astral character are not.
  static func isPrintable(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let c = s[i]
    if c == 0x0A || (c >= 0x20 && c <= 0x7E) { return true }
    let c1 = at(s, i + 1)
    if c == 0xC2 { return c1 >= 0xA0 }
    if c > 0xC2 && c < 0xED { return true }
    if c == 0xED { return c1 < 0xA0 }
    if c == 0xEE { return true }
    if c == 0xEF {
      let c2 = at(s, i + 2)
      return !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF))
    }
    return false
  }
}

/// Recognizes the timestamps goyaml.v2 resolves: Go's `time.Parse` with one of the layouts
///
///     2006-1-2T15:4:5.999999999Z07:00   (also with a lower-case "t")
///     2006-1-2 15:4:5.999999999
///     2006-1-2
///
/// including Go's range checks (month 1–12, day within the month, hour < 24, …), so that
/// `2024-02-30` stays a string exactly as it does for kubectl.
enum GoTimestamp {
  static func isTimestamp(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    // goyaml.v2's quick check: four digits, then '-'.
    guard s.count > 4, (0..<4).allSatisfy({ ScalarResolver.isDigit(s[$0]) }),
      s[4] == UInt8(ascii: "-")
    else { return false }
    var r = Reader(s: s, i: 5)
    let year = Int(s[0] - 48) * 1000 + Int(s[1] - 48) * 100 + Int(s[2] - 48) * 10 + Int(s[3] - 48)
    guard let month = r.number(), r.literal(UInt8(ascii: "-")), let day = r.number() else {
      return false
    }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
      return false
    }
    if r.atEnd { return true }  // "2006-1-2"
    let separator = s[r.i]
    r.i += 1
    let needsZone: Bool
    switch separator {
    case UInt8(ascii: "T"), UInt8(ascii: "t"): needsZone = true
    case UInt8(ascii: " "):
      needsZone = false
      while !r.atEnd, s[r.i] == UInt8(ascii: " ") { r.i += 1 }  // Go: a layout space matches a run
    default: return false
    }
    guard let hour = r.number(), hour < 24, r.literal(UInt8(ascii: ":")),
      let minute = r.number(), minute < 60, r.literal(UInt8(ascii: ":")),
      let second = r.number(), second < 60
    else { return false }
    // Fractional seconds: '.' or ',' then at least one digit, any number of them.
    if r.i + 1 < s.count, s[r.i] == UInt8(ascii: ".") || s[r.i] == UInt8(ascii: ","),
      ScalarResolver.isDigit(s[r.i + 1])
    {
      r.i += 1
      while !r.atEnd, ScalarResolver.isDigit(s[r.i]) { r.i += 1 }
    }
    if !needsZone { return r.atEnd }
    guard !r.atEnd else { return false }
    if s[r.i] == UInt8(ascii: "Z") { return r.i + 1 == s.count }
    // ±hh:mm, exactly.
    guard s.count - r.i == 6, s[r.i] == UInt8(ascii: "+") || s[r.i] == UInt8(ascii: "-"),
      ScalarResolver.isDigit(s[r.i + 1]), ScalarResolver.isDigit(s[r.i + 2]),
      s[r.i + 3] == UInt8(ascii: ":"),
      ScalarResolver.isDigit(s[r.i + 4]), ScalarResolver.isDigit(s[r.i + 5])
    else { return false }
    let zoneHour = Int(s[r.i + 1] - 48) * 10 + Int(s[r.i + 2] - 48)
    let zoneMinute = Int(s[r.i + 4] - 48) * 10 + Int(s[r.i + 5] - 48)
    return zoneHour <= 24 && zoneMinute <= 60
  }

  private struct Reader {
    let s: UnsafeBufferPointer<UInt8>
    var i: Int
    var atEnd: Bool { i >= s.count }

    /// Go's `getnum(s, false)`: one digit, or two when the second is a digit too.
    mutating func number() -> Int? {
      guard i < s.count, ScalarResolver.isDigit(s[i]) else { return nil }
      var value = Int(s[i] - 48)
      i += 1
      if i < s.count, ScalarResolver.isDigit(s[i]) {
        value = value * 10 + Int(s[i] - 48)
        i += 1
      }
      return value
    }

    mutating func literal(_ c: UInt8) -> Bool {
      guard i < s.count, s[i] == c else { return false }
      i += 1
      return true
    }
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

import KilnYAML

/// A YAML timestamp as Go prints the `time.Time` goyaml reads from it, in RFC 3339 with
/// nanoseconds (`2024-01-01` → `2024-01-01T00:00:00Z`, `2001-12-14t21:59:43.10-05:00` →
/// `2001-12-14T21:59:43.1-05:00`). Only texts the resolver took for timestamps come here.
enum GoTimestampFormat {
  static func rfc3339Nano(_ text: String) -> String {
    let s = Array(text.utf8)
    var i = 0
    func number(maxDigits: Int) -> Int {
      var value = 0
      var n = 0
      while i < s.count, n < maxDigits, s[i] >= 48, s[i] <= 57 {
        value = value * 10 + Int(s[i] - 48)
        i += 1
        n += 1
      }
      return value
    }
    let year = number(maxDigits: 4)
    i += 1
    let month = number(maxDigits: 2)
    i += 1
    let day = number(maxDigits: 2)
    var hour = 0
    var minute = 0
    var second = 0
    var fraction: [UInt8] = []
    var zone = "Z"
    if i < s.count {
      i += 1  // 'T', 't' or the first space
      while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
      hour = number(maxDigits: 2)
      i += 1
      minute = number(maxDigits: 2)
      i += 1
      second = number(maxDigits: 2)
      if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
        i += 1
        while i < s.count, s[i] >= 48, s[i] <= 57 {
          if fraction.count < 9 { fraction.append(s[i]) }
          i += 1
        }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
      }
      if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
        let offset = String(decoding: s[i...], as: UTF8.self)
        zone = offset == "+00:00" || offset == "-00:00" ? "Z" : offset
      }
    }
    func pad(_ v: Int, _ width: Int) -> String {
      let t = String(v)
      return String(repeating: "0", count: max(0, width - t.count)) + t
    }
    var out = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
    return out + zone
  }
}

/// Standard base64 (RFC 4648, with padding), for `!!binary` scalars. Line breaks are skipped,
/// as Go's decoder skips them; any other space is an error there too.
enum Base64 {
  static func decode(_ text: String) -> [UInt8]? {
    var sextets: [UInt8] = []
    var padding = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
      case UInt8(ascii: "="):
        padding += 1
        continue
      default: break
      }
      guard padding == 0, let value = value(of: byte) else { return nil }
      sextets.append(value)
    }
    guard (sextets.count + padding) % 4 == 0, padding <= 2 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(sextets.count * 3 / 4)
    var index = 0
    while index + 1 < sextets.count {
      let chunk = sextets[index..<min(index + 4, sextets.count)]
      let a = chunk[chunk.startIndex]
      let b = chunk[chunk.startIndex + 1]
      bytes.append(a << 2 | b >> 4)
      if chunk.count > 2 {
        let c = chunk[chunk.startIndex + 2]
        bytes.append((b & 0x0F) << 4 | c >> 2)
        if chunk.count > 3 { bytes.append((c & 0x03) << 6 | chunk[chunk.startIndex + 3]) }
      }
      index += 4
    }
    return index >= sextets.count || sextets.count % 4 != 1 ? bytes : nil
  }

  private static func value(of byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}

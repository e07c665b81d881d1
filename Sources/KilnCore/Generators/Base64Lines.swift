/// Base64 as Kustomize writes Secret `data` and ConfigMap `binaryData` values: the standard
/// alphabet with `=` padding, and, when the encoded text is 70 characters or longer, cut into
/// 70-character lines that each end in `\n` (the last line too, so it prints as a `|` block).
enum Base64Lines {
  static let lineLength = 70

  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ bytes: [UInt8]) -> String {
    let plain = standard(bytes)
    guard plain.count >= lineLength else { return String(decoding: plain, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(plain.count + plain.count / lineLength + 1)
    var start = 0
    while start < plain.count {
      let end = min(start + lineLength, plain.count)
      out.append(contentsOf: plain[start..<end])
      out.append(UInt8(ascii: "\n"))
      start = end
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Standard padded base64, on one line.
  static func standard(_ bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: UInt8(ascii: "="), count: (bytes.count + 2) / 3 * 4)
    bytes.withUnsafeBufferPointer { input in
      out.withUnsafeMutableBufferPointer { output in
        var i = 0
        var o = 0
        let n = input.count
        while i + 3 <= n {
          let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
          output[o] = alphabet[Int(v >> 18 & 0x3F)]
          output[o + 1] = alphabet[Int(v >> 12 & 0x3F)]
          output[o + 2] = alphabet[Int(v >> 6 & 0x3F)]
          output[o + 3] = alphabet[Int(v & 0x3F)]
          i += 3
          o += 4
        }
        let rest = n - i
        if rest > 0 {
          let v = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i + 1]) << 8 : 0)
          output[o] = alphabet[Int(v >> 18 & 0x3F)]
          output[o + 1] = alphabet[Int(v >> 12 & 0x3F)]
          if rest == 2 { output[o + 2] = alphabet[Int(v >> 6 & 0x3F)] }
        }
      }
    }
    return out
  }
}

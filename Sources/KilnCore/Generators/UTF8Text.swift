/// Text from bytes, only when they are valid UTF-8 as Go's `utf8.Valid` judges it (no
/// surrogates, no overlong forms, nothing past U+10FFFF).
enum UTF8Text {
  static func decode(_ bytes: some Collection<UInt8>) -> String? {
    let text = String(decoding: bytes, as: UTF8.self)
    // Decoding repairs bad sequences with U+FFFD, which changes the bytes.
    return text.utf8.elementsEqual(bytes) ? text : nil
  }
}

import KilnYAML

/// `$(NAME)` references in one string, replaced as Kustomize replaces them (its `refvar`
/// expansion), in one left-to-right pass:
///
/// - `$(NAME)` of a known var is its value; of an unknown name, or a var holding a map or a
///   list, it stays as written;
/// - `$$` is one `$` (so `$$(NAME)` is the text `$(NAME)`), and `$(` without `)` is text;
/// - a string that is exactly one `$(NAME)` becomes the value with its type (a number stays a
///   number); inside longer text the value is printed as text.
///
/// Values are not expanded again: a value holding `$(OTHER)` keeps it.
struct VarExpansion {
  /// The value of each var, by name.
  let values: [String: VarValue]

  enum Result: Equatable {
    /// Nothing to replace: the string is left exactly as it was.
    case unchanged
    case scalar(Scalar)
  }

  /// The expansion of `input`, and the names of the vars it used (in order, repeated).
  func expand(_ input: String, used: inout [String]) -> Result {
    let bytes = Array(input.utf8)
    let dollar = UInt8(ascii: "$")
    guard bytes.contains(dollar) else { return .unchanged }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var checkpoint = 0
    var cursor = 0
    while cursor < bytes.count {
      defer { cursor += 1 }
      guard bytes[cursor] == dollar, cursor + 1 < bytes.count else { continue }
      out += bytes[checkpoint..<cursor]
      let next = bytes[cursor + 1]
      if next == dollar {
        // `$$`: an escaped `$`.
        out.append(dollar)
      } else if next == UInt8(ascii: "("), let close = bytes[(cursor + 2)...].firstIndex(of: UInt8(ascii: ")")) {
        let name = String(decoding: bytes[(cursor + 2)..<close], as: UTF8.self)
        let value = values[name]
        let text = value?.text
        if text != nil { used.append(name) }
        if cursor == 0 && close == bytes.count - 1 {
          // The whole string is the reference: the value keeps its type.
          if let scalar = value?.scalar() { return .scalar(scalar) }
          return .unchanged
        }
        out += Array((text ?? "$(\(name))").utf8)
        cursor = close - 1
      } else {
        // A `$` that starts nothing (`$(` with no `)`, `$x`): kept with what follows it.
        out.append(dollar)
        out.append(next)
      }
      cursor += 1
      checkpoint = cursor + 1
    }
    out += bytes[min(checkpoint, bytes.count)...]
    return out == bytes ? .unchanged : .scalar(Scalar(String(decoding: out, as: UTF8.self), tag: .string))
  }
}

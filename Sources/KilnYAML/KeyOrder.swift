#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order in which goyaml.v2 writes mapping keys, which kubectl kustomize's output follows.
///
/// Keys are compared character by character. At the first difference: two letters compare by
/// code point; a letter sorts after a non-letter; two non-letters compare by the numbers that
/// start there (so `a2 < a10`), then by the length of that digit run, then by code point.
/// A key that is a prefix of another sorts first.
///
/// goyaml.v2's comparison is not transitive for keys such as `x9y, x10y, x1y`, where kubectl's
/// own output changes from run to run. kiln sorts by byte order first and then with a stable
/// merge sort, so its output is fixed for every input and equals kubectl's whenever kubectl's
/// is itself stable.
public enum KeyOrder {
  public static func less(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { pa in b.withUTF8 { pb in less(pa, pb) } }
  }

  static func less(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if isASCII(a) && isASCII(b) {
      return compare(
        a.count, b.count, { Int64(a[$0]) }, { Int64(b[$0]) }, isLetter: isASCIILetter, isDigit: isASCIIDigit)
    }
    let ra = Array(String(decoding: a, as: UTF8.self).unicodeScalars)
    let rb = Array(String(decoding: b, as: UTF8.self).unicodeScalars)
    return compare(
      ra.count, rb.count, { Int64(ra[$0].value) }, { Int64(rb[$0].value) },
      isLetter: isUnicodeLetter, isDigit: isUnicodeDigit)
  }

  /// goyaml.v2 `keyList.Less`, over code points.
  @inline(__always)
  private static func compare(
    _ na: Int, _ nb: Int, _ ca: (Int) -> Int64, _ cb: (Int) -> Int64,
    isLetter: (Int64) -> Bool, isDigit: (Int64) -> Bool
  ) -> Bool {
    var i = 0
    while i < na && i < nb {
      let x = ca(i)
      let y = cb(i)
      if x == y {
        i += 1
        continue
      }
      let xl = isLetter(x)
      let yl = isLetter(y)
      if xl && yl { return x < y }
      if xl || yl { return yl }
      var an: Int64 = 0
      var bn: Int64 = 0
      if x == 48 || y == 48 {
        // Zeros right after other digits are significant.
        var j = i - 1
        while j >= 0 && isDigit(ca(j)) {
          if ca(j) != 48 {
            an = 1
            bn = 1
            break
          }
          j -= 1
        }
      }
      var ai = i
      while ai < na && isDigit(ca(ai)) {
        an = an &* 10 &+ (ca(ai) &- 48)
        ai += 1
      }
      var bi = i
      while bi < nb && isDigit(cb(bi)) {
        bn = bn &* 10 &+ (cb(bi) &- 48)
        bi += 1
      }
      if an != bn { return an < bn }
      if ai != bi { return ai < bi }
      return x < y
    }
    return na < nb
  }

  /// Sorts entries by key in this order; deterministic even where the order is not transitive
  /// (byte order first, then a stable sort).
  public static func sorted(_ entries: [MapEntry]) -> [MapEntry] {
    if entries.count < 2 { return entries }
    let order = sortedIndices(entries)
    // Many mappings come in order already: hand them back without a copy.
    if order.elementsEqual(entries.indices) { return entries }
    return order.map { entries[$0] }
  }

  /// The positions of `entries` in key order. Indices are sorted rather than the entries
  /// themselves: moving an entry costs a copy of its key and value, an index is one word.
  static func sortedIndices(_ entries: [MapEntry]) -> [Int] {
    var order = Array(entries.indices)
    if order.count == 2 {
      return less(entries[1].key, entries[0].key) ? [1, 0] : order
    }
    stableSort(&order) { byteLess(entries[$0].key, entries[$1].key) }
    // Over indices: `entries.allSatisfy` would copy every entry, value and all.
    if entries.indices.allSatisfy({ sortsByBytes(entries[$0].key) }) { return order }
    stableSort(&order) { less(entries[$0].key, entries[$1].key) }
    return order
  }

  /// Insertion sort for the small mappings that are most of a manifest, merge sort past that.
  private static func stableSort(_ items: inout [Int], by less: (Int, Int) -> Bool) {
    if items.count <= 16 { insertionSort(&items, by: less) } else { mergeSort(&items, by: less) }
  }

  /// Whether the key holds only letters and ASCII characters below `A` other than digits
  /// (`app.kubernetes.io/name`, `matchLabels`, `ca-bundle`). Among such keys this order is
  /// byte order: letters compare by code point, a non-letter sorts first and is a smaller
  /// byte, and two non-letters that are not digits compare by code point. Nearly every
  /// mapping of a manifest has only such keys, and skips the second sort.
  private static func sortsByBytes(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { bytes in
      bytes.allSatisfy { byte in
        (byte < UInt8(ascii: "A") && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")))
          || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
          || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      }
    }
  }

  private static func byteLess(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { pa in
      b.withUTF8 { pb in
        let n = min(pa.count, pb.count)
        if n > 0, let x = pa.baseAddress, let y = pb.baseAddress {
          let c = memcmp(x, y, n)
          if c != 0 { return c < 0 }
        }
        return pa.count < pb.count
      }
    }
  }

  private static func insertionSort(_ items: inout [Int], by less: (Int, Int) -> Bool) {
    for i in 1..<items.count {
      var j = i
      while j > 0 && less(items[j], items[j - 1]) {
        items.swapAt(j, j - 1)
        j -= 1
      }
    }
  }

  private static func mergeSort(_ items: inout [Int], by less: (Int, Int) -> Bool) {
    var scratch = items
    var width = 1
    let n = items.count
    // Bottom-up: runs of 1, then insertion-free merges; stable.
    while width < n {
      var start = 0
      while start < n {
        let mid = min(start + width, n)
        let end = min(start + 2 * width, n)
        var i = start
        var j = mid
        var k = start
        while i < mid && j < end {
          if less(items[j], items[i]) {
            scratch[k] = items[j]
            j += 1
          } else {
            scratch[k] = items[i]
            i += 1
          }
          k += 1
        }
        while i < mid {
          scratch[k] = items[i]
          i += 1
          k += 1
        }
        while j < end {
          scratch[k] = items[j]
          j += 1
          k += 1
        }
        start = end
      }
      swap(&items, &scratch)
      width *= 2
    }
  }

  private static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    for c in p where c >= 0x80 { return false }
    return true
  }

  private static func isASCIILetter(_ c: Int64) -> Bool {
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  }

  private static func isASCIIDigit(_ c: Int64) -> Bool { c >= 48 && c <= 57 }

  /// Go's `unicode.IsLetter`: general category L.
  private static func isUnicodeLetter(_ c: Int64) -> Bool {
    guard let s = Unicode.Scalar(UInt32(c)) else { return false }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return true
    default: return false
    }
  }

  /// Go's `unicode.IsDigit`: general category Nd.
  private static func isUnicodeDigit(_ c: Int64) -> Bool {
    guard let s = Unicode.Scalar(UInt32(c)) else { return false }
    return s.properties.generalCategory == .decimalNumber
  }
}

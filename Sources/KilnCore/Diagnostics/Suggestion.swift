/// "did you mean …" for a misspelt key, component or environment name.
public enum Suggestion {
  /// The candidate closest to `word`, when it is close enough to be a likely typo: within
  /// one edit for short words, two for medium ones, three for long ones. Ties go to the
  /// candidate that sorts first, so the hint is the same on every run.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = word.count <= 4 ? 1 : word.count <= 10 ? 2 : 3
    var best: (distance: Int, candidate: String)?
    for candidate in candidates where candidate != word {
      let d = distance(word.lowercased(), candidate.lowercased())
      guard d <= limit else { continue }
      if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.candidate) {
        best = (d, candidate)
      }
    }
    return best?.candidate
  }

  /// `hint: did you mean "replicas"?`, or nil.
  public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
    closest(to: word, among: candidates).map { "did you mean \"\($0)\"?" }
  }

  /// Optimal string alignment distance: Levenshtein plus adjacent transpositions
  /// (`replcias` is one edit from `replicas`).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}

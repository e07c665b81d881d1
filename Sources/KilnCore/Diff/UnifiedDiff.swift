/// Line differences in unified form: hunks of changed lines with `context` unchanged lines
/// around them, as `diff -u` prints them.
public enum UnifiedDiff {
  public enum Line: Equatable, Sendable {
    case context(String)
    case removed(String)
    case added(String)
    case hunk(String)
  }

  static func lines(old: [String], new: [String], context: Int = 3) -> [Line] {
    guard old != new else { return [] }
    // Walk both sides along the edit script (removals and insertions by offset).
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var script: [(line: Line, oldIndex: Int, newIndex: Int)] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count && removed.contains(i) {
        script.append((.removed(old[i]), i, j))
        i += 1
      } else if j < new.count && inserted.contains(j) {
        script.append((.added(new[j]), i, j))
        j += 1
      } else {
        script.append((.context(old[i]), i, j))
        i += 1
        j += 1
      }
    }
    // Hunks: runs of changes with their context, merged when their context overlaps.
    let changed = script.indices.filter { if case .context = script[$0].line { false } else { true } }
    var hunks: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(script.count - 1, index + context)
      if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
        hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        hunks.append(range)
      }
    }
    var out: [Line] = []
    for hunk in hunks {
      let slice = script[hunk]
      let oldCount = slice.filter { if case .added = $0.line { false } else { true } }.count
      let newCount = slice.filter { if case .removed = $0.line { false } else { true } }.count
      let oldStart = (slice.first?.oldIndex ?? 0) + (oldCount == 0 ? 0 : 1)
      let newStart = (slice.first?.newIndex ?? 0) + (newCount == 0 ? 0 : 1)
      out.append(.hunk("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"))
      out += slice.map(\.line)
    }
    return out
  }
}

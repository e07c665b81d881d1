/// `kiln diff`: two rendered streams compared object by object.
public struct ManifestDiff: Sendable {
  public enum Change: String, Sendable { case added, changed, removed }

  public struct Entry: Sendable {
    public var change: Change
    public var header: String
    public var lines: [UnifiedDiff.Line]
  }

  /// Changed objects, in the order of the new side (removed ones in the order of the old,
  /// after the rest).
  public var entries: [Entry]

  public var isEmpty: Bool { entries.isEmpty }

  public func count(_ change: Change) -> Int { entries.filter { $0.change == change }.count }

  /// `N added, N changed, N removed`.
  public var summary: String {
    "\(count(.added)) added, \(count(.changed)) changed, \(count(.removed)) removed"
  }

  public static func compare(old: [DiffObject], new: [DiffObject], showSecrets: Bool = false) -> ManifestDiff {
    var oldByKey: [String: DiffObject] = [:]
    for object in old where oldByKey[object.key] == nil { oldByKey[object.key] = object }
    let newKeys = Set(new.map(\.key))
    var entries: [Entry] = []
    for object in new {
      let counterpart = oldByKey[object.key]
      var (before, after): (DiffObject?, DiffObject?) = (counterpart, object)
      if object.isSecret && !showSecrets { (before, after) = SecretMask.mask(old: before, new: after) }
      let lines = UnifiedDiff.lines(old: before?.lines() ?? [], new: after?.lines() ?? [])
      guard !lines.isEmpty else { continue }
      entries.append(Entry(change: counterpart == nil ? .added : .changed, header: object.header, lines: lines))
    }
    for object in old where !newKeys.contains(object.key) {
      var before: DiffObject? = object
      if object.isSecret && !showSecrets { before = SecretMask.mask(old: object, new: nil).old }
      entries.append(
        Entry(change: .removed, header: object.header, lines: UnifiedDiff.lines(old: before?.lines() ?? [], new: [])))
    }
    return ManifestDiff(entries: entries)
  }
}

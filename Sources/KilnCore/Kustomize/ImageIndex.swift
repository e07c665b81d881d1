import KilnYAML

/// Objects by the names of the images their containers run, so an `images` entry visits only
/// the objects it can change.
struct ImageIndex {
  private var names = ImageNames()
  /// The objects running each name, by the name's slot.
  private var objects: [[Int]] = []
  private var covered = 0

  mutating func apply(_ transform: SetImages, to resources: inout [Resource]) throws {
    // Objects recorded earlier went through an earlier entry's null-list step already.
    // The check's walk also indexes the images it passes.
    for index in covered..<resources.count where resources[index].kind != "CustomResourceDefinition" {
      try SetImages.checkContainers(in: resources[index].node) { note($0, at: index) }
      SetImages.emptyNullContainerLists(&resources[index].node)
    }
    covered = resources.count
    for override in transform.overrides {
      // A name with a tag or a digest in it, or with regular-expression operators other than
      // `.`, is matched against every object, as Kustomize does.
      var candidates: [Int]
      if override.name.utf8.contains(where: {
        $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") || ImageOverride.isRegexOperator($0)
      }) {
        candidates = Array(resources.indices)
      } else {
        candidates = []
        for slot in names.slots(matching: override) { candidates += objects[slot] }
        if candidates.count > 1 { candidates = Array(Set(candidates)).sorted() }
      }
      let one = SetImages(overrides: [override], scalarRewrite: transform.scalarRewrite)
      for index in candidates where resources[index].kind != "CustomResourceDefinition" {
        one.rewrite(&resources[index].node)
      }
      if override.newName != nil {
        for index in candidates { record(resources[index], at: index) }
      }
    }
  }

  /// Indexes an object again after an entry renamed its images (its shape was checked already).
  private mutating func record(_ resource: Resource, at index: Int) {
    guard resource.kind != "CustomResourceDefinition" else { return }
    try? SetImages.checkContainers(in: resource.node) { note($0, at: index) }
  }

  private mutating func note(_ image: String, at index: Int) {
    let slot = names.slot(of: ImageReference(parsing: image).name)
    if slot == objects.count {
      objects.append([index])
    } else if objects[slot].last != index {
      objects[slot].append(index)
    }
  }
}

/// Distinct image names, each with a slot number in first-seen order, found for an `images`
/// entry without testing every name: an entry's name matches `^name(:tag)?(@digest)?$` with
/// `.` matching any character, so a name without `:` or `@` in it matches exactly when it has
/// the entry's length and the entry's bytes wherever the entry has no `.`. Names are kept
/// with those positions masked, once for each set of `.` positions entries have used.
private struct ImageNames {
  private var names: [[UInt8]] = []
  private var exact: [String: Int] = [:]
  /// For each set of `.` positions entries have used (a build has one or two): names masked
  /// there (those bytes made `.`), to their slots.
  private var masked: [(dots: [Int], slots: [String: [Int]])] = []
  /// Names with `:` or `@` (a registry port, user information), or with a character beyond
  /// ASCII (where `.` matches several bytes), tested one by one.
  private var unusual: [Int] = []

  /// The slot of `name`, a new one (the next number) when it is new.
  mutating func slot(of name: String) -> Int {
    if let known = exact[name] { return known }
    let slot = names.count
    let bytes = Array(name.utf8)
    names.append(bytes)
    exact[name] = slot
    if bytes.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") || $0 >= 0x80 }) {
      unusual.append(slot)
    } else {
      for set in masked.indices { add(slot, to: set) }
    }
    return slot
  }

  /// The slots of every name `override` matches (its name has no operator but `.`).
  mutating func slots(matching override: ImageOverride) -> [Int] {
    let pattern = Array(override.name.utf8)
    let dots = pattern.indices.filter { pattern[$0] == UInt8(ascii: ".") }
    var found: [Int]
    if dots.isEmpty {
      found = exact[override.name].map { [$0] } ?? []
      if let slot = found.first, unusual.contains(slot) { found = [] }
    } else {
      let set: Int
      if let known = masked.firstIndex(where: { $0.dots == dots }) {
        set = known
      } else {
        masked.append((dots, [:]))
        set = masked.count - 1
        for slot in names.indices where !unusual.contains(slot) { add(slot, to: set) }
      }
      found = masked[set].slots[override.name] ?? []
    }
    for slot in unusual where override.matches(String(decoding: names[slot], as: UTF8.self)) { found.append(slot) }
    return found
  }

  private mutating func add(_ slot: Int, to set: Int) {
    var key = names[slot]
    let dots = masked[set].dots
    guard let last = dots.last, last < key.count else { return }
    for position in dots { key[position] = UInt8(ascii: ".") }
    masked[set].slots[String(decoding: key, as: UTF8.self), default: []].append(slot)
  }
}

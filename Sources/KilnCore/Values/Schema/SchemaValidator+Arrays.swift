import KilnYAML

/// The keywords of arrays: `prefixItems` (and the array form of `items`), `items` (and
/// `additionalItems`), `contains` with `minContains`/`maxContains`, `minItems`, `maxItems`,
/// `uniqueItems`.
extension SchemaValidator {
  func checkArray(_ value: Node, _ subschema: Subschema, at path: ValuePath, into found: inout [SchemaViolation]) {
    guard let items = value.items else { return }
    checkCount(items.count, of: "item", subschema.minItems, subschema.maxItems, value, at: path, into: &found)
    if let contains = subschema.contains {
      checkContains(items, contains, subschema, in: value, at: path, into: &found)
    }
    if let unique = subschema.uniqueItems, unique.value {
      for (index, item) in items.enumerated() {
        guard let first = items[..<index].firstIndex(where: { JSONEquality.equal($0, item) }) else { continue }
        let message = "repeats item \(first), want unique items"
        found.append(SchemaViolation(path.appending(index: index), at: item.location, message, by: unique))
      }
    }
    let prefix = subschema.prefixItems?.value ?? []
    for (index, item) in items.enumerated() {
      let itemPath = path.appending(index: index)
      if index < prefix.count {
        check(item, against: prefix[index], at: itemPath, into: &found)
      } else if let rest = subschema.items {
        check(item, against: rest.value, at: itemPath, into: &found)
      }
    }
  }

  private func checkContains(
    _ items: [Node], _ contains: Keyword<Subschema.ID>, _ subschema: Subschema, in value: Node, at path: ValuePath,
    into found: inout [SchemaViolation]
  ) {
    let matching = items.indices.filter { matches(items[$0], contains.value, at: path.appending(index: $0)) }.count
    let minimum = subschema.minContains?.value ?? 1
    if matching < minimum {
      let message =
        matching == 0 && minimum == 1
        ? "no item matches \"contains\""
        : "got \(Self.count(matching, "item")) matching \"contains\", want at least \(minimum)"
      found.append(SchemaViolation(path, at: value.location, message, by: subschema.minContains ?? contains))
    }
    if let maximum = subschema.maxContains, matching > maximum.value {
      let message = "got \(Self.count(matching, "item")) matching \"contains\", want at most \(maximum.value)"
      found.append(SchemaViolation(path, at: value.location, message, by: maximum))
    }
  }
}

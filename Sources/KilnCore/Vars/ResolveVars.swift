import KilnYAML

/// Replaces `$(NAME)` references with the values of the build's vars, once, at the end of the
/// top-level build: after content hashes and reference updates (so a var naming a generated
/// ConfigMap reads its final name), before local-config objects are dropped.
///
/// Reads: each var's field in the object it was tied to (`BindVars`), as that object is now.
/// Writes: the strings at the `varReference` field specs (container args, command, env
/// values, labels, annotations …) of every object, in one pass over each object's paths: a
/// string is scanned once whatever the number of vars. Kustomize's rules are kept: at a spec
/// naming a list every element must be a string; in a map, only string values are looked at;
/// numbers, booleans and nulls are passed over.
struct ResolveVars: Transform {
  var name: String { "ResolveVars" }
  let vars: [Var]
  let fieldSpecs: [FieldSpec]

  func apply(to resources: inout [Resource]) throws {
    _ = try resolve(&resources)
  }

  /// Like `apply`, giving back the names of the vars no reference used, sorted.
  func resolve(_ resources: inout [Resource]) throws -> [String] {
    guard !vars.isEmpty else { return [] }
    let expansion = VarExpansion(values: try values(of: resources))
    let specs = fieldSpecs
    let pieces = InParallel.ranges(resources.count, minimum: 64) { [resources] range in
      var updated: [(index: Int, node: Node)] = []
      var used: [String] = []
      var failure = DiagnosticCollector()
      var applicable = ApplicableSpecs(specs)
      for index in range {
        var node = resources[index].node
        var changed = false
        do {
          for spec in applicable.specs(for: resources[index].typeInfo) {
            try FieldPath.visit(&node, spec, transform: "vars") { target in
              try Self.substitute(
                in: &target, expansion, at: spec, of: resources[index], used: &used, changed: &changed)
            }
          }
        } catch {
          failure.record(error)
          break
        }
        if changed { updated.append((index, node)) }
      }
      return (updated: updated, used: used, failure: failure)
    }
    // Kustomize stops at the first object that fails; the pieces are in object order.
    if let failed = pieces.first(where: { $0.failure.hasErrors }) { try failed.failure.throwIfErrors() }
    for piece in pieces {
      for (index, node) in piece.updated { resources[index].node = node }
    }
    let used = Set(pieces.flatMap(\.used))
    return vars.map(\.name).filter { !used.contains($0) }.sorted()
  }

  /// Each var's value, read from the first object tied to it. Vars are looked at in name order,
  /// as Kustomize does, so the error is about the first failing name.
  private func values(of resources: [Resource]) throws -> [String: VarValue] {
    var holder: [String: Int] = [:]
    for index in resources.indices {
      for name in resources[index].varNames where holder[name] == nil { holder[name] = index }
    }
    var values: [String: VarValue] = [:]
    for variable in vars.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
      guard let index = holder[variable.name] else {
        throw Diagnostic.error(
          "var \"\(variable.name)\": no object \(variable.objref.description) among the objects of the kustomization that declares it",
          at: variable.location,
          hint: variable.objref.version.isEmpty
            ? "the objref has no apiVersion: group, version and kind must all be the object's"
            : "an objref names an object of the kustomization declaring the var, or of what it includes")
      }
      let resource = resources[index]
      guard let node = VarFieldPath.lookup(variable.fieldPath, in: resource.node), let value = VarValue(node) else {
        throw Diagnostic.error(
          "var \"\(variable.name)\": \(resource.id) has no value at \(variable.fieldPath)", at: variable.location)
      }
      values[variable.name] = value
    }
    return values
  }

  /// Expands the strings of `node`, the field a spec leads to: a string, a list of strings, or
  /// a map whose string values are expanded.
  private static func substitute(
    in node: inout Node, _ expansion: VarExpansion, at spec: FieldSpec, of resource: Resource, used: inout [String],
    changed: inout Bool
  ) throws {
    func expand(_ item: inout Node) {
      guard let scalar = item.scalar, scalar.tag == .string else { return }
      if case .scalar(let replaced) = expansion.expand(scalar.text, used: &used) {
        item.value = .scalar(replaced)
        changed = true
      }
    }
    switch node.value {
    case .scalar:
      expand(&node)
    case .mapping:
      node.withEntries { entries in
        for i in entries.indices { expand(&entries[i].value) }
      }
    case .sequence(let items):
      if let bad = items.first(where: { $0.scalar?.tag != .string }) {
        throw Diagnostic.error(
          "\(resource.id): \(spec.pathDescription) is a list for $(VAR) references, so its items must be strings, not \(bad.scalar.map { "the \($0.tag) \($0.text)" } ?? "a \(bad.kindDescription)")",
          at: bad.location, hint: "quote the item")
      }
      node.withItems { items in
        for i in items.indices { expand(&items[i]) }
      }
    }
  }
}

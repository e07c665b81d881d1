import KilnYAML

/// The `replacements` field: each entry is a replacement written inline (`source`, `targets`)
/// or the `path` of a file holding one replacement or a list of them. The same list is the
/// configuration of a `ReplacementTransformer` plugin, so the decoding is shared from here.
extension KustomizationDecoder {
  /// The replacements of a list node on its own (a `ReplacementTransformer` plugin's
  /// `replacements`), `path:` files read with `readFile`; every problem thrown at once. Not
  /// `strict`, unknown keys are passed over, as Kustomize reads a plugin's configuration.
  static func replacements(_ list: Node, file: String, strict: Bool = true, readFile: @escaping FileReader) throws
    -> [Replacement]
  {
    var decoder = KustomizationDecoder(file: file, readFile: readFile, context: "replacements")
    guard let items = list.items else {
      if list.isNull { return [] }
      throw Diagnostic.error("replacements must be a list, not a \(list.kindDescription)", at: list.location)
    }
    let result = decoder.replacements(items, strict: strict)
    try decoder.problems.throwIfErrors()
    return result
  }

  /// Every replacement a `replacements:` list (or a plugin's) holds, files read in place, in
  /// order. Problems go to `problems`, at the entry or field concerned.
  mutating func replacements(_ items: [Node], strict: Bool = true) -> [Replacement] {
    var result: [Replacement] = []
    for item in items {
      let fields = StrictMapping(item, context: "replacements entry", problems: &problems)
      if strict { fields.checkKeys(["path", "source", "targets"], problems: &problems) }
      let path = fields.string("path", problems: &problems).flatMap { $0.isEmpty ? nil : $0 }
      guard let path else {
        if let replacement = replacement(fields, strict: strict) { result.append(replacement) }
        continue
      }
      if fields["source"] != nil || !(fields["targets"]?.items?.isEmpty ?? true) {
        problems.add(.error(ReplacementMessages.pathAndInline, at: item.location))
        continue
      }
      result += replacementsFile(path, at: fields["path"]?.location ?? item.location)
    }
    return result
  }

  /// A file named by `path:`: its first document, one replacement or a list. Kustomize reads
  /// these without its strict check, so unknown keys are passed over there.
  private mutating func replacementsFile(_ path: String, at location: SourceLocation) -> [Replacement] {
    guard let (text, display) = load(path, at: location) else { return [] }
    let document: Node?
    do {
      document = try YAMLParser.parseDocuments(Array(text.utf8), file: display, firstDocumentOnly: true).first
    } catch {
      problems.record(error)
      return []
    }
    guard let document, document.isMapping || document.isSequence else {
      problems.add(
        .error(
          ReplacementMessages.notAReplacementFile(path, found: document?.kindDescription ?? "nothing"), at: location))
      return []
    }
    let items = document.items ?? [document]
    return items.compactMap { item in
      replacement(StrictMapping(item, context: "replacement in \(path)", problems: &problems), strict: false)
    }
  }

  /// An inline replacement. Kustomize refuses one without a source or a target, and a target
  /// without `select`, when it runs; kiln says so on reading.
  private mutating func replacement(_ fields: StrictMapping, strict: Bool) -> Replacement? {
    // Not a mapping: already reported.
    if !fields.node.isMapping && !fields.node.isNull { return nil }
    let sourceNode = fields.mapping("source", problems: &problems)
    let source = sourceNode.map { self.source($0, strict: strict) }
    var targets: [Replacement.Target] = []
    var complete = true
    for item in fields.sequence("targets", problems: &problems) ?? [] {
      if let target = target(item, strict: strict) { targets.append(target) } else { complete = false }
    }
    guard complete else { return nil }
    guard let source, !targets.isEmpty else {
      problems.add(.error(ReplacementMessages.sourceAndTargetNeeded, at: fields.node.location))
      return nil
    }
    return Replacement(source: source, targets: targets, location: fields.node.location)
  }

  private mutating func source(_ node: Node, strict: Bool) -> Replacement.Source {
    let fields = StrictMapping(node, context: "replacement source", problems: &problems)
    if strict {
      fields.checkKeys(
        ["group", "version", "kind", "name", "namespace", "fieldPath", "options"], problems: &problems)
    }
    let path = fields.string("fieldPath", problems: &problems).flatMap { $0.isEmpty ? nil : $0 }
    return Replacement.Source(
      selector: selector(fields, allowsSelectors: false),
      fieldPath: Replacement.Path(
        path ?? Replacement.defaultFieldPath, at: fields["fieldPath"]?.location ?? node.location),
      options: options(fields, strict: strict))
  }

  private mutating func target(_ node: Node, strict: Bool) -> Replacement.Target? {
    let fields = StrictMapping(node, context: "replacement target", problems: &problems)
    if strict { fields.checkKeys(["select", "reject", "fieldPaths", "options"], problems: &problems) }
    var select: Replacement.Selector?
    if let node = fields.mapping("select", problems: &problems) {
      select = selector(node, strict: strict)
    }
    let reject = (fields.sequence("reject", problems: &problems) ?? []).map { selector($0, strict: strict) }
    var paths: [Replacement.Path] = []
    for item in fields.sequence("fieldPaths", problems: &problems) ?? [] {
      if let text = StrictMapping.string(item, what: "fieldPaths entry", problems: &problems) {
        paths.append(Replacement.Path(text, at: item.location))
      }
    }
    let options = options(fields, strict: strict)
    guard let select else {
      if node.isMapping { problems.add(.error(ReplacementMessages.selectNeeded, at: node.location)) }
      return nil
    }
    if paths.isEmpty { paths = [Replacement.Path(Replacement.defaultFieldPath, at: node.location)] }
    return Replacement.Target(
      select: select, reject: reject, fieldPaths: paths, options: options, location: node.location)
  }

  private mutating func selector(_ node: Node, strict: Bool) -> Replacement.Selector {
    let fields = StrictMapping(node, context: "replacement selector", problems: &problems)
    if strict {
      fields.checkKeys(
        ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"], problems: &problems)
    }
    return selector(fields, allowsSelectors: true)
  }

  private mutating func selector(_ fields: StrictMapping, allowsSelectors: Bool) -> Replacement.Selector {
    Replacement.Selector(
      group: fields.string("group", problems: &problems), version: fields.string("version", problems: &problems),
      kind: fields.string("kind", problems: &problems), name: fields.string("name", problems: &problems),
      namespace: fields.string("namespace", problems: &problems),
      labelSelector: allowsSelectors ? fields.string("labelSelector", problems: &problems) : nil,
      annotationSelector: allowsSelectors ? fields.string("annotationSelector", problems: &problems) : nil,
      location: fields.node.location)
  }

  private mutating func options(_ fields: StrictMapping, strict: Bool) -> Replacement.Options {
    guard let node = fields.mapping("options", problems: &problems) else { return Replacement.Options() }
    let options = StrictMapping(node, context: "replacement options", problems: &problems)
    if strict { options.checkKeys(["delimiter", "index", "encoding", "create"], problems: &problems) }
    _ = options.string("encoding", problems: &problems)
    return Replacement.Options(
      delimiter: options.string("delimiter", problems: &problems) ?? "",
      index: options.int("index", problems: &problems) ?? 0,
      create: options.bool("create", problems: &problems) ?? false)
  }
}

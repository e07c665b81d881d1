import KilnYAML

/// A patch's text, read the way Kustomize reads it.
enum ParsedPatch {
  /// Strategic merge patches: YAML 1.2 objects, each with a kind and a name.
  case strategicMerge([Node])
  /// A JSON 6902 operation list.
  case json6902([JSONPatch.Operation])
}

/// Reads a `PatchSpec`'s text as a strategic merge patch, a JSON 6902 patch, or (for
/// `patches:`) whichever of the two it turns out to be; exactly one must work.
///
/// - Strategic merge: YAML 1.2 documents; empty ones are skipped, the rest must be mappings with
///   `kind` and `metadata.name`. A `kind: List` document brings its `items`.
/// - JSON 6902: text starting with `[` is JSON; anything else is read as YAML 1.1 (its first
///   document), as Kustomize converts it to JSON, so `value: yes` is the boolean true.
/// - Text that is only comments, or `[]`, reads as both and is refused. An empty file is an
///   empty JSON 6902 patch (Kustomize falls through to one). A `patchesJson6902` entry must
///   hold at least one operation.
enum PatchParser {
  static func parse(_ spec: PatchSpec) throws -> ParsedPatch {
    let inline = spec.location.file == spec.file
    switch spec.form {
    case .strategicMerge:
      let documents = try strategicMerge(spec, inline: inline).get()
      guard !documents.isEmpty else { throw Diagnostic.error(PatchMessages.emptyStrategicMerge(), at: spec.location) }
      return .strategicMerge(documents.map(readAsResource))
    case .json6902:
      // Kustomize's PatchJson6902Transformer refuses a patch with no operation (`[]`), even
      // one whose target selects nothing; `patches:` lets it through and changes nothing.
      let operations = try json6902(spec, inline: inline).get()
      guard !operations.isEmpty else { throw Diagnostic.error(PatchMessages.emptyJSONPatch(), at: spec.location) }
      return .json6902(operations)
    case .either:
      let sm = strategicMerge(spec, inline: inline)
      let json = json6902(spec, inline: inline)
      switch (sm, json) {
      case (.success, .success):
        throw Diagnostic.error(PatchMessages.bothKinds(), at: spec.location)
      case (.success(let documents), .failure):
        // No document at all: Kustomize falls through to an empty JSON patch.
        return documents.isEmpty ? .json6902([]) : .strategicMerge(documents)
      case (.failure, .success(let operations)):
        return .json6902(operations)
      case (.failure(let smError), .failure(let jsonError)):
        throw Diagnostic.error(
          PatchMessages.notAPatch(), at: spec.location,
          notes: ["as a strategic merge patch: \(smError.message)", "as a JSON 6902 patch: \(jsonError.message)"])
      }
    }
  }

  // MARK: - Strategic merge

  /// Kustomize reads a `patchesStrategicMerge` patch as it reads a resource, so its labels and
  /// annotations come out as a resource's do: every value the text it was written as (`null`
  /// too, and `0x1F` stays `0x1F`), and a null or empty map no map at all (it changes nothing).
  static func readAsResource(_ document: Node) -> Node {
    var document = document
    document.withValue(forKey: "metadata") { metadata in
      for field in ["labels", "annotations"] {
        guard let value = metadata[field] else { continue }
        guard let entries = value.entries, !entries.isEmpty else {
          metadata[field] = nil
          continue
        }
        metadata[field] = Node(.mapping(entries.map(\.withTextValue)), at: value.location)
      }
    }
    return document
  }

  static func strategicMerge(_ spec: PatchSpec, inline: Bool) -> Result<[Node], Diagnostic> {
    let parsed: [Node]
    do {
      parsed = try YAMLParser.parseDocuments(
        Array(spec.text.utf8), file: spec.file, dialect: .yaml12,
        options: spec.keepsDuplicateKeys ? [.keepDuplicateKeys] : [])
    } catch {
      return .failure(located(Diagnostic(error), inline: inline, at: spec.location))
    }
    var documents: [Node] = []
    for document in parsed {
      let document = inline ? relocated(document, to: spec.location) : document
      if document.isNull || document.entries?.isEmpty == true || document.items?.isEmpty == true { continue }
      guard document.isMapping else {
        return .failure(.error("a \(document.kindDescription) is not an object", at: document.location))
      }
      if document["kind"]?.scalar?.text == "List", let items = document["items"]?.items {
        documents += items.filter(\.isMapping)
        continue
      }
      guard let kind = document["kind"]?.scalar?.text, !kind.isEmpty else {
        return .failure(.error(PatchMessages.missingPatchField("kind"), at: document.location))
      }
      guard let name = document["metadata"]?["name"]?.scalar?.text, !name.isEmpty else {
        return .failure(.error(PatchMessages.missingPatchField("metadata.name"), at: document.location))
      }
      documents.append(document)
    }
    return .success(documents)
  }

  /// A parse error in inline patch text: its line and column count from the patch's first
  /// line, not the kustomization's, so it points at the `patch:` entry instead.
  static func located(_ diagnostic: Diagnostic, inline: Bool, at location: SourceLocation) -> Diagnostic {
    guard inline else { return diagnostic }
    var diagnostic = diagnostic
    diagnostic.location = location
    diagnostic.sourceLine = nil
    return diagnostic
  }

  /// Inline patch text sits inside the kustomization: its own line numbers mean nothing
  /// there, so every node points at the `patch:` entry instead.
  static func relocated(_ node: Node, to location: SourceLocation) -> Node {
    switch node.value {
    case .scalar: return Node(node.value, at: location)
    case .mapping(let entries):
      return Node(
        .mapping(
          entries.map { MapEntry(key: $0.key, keyLocation: location, value: relocated($0.value, to: location)) }),
        at: location)
    case .sequence(let items):
      return Node(.sequence(items.map { relocated($0, to: location) }), at: location)
    }
  }

  // MARK: - JSON 6902

  static func json6902(_ spec: PatchSpec, inline: Bool) -> Result<[JSONPatch.Operation], Diagnostic> {
    let text = inline ? trimmed(spec.text) : spec.text
    guard !text.isEmpty else { return .failure(.error("empty json patch operations", at: spec.location)) }
    let document: Node
    do {
      if text.hasPrefix("[") {
        document = try JSONReader.parse(text, file: spec.file)
      } else {
        var options: YAMLReadOptions = spec.keepsDuplicateKeys ? [.keepDuplicateKeys] : []
        if spec.readsAsKubectl { options.insert(.goMapKeys) }
        let stream = try YAMLParser.parseStream(Array(text.utf8), file: spec.file, dialect: .yaml11, options: options)
        // sigs.k8s.io/yaml reads the operations into Go maps: a key written twice keeps its last value.
        document = spec.keepsDuplicateKeys ? PatchLeniency.lastOfEach(stream.first ?? .null()) : stream.first ?? .null()
      }
    } catch let error as Diagnostic {
      return .failure(located(error, inline: inline, at: spec.location))
    } catch let error as YAMLError {
      return .failure(located(Diagnostic(error), inline: inline, at: spec.location))
    } catch {
      return .failure(.error("\(error)", at: spec.location))
    }
    let root = inline ? relocated(document, to: spec.location) : document
    if root.isNull { return .success([]) }
    guard let items = root.items else {
      return .failure(
        .error(
          PatchMessages.notJSONPatch("a JSON 6902 patch is a list of operations, not a \(root.kindDescription)"),
          at: root.location))
    }
    var operations: [JSONPatch.Operation] = []
    for item in items {
      guard item.isMapping || item.isNull else {
        return .failure(
          .error(
            PatchMessages.notJSONPatch("an operation is a mapping, not a \(item.kindDescription)"), at: item.location))
      }
      operations.append(JSONPatch.Operation(item, fromJSON: text.hasPrefix("[")))
    }
    return .success(operations)
  }

  /// Go's `strings.TrimSpace`.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}

import KilnYAML

/// RFC 6902 patches as Kustomize v5.5 applies them (evanphx/json-patch v4): `add`, `remove`,
/// `replace`, `move`, `copy` and `test` on the object's JSON form.
///
/// Its departures from the RFC are kept: `replace` of a missing map key adds it; `copy` from a
/// missing key copies null; an operation without `value` uses null; negative array indexes
/// count from the end; a path that does not start with `/` drops its first segment. A failing
/// operation aborts the build with evanphx's words (`add operation does not apply: doc is
/// missing path: "/spec/x": missing value`).
enum JSONPatch {
  /// One operation, as written in the patch.
  struct Operation {
    var fields: Node
    /// Written as JSON text: `test` compares numbers as spelled (`1.0` is not `1`).
    var fromJSON: Bool
    var location: SourceLocation { fields.location }

    init(_ fields: Node, fromJSON: Bool) {
      self.fields = fields
      self.fromJSON = fromJSON
    }

    /// `op`, or "unknown" when missing or not a string.
    var kind: String { fields["op"]?.string ?? "unknown" }

    func string(_ key: String) -> String? { fields[key]?.string }

    /// The value, converted to JSON; nil when the operation has no `value`.
    var value: Node? {
      guard let node = fields["value"] else { return nil }
      return JSONForm.patchValue(node, fromJSON: fromJSON)
    }
  }

  struct Failure: Error {
    var message: String
  }

  /// Applies `operations` to `document` (already in JSON form), in order.
  static func apply(_ operations: [Operation], to document: inout Node) throws(Failure) {
    for operation in operations {
      switch operation.kind {
      case "add": try add(operation, &document)
      case "remove": try remove(operation, &document)
      case "replace": try replace(operation, &document)
      case "move": try move(operation, &document)
      case "copy": try copy(operation, &document)
      case "test": try test(operation, &document)
      default: throw Failure(message: "Unexpected kind: \(operation.kind)")
      }
    }
  }

  // MARK: - Operations

  private static func add(_ op: Operation, _ doc: inout Node) throws(Failure) {
    guard let path = op.string("path") else {
      throw Failure(message: "add operation failed to decode path: missing value")
    }
    let value = op.value ?? .null()
    let done: Void? = try Container.at(path, in: &doc) { (container, key) throws(Failure) in
      do throws(Failure) { try container.add(key, value) } catch {
        throw Failure(message: "error in add for path: '\(path)': \(error.message)")
      }
    }
    if done == nil {
      throw Failure(message: "add operation does not apply: doc is missing path: \"\(path)\": missing value")
    }
  }

  private static func remove(_ op: Operation, _ doc: inout Node) throws(Failure) {
    guard let path = op.string("path") else {
      throw Failure(message: "remove operation failed to decode path: missing value")
    }
    let done: Void? = try Container.at(path, in: &doc) { (container, key) throws(Failure) in
      do throws(Failure) { try container.remove(key) } catch {
        throw Failure(message: "error in remove for path: '\(path)': \(error.message)")
      }
    }
    if done == nil {
      throw Failure(message: "remove operation does not apply: doc is missing path: \"\(path)\": missing value")
    }
  }

  private static func replace(_ op: Operation, _ doc: inout Node) throws(Failure) {
    guard let path = op.string("path") else {
      throw Failure(message: "replace operation failed to decode path: operation missing path field: missing value")
    }
    let value = op.value ?? .null()
    if path.isEmpty {
      guard value.isMapping || value.isSequence else {
        throw Failure(message: "replace operation value must be object or array")
      }
      doc = value
      return
    }
    let done: Void? = try Container.at(path, in: &doc) { (container, key) throws(Failure) in
      do throws(Failure) { _ = try container.get(key) } catch {
        throw Failure(message: "replace operation does not apply: doc is missing key: \(path): missing value")
      }
      do throws(Failure) { try container.set(key, value) } catch {
        throw Failure(message: "error in remove for path: '\(path)': \(error.message)")
      }
    }
    if done == nil {
      throw Failure(message: "replace operation does not apply: doc is missing path: \(path): missing value")
    }
  }

  private static func move(_ op: Operation, _ doc: inout Node) throws(Failure) {
    guard let from = op.string("from") else {
      throw Failure(message: "move operation failed to decode from: operation, missing from field: missing value")
    }
    let taken: Node?? = try Container.at(from, in: &doc) { (container, key) throws(Failure) -> Node? in
      let value: Node?
      do throws(Failure) { value = try container.get(key) } catch {
        throw Failure(message: "error in move for path: '\(key)': \(error.message)")
      }
      do throws(Failure) { try container.remove(key) } catch {
        throw Failure(message: "error in move for path: '\(key)': \(error.message)")
      }
      return value
    }
    guard let value = taken else {
      throw Failure(message: "move operation does not apply: doc is missing from path: \(from): missing value")
    }
    guard let path = op.string("path") else {
      throw Failure(message: "move operation failed to decode path: operation missing path field: missing value")
    }
    let done: Void? = try Container.at(path, in: &doc) { (container, key) throws(Failure) in
      do throws(Failure) { try container.add(key, value ?? .null()) } catch {
        throw Failure(message: "error in move for path: '\(path)': \(error.message)")
      }
    }
    if done == nil {
      throw Failure(message: "move operation does not apply: doc is missing destination path: \(path): missing value")
    }
  }

  private static func copy(_ op: Operation, _ doc: inout Node) throws(Failure) {
    guard let from = op.string("from") else {
      throw Failure(message: "copy operation failed to decode from: operation, missing from field: missing value")
    }
    let read: Node?? = try Container.at(from, in: &doc) { (container, key) throws(Failure) -> Node? in
      do throws(Failure) { return try container.get(key) } catch {
        throw Failure(message: "error in copy for from: '\(from)': \(error.message)")
      }
    }
    guard let value = read else {
      throw Failure(message: "copy operation does not apply: doc is missing from path: \(from): missing value")
    }
    guard let path = op.string("path") else {
      throw Failure(message: "copy operation failed to decode path: missing value")
    }
    let done: Void? = try Container.at(path, in: &doc) { (container, key) throws(Failure) in
      do throws(Failure) { try container.add(key, value ?? .null()) } catch {
        throw Failure(message: "error while adding value during copy: \(error.message)")
      }
    }
    if done == nil {
      throw Failure(message: "copy operation does not apply: doc is missing destination path: \(path): missing value")
    }
  }

  private static func test(_ op: Operation, _ doc: inout Node) throws(Failure) {
    guard let path = op.string("path") else {
      throw Failure(message: "test operation failed to decode path: operation missing path field: missing value")
    }
    let expected = op.value
    let fromJSON = op.fromJSON
    if path.isEmpty {
      guard let expected, JSONForm.equal(doc, expected, rawPatchNumbers: fromJSON) else {
        throw Failure(message: "testing value \(path) failed: test failed")
      }
      return
    }
    let actual: Node?? = try Container.at(path, in: &doc) { (container, key) throws(Failure) -> Node? in
      do throws(Failure) { return try container.get(key) } catch {
        throw Failure(message: "error in test for path: '\(path)': \(error.message)")
      }
    }
    guard let found = actual else {
      throw Failure(message: "test operation does not apply: is missing path: \(path): missing value")
    }
    switch (found, expected) {
    case (nil, let expected?) where expected.isNull: return
    case (let found?, let expected?) where !found.isNull && JSONForm.equal(found, expected, rawPatchNumbers: fromJSON):
      return
    default: throw Failure(message: "testing value \(path) failed: test failed")
    }
  }
}

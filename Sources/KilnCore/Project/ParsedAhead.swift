import KilnYAML
import Synchronization

/// YAML files parsed before the build asks for them, on every core. Reading and parsing the
/// files is most of a large build and each file stands alone, while the build itself must run
/// in order; so the builder names the files a kustomization tree will read, they are parsed in
/// parallel, and `ProjectFiles.parseYAML` hands out the results.
///
/// Only successes are kept: a file that cannot be read, lies outside its fence or does not
/// parse is read again in order by the build, which reports it exactly as it would have.
final class ParsedAhead: Sendable {
  /// One `parseYAML` call: the same file read inside another fence, or in another dialect, is
  /// another request.
  struct Request: Hashable, Sendable {
    var path: String
    var fence: String?
    var dialect: ScalarResolver.Dialect
    var firstDocumentOnly = false
    var options: YAMLReadOptions = []
  }

  private let documents = Mutex<[Request: [Node]]>([:])

  /// The documents of `request`, handed out once: the builder keeps what it takes, and a file
  /// read twice is parsed again. Nothing is left to tear down at the end of a build, which on
  /// a large tree costs more than the second parse of a rare file read twice.
  func take(_ request: Request) -> [Node]? {
    documents.withLock { $0.removeValue(forKey: request) }
  }

  /// Parses the files of `requests` not parsed yet, `parse` running on every core. With one
  /// core there is nothing to gain: the build parses each file when it gets there.
  func parse(_ requests: [Request], with parse: @Sendable (Request) throws -> [Node]) {
    guard InParallel.threads > 1 else { return }
    var seen = Set<Request>()
    let pending = documents.withLock { done in requests.filter { done[$0] == nil && seen.insert($0).inserted } }
    InParallel.each(pending.count, minimum: 2) { index in
      guard let parsed = try? parse(pending[index]) else { return }
      documents.withLock { $0[pending[index]] = parsed }
    }
  }
}

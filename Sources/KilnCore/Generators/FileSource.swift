/// A `files:` entry: `path` (the key is the file's base name) or `key=path`.
enum FileSource {
  enum Invalid: Error, Equatable {
    /// `=path`
    case missingKey(path: String)
    /// `key=`
    case missingPath(key: String)
    /// `a=b=c`
    case moreThanOneEquals
  }

  static func parse(_ text: String) throws(Invalid) -> (key: String, path: String) {
    let parts = text.split(separator: "=", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      return (baseName(text), text)
    case 2:
      if parts[0].isEmpty { throw .missingKey(path: String(parts[1])) }
      if parts[1].isEmpty { throw .missingPath(key: String(parts[0])) }
      return (String(parts[0]), String(parts[1]))
    default:
      throw .moreThanOneEquals
    }
  }

  /// Go's `path.Base`: the last slash-separated element, trailing slashes ignored; `.` for
  /// the empty string, `/` for slashes only.
  static func baseName(_ path: String) -> String {
    if path.isEmpty { return "." }
    var trimmed = path[...]
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    if trimmed.isEmpty { return "/" }
    if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
    return String(trimmed)
  }
}

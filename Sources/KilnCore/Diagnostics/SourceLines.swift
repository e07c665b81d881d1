import KilnYAML

/// Attaches to each diagnostic the source line it points at, read from where the build read
/// its input: a `--base` snapshot's line, not the working tree's; a `--set` argument; a `-f`
/// file. The printer shows what the diagnostic carries and reads nothing itself.
public struct SourceLines {
  private let files: ProjectFiles?
  private let inputs: ValueInputs
  private var cache: [String: [UInt8]?] = [:]

  public init(files: ProjectFiles?, inputs: ValueInputs = ValueInputs()) {
    self.files = files
    self.inputs = inputs
  }

  public mutating func attach(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      if diagnostic.sourceLine == nil, let location = diagnostic.location, !location.isGenerated {
        diagnostic.sourceLine = line(location)
      }
      return diagnostic
    }
  }

  /// `error` as a `DiagnosticError` with its lines attached.
  public mutating func attach(to error: any Error) -> DiagnosticError {
    var collected = DiagnosticCollector()
    collected.record(error)
    return DiagnosticError(attach(collected.diagnostics))
  }

  private mutating func line(_ location: SourceLocation) -> String? {
    let file = location.file
    if file == ValueInputs.namespaceFlag { return inputs.namespace }
    if file == FileSetArgument.flag {
      let index = Int(location.line) - 1
      return inputs.fileSets.indices.contains(index) ? inputs.fileSets[index].text : nil
    }
    if let flavor = SetFlavor(rawValue: file) {
      let arguments = inputs.sets.filter { $0.flavor == flavor }
      let index = Int(location.line) - 1
      return arguments.indices.contains(index) ? arguments[index].text : nil
    }
    if cache[file] == nil { cache[file] = .some(bytes(of: file)) }
    guard let bytes = cache[file] ?? nil else { return nil }
    return Self.line(Int(location.line), of: bytes)
  }

  private func bytes(of display: String) -> [UInt8]? {
    if let user = inputs.files.first(where: { $0.display == display }) {
      return user.contents ?? (try? (files?.fileSystem ?? DiskFileSystem()).readFile(user.path))
    }
    guard let files else { return nil }
    let prefix = files.displayPrefix
    guard prefix.isEmpty || display.hasPrefix(prefix) else { return nil }
    return try? files.fileSystem.readFile(files.absolute(String(display.dropFirst(prefix.count))))
  }

  /// Line `number` (1-based) of `bytes`, without its newline.
  static func line(_ number: Int, of bytes: [UInt8]) -> String? {
    var line = 1
    var start = 0
    for (i, byte) in bytes.enumerated() where byte == 0x0A {
      if line == number { return String(decoding: bytes[start..<i], as: UTF8.self) }
      line += 1
      start = i + 1
    }
    return line == number && start < bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
  }
}

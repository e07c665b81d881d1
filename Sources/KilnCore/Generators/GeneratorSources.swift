import KilnYAML

/// One key of a generated object and what it holds.
struct GeneratorPair {
  enum Content: Equatable {
    case text(String)
    /// Not valid UTF-8 (only a file can give this): `binaryData` in a ConfigMap.
    case bytes([UInt8])

    var bytes: [UInt8] {
      switch self {
      case .text(let text): Array(text.utf8)
      case .bytes(let bytes): bytes
      }
    }
  }

  var key: String
  var content: Content
  /// The literal, the env file line or the file entry it came from.
  var location: SourceLocation
}

/// Reads the key-value pairs of a generator entry: env files, then literals, then files (the
/// order Kustomize reads them in, which decides which duplicate is reported). Files are named
/// relative to the kustomization's directory and must stay inside `fence` when it is set.
struct GeneratorSources {
  let files: ProjectFiles
  let directory: String
  let fence: String?

  func pairs(of spec: GeneratorSpec, problems: inout DiagnosticCollector) -> [GeneratorPair] {
    var pairs: [GeneratorPair] = []
    for env in spec.envs {
      problems.recording { pairs += try envPairs(env) }
    }
    for literal in spec.literals {
      problems.recording {
        let (key, value) = try literalPair(literal)
        pairs.append(GeneratorPair(key: key, content: .text(value), location: literal.location))
      }
    }
    for file in spec.files {
      problems.recording { pairs.append(try filePair(file)) }
    }
    return pairs
  }

  private func literalPair(_ literal: GeneratorSpec.Source) throws -> (String, String) {
    do {
      return try LiteralSource.parse(literal.text)
    } catch {
      throw Diagnostic.invalidLiteral(literal.text, at: literal.location)
    }
  }

  private func envPairs(_ env: GeneratorSpec.Source) throws -> [GeneratorPair] {
    let (path, bytes) = try load(env.text, at: env.location)
    let shown = files.display(path)
    do {
      return try EnvFile.parse(bytes).map {
        GeneratorPair(
          key: $0.key, content: .text($0.value), location: SourceLocation(file: shown, line: $0.line, column: 1))
      }
    } catch {
      throw Diagnostic.envFileLineNotUTF8(at: SourceLocation(file: shown, line: error.line, column: 1))
    }
  }

  private func filePair(_ file: GeneratorSpec.Source) throws -> GeneratorPair {
    let key: String
    let relative: String
    do {
      (key, relative) = try FileSource.parse(file.text)
    } catch {
      throw Diagnostic.invalidFileSource(file.text, error, at: file.location)
    }
    let (_, bytes) = try load(relative, at: file.location)
    let content: GeneratorPair.Content = UTF8Text.decode(bytes).map { .text($0) } ?? .bytes(bytes)
    return GeneratorPair(key: key, content: content, location: file.location)
  }

  /// The project path and the bytes of a source file.
  private func load(_ relative: String, at location: SourceLocation) throws -> (String, [UInt8]) {
    if relative.hasPrefix("http://") || relative.hasPrefix("https://") {
      throw Diagnostic.remoteGeneratorSource(relative, at: location)
    }
    let path = try files.resolve(relative, in: directory, at: location, mayLeaveRoot: fence != nil)
    if files.kind(of: path) == .directory { throw Diagnostic.generatorSourceIsDirectory(relative, at: location) }
    return (path, try files.read(path, within: fence, at: location))
  }

  /// A diagnostic for each key given twice, placed at the later one, with a note on the first.
  static func checkUnique(
    _ pairs: [GeneratorPair], kind: GeneratorSpec.Kind, name: String, problems: inout DiagnosticCollector
  ) {
    var seen: [String: SourceLocation] = [:]
    for pair in pairs {
      if let first = seen[pair.key] {
        problems.add(.repeatedGeneratorKey(kind, name, key: pair.key, at: pair.location, first: first))
      } else {
        seen[pair.key] = pair.location
      }
    }
  }
}

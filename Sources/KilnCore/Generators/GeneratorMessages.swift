import KilnYAML

/// Every problem a configMapGenerator or secretGenerator entry can have, worded close to
/// Kustomize's message (quoted at the end of each comment) and placed at the entry or source.
extension Diagnostic {
  /// "invalid literal source %v, expected key=value"
  static func invalidLiteral(_ text: String, at location: SourceLocation) -> Diagnostic {
    .error(
      "invalid literal source \"\(text)\", expected key=value", at: location,
      hint: text.contains("=") ? "the key before \"=\" cannot be empty" : nil)
  }

  /// "missing key name for file path %q in source %q", "missing file path for key name %q in
  /// source %q", "source %q key name or file path contains '='"
  static func invalidFileSource(_ text: String, _ problem: FileSource.Invalid, at location: SourceLocation)
    -> Diagnostic
  {
    switch problem {
    case .missingKey(let path):
      return .error("missing key name for file path \"\(path)\" in file source \"\(text)\"", at: location)
    case .missingPath(let key):
      return .error("missing file path for key name \"\(key)\" in file source \"\(text)\"", at: location)
    case .moreThanOneEquals:
      return .error(
        "file source \"\(text)\": key name or file path contains '='", at: location,
        hint: "write the source as key=path, with one \"=\"")
    }
  }

  /// "'<abs>' must resolve to a file"
  static func generatorSourceIsDirectory(_ path: String, at location: SourceLocation) -> Diagnostic {
    .error("\"\(path)\" is a directory; a generator source must be a file", at: location)
  }

  /// Kustomize would download it; kiln reads local files only.
  static func remoteGeneratorSource(_ path: String, at location: SourceLocation) -> Diagnostic {
    .error("remote generator sources are not supported: \"\(path)\"", at: location)
  }

  /// "line %d has invalid utf8 bytes : %v"
  static func envFileLineNotUTF8(at location: SourceLocation) -> Diagnostic {
    .error("env file line has invalid UTF-8 bytes", at: location)
  }

  /// "configmap %s illegally repeats the key `%s`"
  static func repeatedGeneratorKey(
    _ kind: GeneratorSpec.Kind, _ name: String, key: String, at location: SourceLocation, first: SourceLocation
  ) -> Diagnostic {
    .error(
      "\(kind.rawValue.lowercased()) \(name) illegally repeats the key \"\(key)\"", at: location,
      notes: ["\"\(key)\" was first given at \(first)"])
  }

  /// "builtin ConfigMapGenerator marshal: yaml: control characters are not allowed"
  static func generatorControlCharacter(_ scalar: Unicode.Scalar, in text: String, at location: SourceLocation)
    -> Diagnostic
  {
    var code = String(scalar.value, radix: 16, uppercase: true)
    while code.count < 4 { code = "0" + code }
    return .error(
      "generator setting \(text.debugDescription) holds U+\(code), which kubectl kustomize refuses "
        + "(yaml: control characters are not allowed)",
      at: location)
  }

  /// "id %#v exists; behavior must be merge or replace"
  static func generatedObjectExists(_ id: ResourceID, at location: SourceLocation, existing: SourceLocation)
    -> Diagnostic
  {
    .error(
      "\(id) already exists; behavior must be merge or replace", at: location,
      notes: ["the existing object comes from \(existing)"])
  }

  /// "id %#v does not exist; cannot merge or replace"
  static func generatorTargetMissing(_ id: ResourceID, behavior: GeneratorSpec.Behavior, at location: SourceLocation)
    -> Diagnostic
  {
    .error(
      "\(id) does not exist; cannot \(behavior.rawValue) it", at: location,
      hint: "behavior \(behavior.rawValue) changes an object from resources or an earlier generator; "
        + "leave behavior out to create it")
  }

  /// "found multiple objects %v that could accept merge of %v"
  static func generatorTargetAmbiguous(_ id: ResourceID, candidates: [Resource], at location: SourceLocation)
    -> Diagnostic
  {
    .error(
      "\(id) matches \(candidates.count) objects; cannot merge or replace", at: location,
      notes: candidates.map { "candidate \($0.id) from \($0.location)" })
  }
}

extension Diagnostic {
  /// "json: unsupported type: map[interface {}]interface {}"
  static func generatedKeyNotAString(_ key: String, _ tag: ScalarTag, at location: SourceLocation) -> Diagnostic {
    .error(
      "the generated key \"\(key)\" is read back as a \(tag), which kubectl kustomize cannot write "
        + "(json: unsupported type)",
      at: location, hint: "use a key that is not a number, boolean, null or date")
  }
}

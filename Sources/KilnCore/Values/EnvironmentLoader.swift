import KilnYAML

/// Where an environment's values come from besides its own file: `-f` files and `--set`
/// flags from the command line (or from ArgoCD parameters).
public struct ValueInputs: Sendable {
  /// `-f` files, in the order given: read where they are, outside the project if need be.
  public var files: [UserFile]
  /// `--set`, `--set-string`, `--set-json` arguments, in command-line order.
  public var sets: [SetArgument]
  /// `--set-file KEY=PATH` arguments, their files already read: applied last, as Helm does.
  public var fileSets: [FileSetArgument]
  /// `-n/--namespace`: replaces the environment's namespace.
  public var namespace: String?

  public init(
    files: [UserFile] = [], sets: [SetArgument] = [], fileSets: [FileSetArgument] = [], namespace: String? = nil
  ) {
    self.files = files
    self.sets = sets
    self.fileSets = fileSets
    self.namespace = namespace
  }

  /// Where `-n/--namespace` values point in diagnostics.
  public static let namespaceFlag = "--namespace"
}

/// A file named on the command line: its absolute path, and the path as the user wrote it.
/// `contents`, when given, are its bytes already read (`-f -` is stdin).
public struct UserFile: Sendable {
  public var path: String
  public var display: String
  public var contents: [UInt8]?

  public init(path: String, display: String, contents: [UInt8]? = nil) {
    self.path = path
    self.display = display
    self.contents = contents
  }
}

/// `--set-file KEY=PATH`: the value at KEY is the file's content, as a string.
public struct FileSetArgument: Sendable {
  /// The argument as given, for diagnostics.
  public var text: String
  public var key: String
  public var contents: [UInt8]

  public init(text: String, key: String, contents: [UInt8]) {
    self.text = text
    self.key = key
    self.contents = contents
  }

  public static let flag = "--set-file"
}

public struct SetArgument: Sendable {
  public var flavor: SetFlavor
  public var text: String

  public init(_ flavor: SetFlavor, _ text: String) {
    self.flavor = flavor
    self.text = text
  }
}

/// Layers an environment's values, lowest first: `environments/defaults.yaml`,
/// `environments/<env>.yaml`, each `-f` file, then `--set-json`, `--set` and `--set-string`
/// (Helm's precedence: by flag type, then left to right). Mappings merge; lists and scalars
/// are replaced; null deletes the key below it.
public enum EnvironmentLoader {
  public static let directory = "environments"
  public static let defaultsFile = "environments/defaults.yaml"

  /// The environments of a project: `environments/*.yaml` but defaults, sorted.
  /// Outside a project (no `environments/` directory) this is an error saying so.
  public static func environments(in files: ProjectFiles) throws -> [String] {
    guard files.kind(of: directory) == .directory else {
      throw Diagnostic.error(
        "there is no \(files.display(directory))/ directory: \(files.display(".")) is not a kiln project", at: nil,
        hint: "run kiln in a project directory (base/, components/, environments/<env>.yaml), or name one with -C DIR")
    }
    return try files.list(directory).compactMap { name in
      for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
        let env = String(name.dropLast(suffix.count))
        return env == "defaults" ? nil : env
      }
      return nil
    }
  }

  public static func load(environment: String, files: ProjectFiles, inputs: ValueInputs) throws -> Node {
    let known = try environments(in: files)
    guard let envFile = environmentFile(environment, files: files), environment != "defaults" else {
      throw Diagnostic.error(
        "unknown environment \"\(environment)\"", at: nil,
        notes: [
          known.isEmpty
            ? "\(files.display(directory))/ holds no environment files"
            : "environments: \(known.joined(separator: ", "))"
        ],
        hint: Suggestion.hint(for: environment, among: known))
    }
    var values = Node(.mapping([]), at: SourceLocation(file: files.display(envFile), line: 1, column: 1))
    var problems = DiagnosticCollector()
    if files.kind(of: defaultsFile) == .file {
      problems.recording {
        values = ValuesMerge.merge(
          values, try valuesFile(files.parseYAML(defaultsFile, at: nil), files.display(defaultsFile)))
      }
    }
    problems.recording {
      values = ValuesMerge.merge(values, try valuesFile(files.parseYAML(envFile, at: nil), files.display(envFile)))
    }
    for file in inputs.files {
      problems.recording { values = ValuesMerge.merge(values, try userFile(file, fileSystem: files.fileSystem)) }
    }
    try problems.throwIfErrors()
    var indexed = 0
    arguments: for flavor in [SetFlavor.setJSON, .set, .setString] {
      var occurrence = 0
      for argument in inputs.sets where argument.flavor == flavor {
        // Past the bound every further index is refused too: one error says it.
        if indexed > HelmSetParser.maxIndexedElements { break arguments }
        occurrence += 1
        problems.recording {
          try HelmSetParser.apply(argument.text, flavor: flavor, occurrence: occurrence, to: &values, indexed: &indexed)
        }
      }
    }
    // `KEY=<the content as a JSON string>` through --set-json's grammar: the same key syntax
    // as --set, and the content taken whole, never split at commas.
    for (index, argument) in inputs.fileSets.enumerated() {
      var json: [UInt8] = []
      GoJSON.writeString(String(decoding: argument.contents, as: UTF8.self), into: &json)
      do {
        try HelmSetParser.apply(
          argument.key + "=" + String(decoding: json, as: UTF8.self), flavor: .setJSON, occurrence: index + 1,
          to: &values)
      } catch {
        // The key's problems, shown at the --set-file argument the user wrote.
        var collected = DiagnosticCollector()
        collected.record(error)
        for var diagnostic in collected.diagnostics {
          let column = Int(diagnostic.location?.column ?? 1)
          diagnostic.location = SourceLocation(
            file: FileSetArgument.flag, line: index + 1, column: min(column, argument.key.count + 1))
          diagnostic.sourceLine = argument.text
          problems.add(diagnostic)
        }
      }
    }
    try problems.throwIfErrors()
    if let namespace = inputs.namespace {
      let location = SourceLocation(file: ValueInputs.namespaceFlag, line: 1, column: 1)
      values = ValuesMerge.merge(
        values,
        Node(
          .mapping([MapEntry(key: "namespace", keyLocation: location, value: .string(namespace, at: location))]),
          at: location))
    }
    return ValuesMerge.removingNulls(values)
  }

  private static func environmentFile(_ environment: String, files: ProjectFiles) -> String? {
    guard !environment.isEmpty, !environment.contains("/") else { return nil }
    for suffix in [".yaml", ".yml"] {
      let path = "\(directory)/\(environment)\(suffix)"
      if files.kind(of: path) == .file { return path }
    }
    return nil
  }

  private static func userFile(_ file: UserFile, fileSystem: any FileSystem) throws -> Node {
    var bytes: [UInt8]
    do {
      if let contents = file.contents {
        bytes = contents
      } else {
        bytes = try fileSystem.readFile(file.path)
      }
    } catch {
      throw Diagnostic.error("values file \(file.display): \(error.reason)", at: nil)
    }
    do {
      return try valuesFile(YAMLParser.parseDocuments(bytes, file: file.display), file.display)
    } catch let error as YAMLError {
      throw Diagnostic(error)
    }
  }

  /// A values file holds one mapping (or nothing at all).
  private static func valuesFile(_ documents: [Node], _ display: String) throws -> Node {
    if documents.count > 1 {
      throw Diagnostic.error(
        "a values file holds one document, this one has \(documents.count)", at: documents[1].location)
    }
    guard let document = documents.first else {
      return Node(.mapping([]), at: SourceLocation(file: display, line: 1, column: 1))
    }
    guard document.isMapping else {
      throw Diagnostic.error(
        "a values file must be a mapping, not a \(document.kindDescription)", at: document.location)
    }
    return document
  }
}

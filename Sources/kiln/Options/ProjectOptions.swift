import ArgumentParser
import KilnCore
import KilnYAML

/// `-C DIR`: where the project is.
struct ProjectOptions: ParsableArguments {
  @Option(
    name: .customShort("C"),
    help: ArgumentHelp("The project directory (default: the current directory).", valueName: "dir"),
    completion: .directory)
  var directory: String = "."

  /// The project root, absolute, and the prefix that makes project paths readable from here.
  func resolve() -> (root: String, displayPrefix: String) {
    let root = Path.join(Terminal.currentDirectory(), directory)
    let normalized = Path.normalize(directory)
    let prefix = normalized.isEmpty || normalized == "." ? "" : normalized + "/"
    return (root, prefix)
  }
}

/// `-f FILE` and the `--set` family: values layered over the environment's own files; and
/// `-n`, which replaces the environment's namespace. `Kiln.main` lifts most of these flags out
/// of the command line before parsing (`LiftedValueFlags`); `inputs()` adds them back.
struct ValueOptions: ParsableArguments {
  @Option(
    name: [.customShort("f"), .customLong("values")],
    help: ArgumentHelp(
      "A values file layered over the environment (repeatable, later wins; - reads stdin).", valueName: "file"),
    completion: .file(extensions: ["yaml", "yml", "json"]))
  var valueFiles: [String] = []

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Set a value, Helm style: a.b=1,c={x,y} (repeatable).", valueName: "key=value"))
  var set: [String] = []

  @Option(
    name: .customLong("set-string"),
    help: ArgumentHelp("Like --set, but every value is a string.", valueName: "key=value"))
  var setString: [String] = []

  @Option(
    name: .customLong("set-json"), help: ArgumentHelp("Set a value from JSON: a.b={\"c\":1}.", valueName: "key=json"))
  var setJSON: [String] = []

  @Option(
    name: .customLong("set-file"),
    help: ArgumentHelp("Set a value to a file's content, as a string (Helm's).", valueName: "key=path"),
    completion: .file())
  var setFile: [String] = []

  @Option(
    name: .shortAndLong, help: ArgumentHelp("Use this namespace instead of the environment's.", valueName: "namespace"))
  var namespace: String?

  /// The values inputs, with stdin (`-f -`) and `--set-file` files read: a file that cannot be
  /// read is an error at its argument.
  func inputs() throws -> ValueInputs {
    let cwd = Terminal.currentDirectory()
    let lifted = LiftedValueFlags.current
    let valueFiles = valueFiles + lifted.valueFiles
    let set = set + lifted.set
    let setString = setString + lifted.setString
    let setJSON = setJSON + lifted.setJSON
    let setFile = setFile + lifted.setFile
    var files: [UserFile] = []
    var stdinRead = false
    for name in valueFiles {
      guard name == "-" else {
        files.append(UserFile(path: Path.join(cwd, name), display: name))
        continue
      }
      guard !stdinRead else { throw Diagnostic.error("-f - is given twice; stdin can be read once", at: nil) }
      stdinRead = true
      do {
        files.append(
          UserFile(path: "-", display: "<stdin>", contents: try BoundedRead.standardInput(limit: BoundedRead.limit)))
      } catch {
        throw Diagnostic.error("values from stdin (-f -): \(error.reason)", at: nil)
      }
    }
    var fileSets: [FileSetArgument] = []
    var problems = DiagnosticCollector()
    for (index, argument) in setFile.enumerated() {
      let at = { (column: Int) in SourceLocation(file: FileSetArgument.flag, line: index + 1, column: column) }
      guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
        problems.add(Diagnostic(.error, "--set-file wants KEY=PATH", at: at(1), sourceLine: argument))
        continue
      }
      let key = String(argument[..<equals])
      let path = String(argument[argument.index(after: equals)...])
      do {
        let contents = try BoundedRead.regularFile(Path.join(cwd, path), limit: BoundedRead.limit)
        fileSets.append(FileSetArgument(text: argument, key: key, contents: contents))
      } catch {
        problems.add(
          Diagnostic(.error, "cannot read \(path): \(error.reason)", at: at(key.count + 2), sourceLine: argument))
      }
    }
    try problems.throwIfErrors()
    return ValueInputs(
      files: files,
      sets: setJSON.map { SetArgument(.setJSON, $0) } + set.map { SetArgument(.set, $0) }
        + setString.map { SetArgument(.setString, $0) },
      fileSets: fileSets, namespace: namespace)
  }
}

/// Completion of an environment argument: `environments/*.yaml` but defaults, in the project
/// `-C` names when the command line has one.
enum EnvironmentCompletion {
  static let kind = CompletionKind.custom { words, _, prefix in
    var directory = "."
    for (index, word) in words.enumerated() where word == "-C" && index + 1 < words.count {
      directory = words[index + 1]
    }
    let root = Path.join(Terminal.currentDirectory(), directory)
    guard let files = try? ProjectFiles(fileSystem: DiskFileSystem(), root: root, displayPrefix: ""),
      let names = try? EnvironmentLoader.environments(in: files)
    else { return [] }
    return names.filter { $0.hasPrefix(prefix) }
  }
}

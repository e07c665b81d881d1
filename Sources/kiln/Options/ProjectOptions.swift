import ArgumentParser
import KilnCore

/// `-C DIR`: where the project is.
struct ProjectOptions: ParsableArguments {
  @Option(name: .customShort("C"), help: ArgumentHelp("The project directory (default: the current directory).", valueName: "dir"))
  var directory: String = "."

  /// The project root, absolute, and the prefix that makes project paths readable from here.
  func resolve() -> (root: String, displayPrefix: String) {
    let root = Path.join(Terminal.currentDirectory(), directory)
    let normalized = Path.normalize(directory)
    let prefix = normalized.isEmpty || normalized == "." ? "" : normalized + "/"
    return (root, prefix)
  }
}

/// `-f FILE` and the `--set` family: values layered over the environment's own files.
struct ValueOptions: ParsableArguments {
  @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp("A values file layered over the environment (repeatable, later wins).", valueName: "file"))
  var valueFiles: [String] = []

  @Option(name: .customLong("set"), help: ArgumentHelp("Set a value, Helm style: a.b=1,c={x,y} (repeatable).", valueName: "key=value"))
  var set: [String] = []

  @Option(name: .customLong("set-string"), help: ArgumentHelp("Like --set, but every value is a string.", valueName: "key=value"))
  var setString: [String] = []

  @Option(name: .customLong("set-json"), help: ArgumentHelp("Set a value from JSON: a.b={\"c\":1}.", valueName: "key=json"))
  var setJSON: [String] = []

  var inputs: ValueInputs {
    Terminal.valueArguments = [
      SetFlavor.set.rawValue: set, SetFlavor.setString.rawValue: setString, SetFlavor.setJSON.rawValue: setJSON,
    ]
    let cwd = Terminal.currentDirectory()
    return ValueInputs(
      files: valueFiles.map { UserFile(path: Path.join(cwd, $0), display: $0) },
      sets: setJSON.map { SetArgument(.setJSON, $0) } + set.map { SetArgument(.set, $0) }
        + setString.map { SetArgument(.setString, $0) })
  }
}

import ArgumentParser

/// The `--set` family and `-f`/`--values`, taken out of the command line before
/// argument-parser sees it. argument-parser removes each parsed option from its list of
/// arguments one at a time, so n of them cost n² (2,000 `--set` flags took 18 s on a debug
/// build) before kiln could count a single list index against its `--set` budget. Lifted here
/// in one pass, the flag count no longer matters; `ValueOptions` adds them to what
/// argument-parser parsed, each flag's occurrences in command-line order.
struct LiftedValueFlags {
  var valueFiles: [String] = []
  var set: [String] = []
  var setString: [String] = []
  var setJSON: [String] = []
  var setFile: [String] = []

  /// What `Kiln.main` lifted from this run's command line (set once, before parsing).
  nonisolated(unsafe) static var current = LiftedValueFlags()

  /// The commands that take `ValueOptions`; any other command line is left whole, so a value
  /// flag where it does not belong is still argument-parser's usage error.
  static let commands: [String] = [Kiln.Build.self, Kiln.Check.self, Kiln.Diff.self, Kiln.Values.self, Kiln.List.self]
    .map { (command: any ParsableCommand.Type) in command._commandName }

  /// Where a lifted flag's values go.
  private static func field(_ flag: some StringProtocol) -> WritableKeyPath<LiftedValueFlags, [String]>? {
    switch flag {
    case "--set": \.set
    case "--set-string": \.setString
    case "--set-json": \.setJSON
    case "--set-file": \.setFile
    case "--values", "-f": \.valueFiles
    default: nil
    }
  }

  /// Splits `arguments` (without the program name) into what argument-parser still parses and
  /// the lifted flags. Both `--set X` and `--set=X` are lifted (`-f` only as `-f X`), up to a
  /// `--`; a flag whose value is missing or looks like an option stays, for argument-parser to
  /// report as it always has.
  static func lift(_ arguments: [String]) -> (rest: [String], lifted: LiftedValueFlags) {
    guard let command = arguments.first, commands.contains(command) else { return (arguments, LiftedValueFlags()) }
    var lifted = LiftedValueFlags()
    var rest: [String] = []
    rest.reserveCapacity(arguments.count)
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        rest.append(contentsOf: arguments[index...])
        break
      }
      if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--"),
        let flag = field(argument[..<equals])
      {
        lifted[keyPath: flag].append(String(argument[argument.index(after: equals)...]))
        index += 1
        continue
      }
      if let flag = field(argument), index + 1 < arguments.count, isValue(arguments[index + 1]) {
        lifted[keyPath: flag].append(arguments[index + 1])
        index += 2
        continue
      }
      rest.append(argument)
      index += 1
    }
    return (rest, lifted)
  }

  /// argument-parser takes the next argument as a value unless it reads as an option.
  private static func isValue(_ argument: String) -> Bool {
    argument == "-" || !argument.hasPrefix("-")
  }
}

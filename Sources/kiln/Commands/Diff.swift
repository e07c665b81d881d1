import ArgumentParser
import KilnCore

extension Kiln {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare rendered manifests, object by object.",
      discussion: """
        kiln diff ENV ENV2 compares two environments (each side's own namespace counts as the same); \
        kiln diff ENV --base REF compares ENV as committed at a git ref with the working tree; \
        kiln diff ENV --against FILE compares a rendered file with ENV. Secret values are hidden unless \
        --show-secrets. Exit 0 when nothing differs, 1 when something does, 2 on any error.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Argument(help: "The environment (the new side).", completion: EnvironmentCompletion.kind)
    var environment: String

    @Argument(help: "A second environment: compare ENV (old) with it (new).", completion: EnvironmentCompletion.kind)
    var other: String?

    @Option(help: ArgumentHelp("Compare with ENV as committed at this git ref.", valueName: "ref"))
    var base: String?

    @Option(help: ArgumentHelp("Compare with this rendered YAML file.", valueName: "file"))
    var against: String?

    @Flag(help: "Show Secret values instead of their sizes.")
    var showSecrets = false

    @Option(help: "text (default) or markdown (a collapsible section per object, for pull requests).")
    var format: Format = .text

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    func validate() throws {
      let sides = [other != nil, base != nil, against != nil].filter { $0 }.count
      guard sides == 1 else {
        throw ValidationError("give one thing to compare with: a second environment, --base REF or --against FILE")
      }
    }

    func run() throws {
      let (root, prefix) = project.resolve()
      let inputs = try values.inputs()
      func build(_ environment: String, in root: String = root, fileSystem: any FileSystem = DiskFileSystem()) throws
        -> BuildResult
      {
        try Compiler.build(
          BuildRequest(projectDirectory: root, displayPrefix: prefix, environment: environment, values: inputs),
          fileSystem: fileSystem)
      }
      let diff: ManifestDiff
      let title: String
      let new = try build(environment)
      if let other {
        let second = try build(other)
        // The first environment's objects are shown in the second's namespace.
        let old = DiffObject.objects(
          of: new.resources, environmentNamespace: new.values.namespace?.scalarText,
          shownIn: second.values.namespace?.scalarText)
        diff = ManifestDiff.compare(old: old, new: objects(second), showSecrets: showSecrets)
        title = "\(environment) → \(other)"
      } else if let base {
        let snapshot = try GitFileSystem(ref: base, projectDirectory: root)
        defer { snapshot.close() }
        let old = try build(environment, in: snapshot.projectDirectory, fileSystem: snapshot)
        diff = ManifestDiff.compare(old: objects(old), new: objects(new), showSecrets: showSecrets)
        title = "\(environment): \(base) → working tree"
      } else if let against {
        let bytes: [UInt8]
        do {
          bytes = try DiskFileSystem().readFile(Path.join(Terminal.currentDirectory(), against))
        } catch {
          throw Diagnostic.error("\(against): \(error.reason)", at: nil)
        }
        diff = ManifestDiff.compare(
          old: try DiffObject.objects(ofStream: bytes, file: against), new: objects(new), showSecrets: showSecrets)
        title = "\(environment): \(against) → build"
      } else {
        preconditionFailure("validate() asks for exactly one side to compare with")
      }
      let text =
        format == .markdown
        ? DiffPrinter.markdown(diff, title: title) : DiffPrinter.text(diff, colour: Terminal.colour(fd: 1))
      Terminal.writeStdout(Array(text.utf8))
      if !diff.isEmpty { throw Outcome.differences }
    }

    private func objects(_ result: BuildResult) -> [DiffObject] {
      DiffObject.objects(of: result.resources, environmentNamespace: nil)
    }
  }
}

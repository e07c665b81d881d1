import ArgumentParser
internal import CKilnVersion

extension Kiln {
  /// The version `make build` baked in from `git describe --tags --always --dirty` (a leading
  /// `v` dropped), or the fallback of a plain `swift build`.
  static let builtVersion = String(cString: kiln_version())

  struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print kiln's version.")

    func run() {
      Terminal.writeStdout(Array("kiln \(Kiln.version)\n".utf8))
    }
  }
}

import ArgumentParser

extension Kiln {
  struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print kiln's version.")

    func run() {
      Terminal.writeStdout(Array("kiln \(Kiln.version)\n".utf8))
    }
  }
}

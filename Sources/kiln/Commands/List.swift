import ArgumentParser
import KilnCore

extension Kiln {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show each component, whether it is enabled, and what it renders.",
      discussion: """
        With an environment: every component, enabled or not, and the objects each renders there. \
        Without: one row per component, one column per environment, with the number of objects it \
        renders there ('-' when disabled).
        """)

    @Argument(help: "The environment (default: every environment).", completion: EnvironmentCompletion.kind)
    var environment: String?

    @OptionGroup var project: ProjectOptions
    @OptionGroup var values: ValueOptions

    func run() throws {
      let (root, prefix) = project.resolve()
      let inputs = try values.inputs()
      let text: String
      if let environment {
        text = Self.details(try EnvironmentListing.make(request(root, prefix, environment, inputs)))
      } else {
        let files = try ProjectFiles(fileSystem: DiskFileSystem(), root: root, displayPrefix: prefix)
        let listings = try EnvironmentLoader.environments(in: files).map {
          try EnvironmentListing.make(request(root, prefix, $0, inputs))
        }
        text = Self.table(listings)
      }
      Terminal.writeStdout(Array(text.utf8))
    }

    private func request(_ root: String, _ prefix: String, _ environment: String, _ inputs: ValueInputs) -> BuildRequest
    {
      BuildRequest(projectDirectory: root, displayPrefix: prefix, environment: environment, values: inputs)
    }

    static func details(_ listing: EnvironmentListing) -> String {
      var out = ""
      for part in listing.parts {
        let isComponent = part.name != "base" && part.name != "environment"
        let state = isComponent ? (part.enabled ? " (enabled)" : " (disabled)") : ""
        out += "\(part.name)\(state)\n"
        for object in part.objects { out += "  \(object)\n" }
      }
      return out
    }

    static func table(_ listings: [EnvironmentListing]) -> String {
      var names: [String] = []
      for listing in listings { for part in listing.parts where !names.contains(part.name) { names.append(part.name) } }
      // Copies of one instanced component stay together, whichever environment has which.
      let component = { (name: String) in name.split(separator: " [").first.map(String.init) ?? name }
      var firstSeen: [String] = []
      for name in names where !firstSeen.contains(component(name)) { firstSeen.append(component(name)) }
      names = names.enumerated().sorted {
        let (a, b) = (
          firstSeen.firstIndex(of: component($0.element))!, firstSeen.firstIndex(of: component($1.element))!
        )
        return a != b ? a < b : $0.offset < $1.offset
      }.map(\.element)
      var rows = [["COMPONENT"] + listings.map(\.environment)]
      for name in names {
        rows.append(
          [name]
            + listings.map { listing in
              guard let part = listing.parts.first(where: { $0.name == name }), part.enabled else { return "-" }
              return String(part.objects.count)
            })
      }
      let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
      return rows.map { row in
        row.enumerated().map { column, cell in
          column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
        }.joined()
      }.joined(separator: "\n") + "\n"
    }
  }
}

import KilnCore
import KilnYAML

/// Prints diagnostics the way compilers do:
///
///     environments/dev.yaml:4:3: error: unknown field "replcias" in component "api"
///       replcias: 2
///       ^
///     hint: did you mean "replicas"?
///
/// The source line is the one the diagnostic carries (the core attaches it from the bytes it
/// read): the printer reads no file, so a line from a `--base` snapshot is the snapshot's.
struct DiagnosticPrinter {
  var colour: Bool

  static var standardError: DiagnosticPrinter {
    DiagnosticPrinter(colour: Terminal.colour(fd: 2))
  }

  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    Terminal.writeStderr(diagnostics.map(format).joined())
  }

  func format(_ d: Diagnostic) -> String {
    var out = ""
    let place = d.location.flatMap { $0.isGenerated ? nil : "\($0): " } ?? "kiln: "
    let label = d.severity == .error ? paint("error:", "31") : paint("warning:", "33")
    out += paint(place, "1") + label + " " + paint(d.message, "1") + "\n"
    if let location = d.location, !location.isGenerated, let line = d.sourceLine.map(printable) {
      out += "  " + line + "\n"
      let prefix = line.prefix(max(0, Int(location.column) - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
      out += "  " + prefix + paint("^", "32") + "\n"
    }
    for note in d.notes { out += paint("note:", "36") + " " + note + "\n" }
    if let hint = d.hint { out += paint("hint:", "36") + " " + hint + "\n" }
    return out
  }

  /// One line per problem, no source excerpts, at most a screenful: what Argo CD shows in an
  /// application's conditions.
  static func compact(_ diagnostics: [Diagnostic]) -> String {
    let limit = 20
    var lines = diagnostics.prefix(limit).map { d in d.description + (d.hint.map { " (\($0))" } ?? "") }
    if diagnostics.count > limit { lines.append("… and \(diagnostics.count - limit) more") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The line as it can be shown on a terminal: control characters (a binary file, a stray
  /// escape) each become one `?`, so the caret below still lines up; a CRLF line loses its CR.
  private func printable(_ line: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in (line.hasSuffix("\r") ? String(line.dropLast()) : line).unicodeScalars {
      let value = scalar.value
      let isControl = (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
      scalars.append(isControl ? "?" : scalar)
    }
    return String(scalars)
  }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

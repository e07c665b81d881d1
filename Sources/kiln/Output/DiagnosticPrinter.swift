import KilnCore
import KilnYAML

/// Prints diagnostics the way compilers do:
///
///     environments/dev.yaml:4:3: error: unknown field "replcias" in component "api"
///       replcias: 2
///       ^
///     hint: did you mean "replicas"?
///
/// Colour only when stderr is a terminal and NO_COLOR is unset.
struct DiagnosticPrinter {
  var colour: Bool
  /// Command-line arguments that values can come from, by flag (`--set` → its arguments in
  /// order), so a problem in `--set a=b` shows that argument like a source line.
  var arguments: [String: [String]] = [:]
  let fileSystem = DiskFileSystem()

  static var standardError: DiagnosticPrinter {
    DiagnosticPrinter(colour: Terminal.isTerminal(fd: 2) && getenv("NO_COLOR") == nil, arguments: Terminal.valueArguments)
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
    if let location = d.location, !location.isGenerated, let line = (d.sourceLine ?? sourceLine(location)).map(printable) {
      out += "  " + line + "\n"
      let prefix = line.prefix(max(0, Int(location.column) - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
      out += "  " + prefix + paint("^", "32") + "\n"
    }
    for note in d.notes { out += paint("note:", "36") + " " + note + "\n" }
    if let hint = d.hint { out += paint("hint:", "36") + " " + hint + "\n" }
    return out
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

  private func sourceLine(_ location: SourceLocation) -> String? {
    if let flagArguments = arguments[location.file] {
      let index = Int(location.line) - 1
      return flagArguments.indices.contains(index) ? flagArguments[index] : nil
    }
    guard let bytes = try? fileSystem.readFile(location.file) else { return nil }
    var line = 1
    var start = 0
    for (i, byte) in bytes.enumerated() where byte == 0x0A {
      if line == Int(location.line) { return String(decoding: bytes[start..<i], as: UTF8.self) }
      line += 1
      start = i + 1
    }
    return line == Int(location.line) && start < bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
  }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

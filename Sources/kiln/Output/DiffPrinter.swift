import KilnCore

/// `kiln diff` output: a header per object and its unified diff, then the summary; or the
/// same as Markdown for a pull-request comment.
enum DiffPrinter {
  static func text(_ diff: ManifestDiff, colour: Bool) -> String {
    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    var out = ""
    for entry in diff.entries {
      out += paint("\(entry.change.rawValue) \(entry.header)", "1") + "\n"
      for line in entry.lines {
        switch line {
        case .hunk(let text): out += paint(text, "36") + "\n"
        case .context(let text): out += " \(text)\n"
        case .removed(let text): out += paint("-\(text)", "31") + "\n"
        case .added(let text): out += paint("+\(text)", "32") + "\n"
        }
      }
    }
    return out + diff.summary + "\n"
  }

  static func markdown(_ diff: ManifestDiff, title: String) -> String {
    var out = "### kiln diff \(title)\n\n**\(diff.summary)**\n"
    for entry in diff.entries {
      out += "\n<details><summary>\(entry.change.rawValue) <code>\(escaped(entry.header))</code></summary>\n\n```diff\n"
      for line in entry.lines {
        switch line {
        case .hunk(let text): out += text + "\n"
        case .context(let text): out += " \(text)\n"
        case .removed(let text): out += "-\(text)\n"
        case .added(let text): out += "+\(text)\n"
        }
      }
      out += "```\n\n</details>\n"
    }
    return out
  }

  private static func escaped(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
  }
}

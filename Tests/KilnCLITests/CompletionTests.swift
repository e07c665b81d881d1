import Foundation
import KilnTestSupport
import Testing

/// Shell completions: environment names for the environment argument (of the project -C
/// names), values files for -f, directories for -C.
@Suite struct CompletionTests {
  @Test func environmentNamesComeFromTheProjectOfDashC() throws {
    let here = try KilnBinary.run(["---completion", "build", "--", "positional@0", "2", "0", "kiln", "build", ""])
    #expect(here.stdout == "dev\nprod\n")
    let elsewhere = try KilnBinary.run(
      ["---completion", "diff", "--", "positional@0", "4", "1", "kiln", "diff", "-C", "examples/hodei", "p"],
      directory: "/tmp")
    #expect(
      elsewhere.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      "a relative -C is relative to the shell's directory")
    let absolute = try KilnBinary.run(
      [
        "---completion", "diff", "--", "positional@0", "4", "1", "kiln", "diff", "-C",
        KilnBinary.repositoryRoot + "/examples/hodei", "p",
      ],
      directory: "/tmp")
    #expect(absolute.stdout == "prod\n")
  }

  @Test func valuesFilesAndDirectoriesInTheScripts() throws {
    let bash = try KilnBinary.run(["--generate-completion-script", "bash"]).stdout
    #expect(bash.contains("'!*.@(yaml|yml|json)'"))
    #expect(bash.contains("---completion build -- positional@0"))
    let zsh = try KilnBinary.run(["--generate-completion-script", "zsh"]).stdout
    #expect(zsh.contains("_files -/"))
  }
}

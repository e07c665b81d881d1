import CFuzzer
import FuzzSupport
import Glibc
import KilnYAML

// Any bytes must come back as documents or as a positioned YAMLError: never a crash, a hang
// or memory without bound (libFuzzer's -timeout and -rss_limit_mb catch the last two).
// Both dialects read every input: they differ only in what plain scalars resolve to.
// Reading only the first document must give the first of all documents, as Go's
// yaml.Unmarshal stops after the first.

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = fuzzInput(data, size)
  for dialect in [ScalarResolver.Dialect.yaml11, .yaml12] {
    let all = try? YAMLParser.parseStream(bytes, file: "fuzz.yaml", dialect: dialect)
    let first = try? YAMLParser.parseStream(
      bytes, file: "fuzz.yaml", dialect: dialect, firstDocumentOnly: true)
    if all != nil && first == nil { fatalError("the stream reads, its first document alone does not") }
    if let all, let first, all.first != first.first {
      fatalError("the first document reads differently alone: \(String(describing: first.first))")
    }
  }
  return 0
}

// SwiftPM links this top-level code as `FuzzYAMLParser_main` and points `main` at it;
// libFuzzer's own main is not linked, so its driver is started here.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })

import CFuzzer
import FuzzSupport
import Glibc
import KilnCore
import KilnYAML

// Any text must read as one JSON value or fail with a Diagnostic: never a crash or a hang.
// What reads must also survive the way kiln prints values: as YAML that reads back (as
// YAML 1.1, the way Helm and kubectl read values) to the same tree.

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = fuzzInput(data, size)
  let json = String(decoding: bytes, as: UTF8.self)
  guard let node = try? JSONReader.parse(json, file: "fuzz.json") else { return 0 }
  let yaml = YAMLEmitter.render([node])
  let text = String(decoding: yaml, as: UTF8.self)
  do {
    let reread = try YAMLParser.parseStream(yaml, file: "emitted.yaml")
    if reread.count != 1 || !sameTree(reread[0], node, numbersBySpelling: true) {
      fatalError("JSON value printed as YAML reads back as another tree:\n\(text)")
    }
  } catch {
    fatalError("JSON value printed as YAML does not parse: \(error)\n\(text)")
  }
  return 0
}

// SwiftPM links this top-level code as `FuzzJSONReader_main` and points `main` at it;
// libFuzzer's own main is not linked, so its driver is started here.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })

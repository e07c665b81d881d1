import CFuzzer
import FuzzSupport
import Glibc
import KilnYAML

// Whatever parses must print as YAML that parses again to the same tree (`sameTree`: nulls
// and numbers as printed) and prints again to the same bytes: parse → emit → parse → emit,
// the two emits equal. Both dialects (1.1 for values, 1.2 for Kustomize resources) and both
// layouts (kiln build's, which never folds, and kiln kustomize's, folded at 80 columns as
// kubectl prints).

private let layouts = [YAMLEmitter.Options.build, YAMLEmitter.Options(lineWidth: 80)]

private func fail(_ what: String, _ input: [UInt8], _ output: [UInt8]) -> Never {
  let input = String(decoding: input, as: UTF8.self)
  let output = String(decoding: output, as: UTF8.self)
  fatalError("\(what)\n--- input\n\(input)\n--- emitted\n\(output)")
}

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = fuzzInput(data, size)
  for dialect in [ScalarResolver.Dialect.yaml11, .yaml12] {
    guard let documents = try? YAMLParser.parseStream(bytes, file: "fuzz.yaml", dialect: dialect)
    else { continue }
    for layout in layouts {
      let first = YAMLEmitter.render(documents, options: layout)
      let reread: [Node]
      do {
        reread = try YAMLParser.parseStream(first, file: "emitted.yaml", dialect: dialect)
      } catch {
        fail("emitted YAML does not parse (\(dialect)): \(error)", bytes, first)
      }
      let same = zip(reread, documents).allSatisfy { sameTree($0, $1, numbersBySpelling: true) }
      if reread.count != documents.count || !same {
        fail("emitted YAML reads back as another tree (\(dialect))", bytes, first)
      }
      let second = YAMLEmitter.render(reread, options: layout)
      if second != first { fail("second emit differs (\(dialect))", first, second) }
    }
  }
  return 0
}

// SwiftPM links this top-level code as `FuzzYAMLRoundTrip_main` and points `main` at it;
// libFuzzer's own main is not linked, so its driver is started here.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })

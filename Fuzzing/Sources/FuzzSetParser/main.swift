import CFuzzer
import FuzzSupport
import Glibc
import KilnCore
import KilnYAML

// Each line of the input is one argument of a --set-family flag, applied in order to the same
// values, under each flavor (--set, --set-string, --set-json). Every argument must set values
// or fail with a Diagnostic that leaves the values as they were: never a crash or a hang.

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = fuzzInput(data, size)
  let arguments = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
  for flavor in [SetFlavor.set, .setString, .setJSON] {
    var values = Node(.mapping([]))
    for (index, argument) in arguments.prefix(8).enumerated() {
      let before = values
      do {
        try HelmSetParser.apply(String(argument), flavor: flavor, occurrence: index + 1, to: &values)
      } catch {
        if values != before { fatalError("\(flavor.rawValue) \(argument) failed and changed the values") }
      }
    }
  }
  return 0
}

// SwiftPM links this top-level code as `FuzzSetParser_main` and points `main` at it;
// libFuzzer's own main is not linked, so its driver is started here.
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })

import Foundation
import KilnTestSupport
import Testing

/// Same input, same bytes: across runs, file creation orders, locales, time zones and
/// working directories.
@Suite struct DeterminismTests {
  @Test(arguments: ["dev", "prod"])
  func sameBytesEverywhere(_ environment: String) throws {
    let forward = try Projects.copyOfStack { $0.sorted() }
    let backward = try Projects.copyOfStack { $0.sorted().reversed() }
    var shuffledRandom = SeededRandom(seed: 99)
    let shuffled = try Projects.copyOfStack { $0.shuffled(using: &shuffledRandom) }
    let base = ProcessInfo.processInfo.environment
    var german = base
    german["LC_ALL"] = "de_DE.UTF-8"
    german["LANG"] = "de_DE.UTF-8"
    german["TZ"] = "Pacific/Chatham"
    var plain = base
    plain["LC_ALL"] = "C"
    plain["TZ"] = "UTC"
    let elsewhere = try TemporaryDirectory()

    let reference = try KilnBinary.run(["build", environment])
    #expect(reference.status == 0)
    let runs = [
      try KilnBinary.run(["build", environment], directory: forward.path, environment: plain),
      try KilnBinary.run(["build", environment], directory: backward.path, environment: german),
      try KilnBinary.run(["build", environment, "-C", shuffled.path], directory: elsewhere.path, environment: german),
      try KilnBinary.run(["build", environment]),
    ]
    for run in runs {
      #expect(run.status == 0)
      #expect(run.stdoutBytes == reference.stdoutBytes)
    }
  }
}

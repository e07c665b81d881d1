import Foundation
import KilnTestSupport
import Testing

/// `kiln version` and `kiln --version` print the version `make` baked in from `git describe`
/// (Sources/CKilnVersion/version.h), or the fallback of a build without make. That the header
/// holds `git describe`'s version is checked on the installed binary by Tests/Scripts/check-install.sh.
@Suite struct VersionTests {
  /// What the binary under test was built with: make writes version.h before every build.
  static var bakedIn: String {
    let header = KilnBinary.repositoryRoot + "/Sources/CKilnVersion/version.h"
    guard let text = try? String(contentsOfFile: header, encoding: .utf8),
      let match = text.firstMatch(of: /#define KILN_VERSION "([^"]*)"/)
    else { return "0.1.0-dev" }
    return String(match.1)
  }

  @Test func versionCommandPrintsTheBakedInVersion() throws {
    let result = try KilnBinary.run(["version"])
    #expect(result.status == 0)
    #expect(result.stdout == "kiln \(Self.bakedIn)\n")
    #expect(result.stderr == "")
  }

  @Test func versionFlagPrintsTheSameVersion() throws {
    let result = try KilnBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "\(Self.bakedIn)\n")
  }
}

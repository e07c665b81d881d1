// swift-tools-version:6.0
import PackageDescription

// Release builds optimize across modules: the transforms call small generic helpers of the
// node model on every node, and without this each call goes through unspecialized generics.
// They also leave exclusivity to the compiler's static checks: the run-time ones cost the YAML
// reader a few percent of a build, on every property access of its event state.
let speed: [SwiftSetting] = [
  .unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
  name: "kiln",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "kiln", targets: ["kiln"]),
    .library(name: "KilnCore", targets: ["KilnCore"]),
    .library(name: "KilnYAML", targets: ["KilnYAML"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // SHA-256 for the content hash of generated names, built from source (BoringSSL) and linked
    // statically: libyaml stays the only system library. 4.x reads FoundationEssentials where
    // 3.x reads all of Foundation, which a static kiln would then carry.
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
  ],
  targets: [
    // libyaml, linked from the system (apt: libyaml-dev). Only KilnYAML imports it.
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
    // The version `make build` bakes in from `git describe` (Sources/CKilnVersion/version.h,
    // written by the Makefile; a plain `swift build` prints the fallback in version.c).
    .target(name: "CKilnVersion"),
    .target(name: "KilnYAML", dependencies: ["CLibYAML"], swiftSettings: speed),
    // Go's regular expressions (RE2 syntax), matched in linear time. Knows nothing of kiln.
    .target(name: "KilnRegex", swiftSettings: speed),
    .target(
      name: "KilnCore",
      dependencies: ["KilnYAML", "KilnRegex", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: speed),
    .executableTarget(
      name: "kiln",
      dependencies: [
        "KilnCore",
        "CKilnVersion",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: speed),
    // Helpers shared by the test targets: temporary trees, process running, oracles.
    .target(
      name: "KilnTestSupport", dependencies: ["KilnCore", .product(name: "Crypto", package: "swift-crypto")]),
    .testTarget(name: "KilnYAMLTests", dependencies: ["KilnYAML", "KilnTestSupport"]),
    .testTarget(name: "KilnRegexTests", dependencies: ["KilnRegex"]),
    .testTarget(name: "KilnCoreTests", dependencies: ["KilnCore", "KilnTestSupport"]),
    .testTarget(name: "KilnCLITests", dependencies: ["kiln", "KilnCore", "KilnYAML", "KilnTestSupport"]),
  ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kiln",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kiln", targets: ["kiln"]),
    .library(name: "KilnCore", targets: ["KilnCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // libyaml, linked from the system (apt: libyaml-dev). Only KilnYAML imports it.
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
    .target(name: "KilnYAML", dependencies: ["CLibYAML"]),
    .target(
      name: "KilnCore",
      dependencies: ["KilnYAML", .product(name: "Crypto", package: "swift-crypto")]),
    .executableTarget(
      name: "kiln",
      dependencies: [
        "KilnCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Helpers shared by the test targets: temporary trees, process running, oracles.
    .target(name: "KilnTestSupport", dependencies: ["KilnCore"]),
    .testTarget(name: "KilnYAMLTests", dependencies: ["KilnYAML", "KilnTestSupport"]),
    .testTarget(name: "KilnCoreTests", dependencies: ["KilnCore", "KilnTestSupport"]),
    .testTarget(name: "KilnCLITests", dependencies: ["kiln", "KilnCore", "KilnYAML", "KilnTestSupport"]),
  ]
)

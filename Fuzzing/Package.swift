// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for kiln's readers (see `make fuzz`). A package of its own so that the
// main package never sees `-sanitize=fuzzer`: LLVMFuzzerRunDriver exists only when libFuzzer
// is linked in. Build with `swift build --package-path Fuzzing -Xswiftc -sanitize=fuzzer,address`.

// A path dependency is known by the name of its directory, which is wherever the repository
// was cloned to: read it from this manifest's own path rather than assuming "kiln".
let kiln = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "kiln")

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
  .executableTarget(
    name: name,
    dependencies: ["CFuzzer", "FuzzSupport"] + products.map { .product(name: $0, package: kiln) },
    // gold, the default linker here, stops with an internal error on AddressSanitizer's
    // objects; the toolchain's lld links them.
    linkerSettings: [.unsafeFlags(["-use-ld=lld"])])
}

let package = Package(
  name: "kiln-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "..")],
  targets: [
    // Declares libFuzzer's entry point for Swift; the definition comes from -sanitize=fuzzer.
    .target(name: "CFuzzer"),
    // What the fuzz targets share: comparing trees as printed YAML means them.
    .target(name: "FuzzSupport", dependencies: [.product(name: "KilnYAML", package: kiln)]),
    fuzzTarget("FuzzYAMLParser", ["KilnYAML"]),
    fuzzTarget("FuzzYAMLRoundTrip", ["KilnYAML"]),
    fuzzTarget("FuzzJSONReader", ["KilnCore"]),
    fuzzTarget("FuzzSetParser", ["KilnCore", "KilnYAML"]),
  ]
)

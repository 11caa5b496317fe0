// swift-tools-version:6.0
// Coverage-guided fuzzers (libFuzzer) for Mondo's pack loader, transcript parser and answering
// pipeline. Kept out of the main package: they only build with `-sanitize=fuzzer`.
// Build and run them with `Fuzz/run` (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "MondoFuzz",
    dependencies: [.package(name: "Mondo", path: "..")],
    targets: [
        // libFuzzer's driver, called from each fuzzer's main.swift.
        .target(name: "FuzzDriver", dependencies: [.product(name: "MondoFuzzing", package: "Mondo")]),
        .executableTarget(name: "FuzzPack", dependencies: ["FuzzDriver"]),
        .executableTarget(name: "FuzzTranscript", dependencies: ["FuzzDriver"]),
        .executableTarget(name: "FuzzConversation", dependencies: ["FuzzDriver"]),
    ],
    swiftLanguageModes: [.v6]
)

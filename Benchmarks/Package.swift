// swift-tools-version:6.1
// Mondo's benchmarks, kept out of the main package so that `swift test` at the root never
// builds ordo-one/package-benchmark. Run them with `Benchmarks/run` (see Docs/performance.md).
import PackageDescription

let package = Package(
    name: "MondoBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The Mondo package itself (the repository root), for MondoCore.
        .package(name: "Mondo", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "MondoBenchmarks",
            dependencies: [
                .product(name: "MondoCore", package: "Mondo"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/MondoBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

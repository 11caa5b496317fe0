// swift-tools-version:6.0
// Mondo: a chat-style question-answering REPL. See Docs/architecture.md for the target map.
import PackageDescription

let package = Package(
    name: "Mondo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mondo", targets: ["mondo"]),
        .library(name: "MondoCore", targets: ["MondoCore"]),
        // The fuzzers' entry points, for the separate package in Fuzz/ (see Fuzz/README.md).
        .library(name: "MondoFuzzing", targets: ["MondoFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The engine: pack loading, normalisation, matching, facts, templates, transcripts.
        // Pure Swift + Yams + Mustache + libstemmer: no terminal, no stdin/stdout, no exit.
        // Resources/english.yaml is the engine's knowledge of English (Docs/language-data.md).
        .target(
            name: "MondoCore",
            dependencies: [
                "CStemmer",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/english.yaml"), .copy("Resources/wordnet.txt")]
        ),
        // libstemmer (Snowball), which has no pkg-config file: the module map links -lstemmer;
        // `apt-get install -y libstemmer-dev` provides it. Only MondoCore's Snowball.swift imports it.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // libedit, found through pkg-config; `apt-get install -y libedit-dev` provides it.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Non-variadic C wrappers around el_set/el_get/history, which Swift cannot call.
        .target(name: "CEditShim", dependencies: ["CEditLine"]),
        // The line-reading seam: libedit for terminals, a plain reader for pipes and tests.
        .target(name: "LineEditor", dependencies: ["CEditShim", "CEditLine"]),
        // REPL loop, meta-commands, batch runner, output formats, authoring tools.
        .target(name: "MondoShell", dependencies: ["MondoCore", "LineEditor"]),
        // What the fuzzers in Fuzz/ drive (pack files, transcripts, conversations); the
        // regression tests replay Tests/Fixtures/fuzz/ through it without instrumentation.
        .target(name: "MondoFuzzing", dependencies: ["MondoCore", "MondoShell", "LineEditor"]),
        // The executable: flags and wiring only.
        .executableTarget(
            name: "mondo",
            dependencies: [
                "MondoShell", "MondoCore", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Yams: SchemaTests reads the shipped packs as an editor's YAML language server does.
        .testTarget(name: "MondoCoreTests", dependencies: ["MondoCore", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "MondoShellTests", dependencies: ["MondoShell", "MondoCore", "LineEditor", "MondoFuzzing"]),
        .testTarget(name: "EndToEndTests", dependencies: ["MondoCore"]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import LineEditor
import MondoCore
import MondoShell

/// The entry points the fuzzers in `Fuzz/` drive, one per input format, and that the
/// regression tests replay (`Tests/Fixtures/fuzz/<target>/*`). Each takes arbitrary bytes and
/// must return without crashing, whatever the bytes; what it returns is only for tests.
///
/// No entry writes outside its own temporary directory, and none waits for input.
public enum FuzzTargets {
    /// The targets by name, as used for corpus folders and the `Fuzz/run` script.
    public static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
        ("pack", { _ = pack($0) }),
        ("transcript", { _ = transcript($0) }),
        ("conversation", { _ = conversation($0) }),
    ]

    /// The marker line that splits a pack input into files: `=== NAME` starts file NAME
    /// (`pack.yaml`, `concepts.yaml`, `language.yaml`, or a topic file name). Bytes before the
    /// first marker are `pack.yaml`.
    public static let fileMarker = "=== "

    /// Writes the pack files the input describes into a fresh temporary pack directory, loads it
    /// and, when it loads, answers each intent's first example and runs the lint checks.
    /// - Returns: the number of diagnostics lint printed lines for, or -1 when the pack did
    ///   not load (only for tests).
    public static func pack(_ bytes: [UInt8]) -> Int {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var files: [(String, [UInt8])] = [("pack.yaml", [])]
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix(fileMarker) {
                let name = safeName(String(text.dropFirst(fileMarker.count)))
                files.append((name, []))
            } else {
                files[files.count - 1].1 += line + [0x0A]
            }
        }
        _ = try? FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
        for (name, content) in files.prefix(8) {
            let top = ["pack.yaml", "concepts.yaml", "language.yaml"].contains(name)
            _ = FileManager.default.createFile(atPath: dir + (top ? "/" : "/topics/") + name, contents: Data(content))
        }
        let out = BufferOutput()
        _ = Lint.run(packDirectory: dir, transcripts: [], out: out)
        guard let engine = try? Engine(packDirectory: dir) else { return -1 }
        var context = DialogueContext()
        for intent in engine.pack.intents.prefix(20) {
            for example in intent.examples.prefix(1) { _ = engine.respond(to: example, context: &context) }
        }
        return out.text.split(separator: "\n").count
    }

    /// Parses the input as a transcript and, when it parses, replays it against the shipped pack
    /// and renders its update.
    /// - Returns: the number of failing exchanges, or -1 when it did not parse.
    public static func transcript(_ bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let t = try? Transcript.parse(text, path: "fuzz.transcript"), let engine = shippedEngine else { return -1 }
        let (responses, failures) = TranscriptRunner.replay(t, engine: engine)
        _ = TranscriptUpdater.update(t, responses: responses)
        for f in failures { _ = f.description }
        return failures.count
    }

    /// Feeds the input, line by line, to a shell over the shipped pack as piped input (questions,
    /// JSON Lines, meta-commands), in text format when the first byte is even and JSON when odd.
    /// `:save` and `:reload` lines are skipped (they touch files).
    /// - Returns: the number of bytes of output, or -1 when the shipped pack is missing.
    public static func conversation(_ bytes: [UInt8]) -> Int {
        guard let engine = shippedEngine else { return -1 }
        let kept = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(40).filter { line in
            let head = String(decoding: line.prefix(12), as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            return !(head.hasPrefix(":save") || head.hasPrefix(":reload"))
        }
        let input = Array(kept.joined(separator: [0x0A]))
        let out = BufferOutput(), err = BufferOutput()
        let format: OutputFormat = (bytes.first ?? 0) % 2 == 0 ? .text : .json
        let shell = Shell(engine: engine, packDirectory: shippedPackDirectory, format: format, out: out, err: err)
        _ = shell.run(reader: StreamLineReader(bytes: input, maxLineBytes: 4096))
        return out.text.utf8.count
    }

    /// The shipped pack (`Intents/` at the repository root), loaded once; `MONDO_PACK` overrides.
    static let shippedPackDirectory: String = {
        if let env = ProcessInfo.processInfo.environment["MONDO_PACK"] { return env }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Intents"
    }()

    static let shippedEngine: Engine? = try? Engine(packDirectory: shippedPackDirectory)

    /// A fresh scratch pack directory (the caller removes it), unique per call so that
    /// concurrent tests do not share one.
    static func scratchDirectory() -> String {
        NSTemporaryDirectory() + "mondo-fuzz-\(getpid())-\(UUID().uuidString)"
    }

    /// A file name made safe: letters, digits, `_`, `-`, `.`; never `..`; at most 40 characters.
    static func safeName(_ raw: String) -> String {
        let kept = String(raw.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0) }.prefix(40).map(Character.init))
        let name = kept.replacingOccurrences(of: "..", with: "_")
        return name.isEmpty || name == "." ? "topic.yaml" : name
    }
}

// Packs of 100 … 100,000 intents from the rule-set generator (Benchmarks/synth/generate.py, the
// same sets Benchmarks/peers measures the other engines on), and the Normans example pack's own
// transcript questions.

import Foundation
import MondoCore

enum GeneratedPacks {
    /// The sizes measured; 100,000 only with `MONDO_BENCH_100K=1` (its load takes about 20 s).
    static var sizes: [Int] {
        [100, 1_000, 10_000] + (ProcessInfo.processInfo.environment["MONDO_BENCH_100K"] != nil ? [100_000] : [])
    }

    /// The repository root (found from this file).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Generates (once per process and size) the rule set of `intents` intents with seed 1 and
    /// returns its folder: `mondo/` is the pack, `questions.tsv` the questions and answers.
    static func directory(intents: Int) throws -> String {
        let dir = NSTemporaryDirectory() + "mondo-bench-generated/\(intents)"
        if FileManager.default.fileExists(atPath: dir + "/questions.tsv") { return dir }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root + "/Benchmarks/synth/generate.py", "--intents", "\(intents)", "--out", dir, "--formats", "mondo"]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return dir
    }

    /// The generated questions of the rule set in `dir`, each asked in a fresh conversation.
    static func questions(_ dir: String) throws -> [String] {
        try String(contentsOfFile: dir + "/questions.tsv", encoding: .utf8)
            .split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }

    /// The Normans example pack's folder.
    static var normansPack: String { root + "/Examples/normans/Intents" }

    /// The first question of each exchange of the Normans transcripts (`> ` lines), in file order.
    static func normansQuestions() -> [String] {
        let dir = root + "/Examples/normans/Transcripts"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".transcript") }.sorted()
        return files.flatMap { f in
            ((try? String(contentsOfFile: dir + "/" + f, encoding: .utf8)) ?? "").split(separator: "\n")
                .filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        }
    }
}

/// Cycles through questions asked each in a fresh conversation, one per iteration.
final class QuestionCycle: @unchecked Sendable {
    let engine: Engine
    let questions: [String]
    var next = 0
    init(engine: Engine, questions: [String]) {
        self.engine = engine
        self.questions = questions
    }
    /// Answers the next question.
    func askNext() -> Response {
        let q = questions[next % questions.count]
        next += 1
        var ctx = DialogueContext()
        return engine.respond(to: q, context: &ctx)
    }
}

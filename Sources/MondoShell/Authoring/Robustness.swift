import Foundation
import MondoCore

/// `mondo robustness`: asks seeded variants of every answered transcript question, each in the
/// dialogue context the original was asked in, and counts how many still reach the same intent.
/// One engine serves the whole run.
public struct RobustnessReport {
    /// A variant that reached another intent or was declined.
    public struct Flip: Sendable {
        public var path: String
        public var line: Int
        public var kind: VariantKind
        public var question: String
        public var variant: String
        public var expected: String
        /// The intent reached, or nil for a decline.
        public var got: String?
        public var reason: String?
    }
    public var seed: UInt64
    public var files: [String]
    /// Answered questions varied.
    public var questions = 0
    /// Per kind: (held, total).
    public var kinds: [VariantKind: (held: Int, total: Int)] = [:]
    /// Per intent, in pack order: (id, held, total).
    public var intents: [(id: String, held: Int, total: Int)] = []
    public var flips: [Flip] = []

    public var total: Int { kinds.values.map(\.total).reduce(0, +) }
    public var held: Int { kinds.values.map(\.held).reduce(0, +) }
    /// Share of variants that reach the same intent, 0…1 (1 when there are none).
    public var score: Double { total == 0 ? 1 : Double(held) / Double(total) }

    /// Generates and asks the variants. O(questions × kinds) engine responses.
    /// - Parameter progress: shows `varying questions N/TOTAL …` while it runs, cleared at the end.
    public init(turns: [Authoring.Turn], files: [String], engine: Engine, seed: UInt64, progress: ProgressLine? = nil) {
        self.seed = seed
        self.files = files
        let maker = VariantMaker(engine: engine, seed: seed)
        var per: [String: (Int, Int)] = [:]
        for k in VariantKind.allCases { kinds[k] = (0, 0) }
        let toVary = turns.filter { $0.response.intent != nil && !$0.exchange.expectDecline }.count
        defer { progress?.clear() }
        for t in turns {
            guard let want = t.response.intent, !t.exchange.expectDecline else { continue }
            progress?.update("varying questions", done: questions, of: toVary)
            questions += 1
            for v in maker.variants(of: t.exchange.question) {
                var ctx = t.contextBefore
                let r = engine.respond(to: v.text, context: &ctx)
                let ok = r.intent == want
                kinds[v.kind]!.total += 1
                per[want, default: (0, 0)].1 += 1
                if ok { kinds[v.kind]!.held += 1; per[want, default: (0, 0)].0 += 1 }
                else {
                    flips.append(Flip(path: t.path, line: t.exchange.line, kind: v.kind, question: t.exchange.question,
                                      variant: v.text, expected: want, got: r.intent, reason: r.reason?.rawValue))
                }
            }
        }
        intents = engine.pack.intents.compactMap { i in per[i.id].map { (i.id, $0.0, $0.1) } }
    }

    /// The text report: per kind, per intent (those with flips, or all), every flip, the score.
    public func text(listAll: Bool) -> String {
        var out = "robustness: \(total) variant\(total == 1 ? "" : "s") of \(questions) answered question\(questions == 1 ? "" : "s") in \(files.count) transcript\(files.count == 1 ? "" : "s") (seed \(seed))\n\n"
        out += "variant       held  total   score\n"
        for k in VariantKind.allCases {
            let (h, n) = kinds[k]!
            out += Authoring.pad(k.rawValue, 12) + Authoring.lpad(String(h), 6) + Authoring.lpad(String(n), 7) + Authoring.lpad(Authoring.percent(h, n), 8) + "\n"
        }
        let shown = listAll ? intents : intents.filter { $0.held < $0.total }
        let w = max(6, (shown.map(\.id.count).max() ?? 0) + 2)
        out += "\n" + (listAll ? "intents (\(intents.count)):" : "intents with flips (\(shown.count) of \(intents.count)):") + "\n"
        if !shown.isEmpty {
            out += Authoring.pad("intent", w) + "  held  total   score\n"
            for i in shown {
                out += Authoring.pad(i.id, w) + Authoring.lpad(String(i.held), 6) + Authoring.lpad(String(i.total), 7) + Authoring.lpad(Authoring.percent(i.held, i.total), 8) + "\n"
            }
        }
        if !flips.isEmpty {
            out += "\nflips (\(flips.count)):\n"
            for f in flips {
                out += "\(f.path):\(f.line): \(f.kind.rawValue): “\(f.variant)”\n"
                out += "    \(f.expected) → \(f.got ?? "declined (\(f.reason ?? "declined"))")\n"
            }
        }
        out += "\nrobustness score: \(Authoring.percent(held, total)) (\(held) of \(total) variants reach the same intent)\n"
        return out
    }

    /// The JSON report: `{"seed","questions","variants","held","score","kinds":[…],"intents":[…],"flips":[…]}`.
    public var json: JSONValue {
        .object([
            ("seed", .number(Double(seed))), ("transcripts", .array(files.map { .string($0) })),
            ("questions", .number(Double(questions))), ("variants", .number(Double(total))),
            ("held", .number(Double(held))), ("score", .number((score * 10000).rounded() / 10000)),
            ("kinds", .array(VariantKind.allCases.map { k in
                .object([("kind", .string(k.rawValue)), ("held", .number(Double(kinds[k]!.held))), ("total", .number(Double(kinds[k]!.total)))])
            })),
            ("intents", .array(intents.map { .object([("intent", .string($0.id)), ("held", .number(Double($0.held))), ("total", .number(Double($0.total)))]) })),
            ("flips", .array(flips.map { f in
                .object([("path", .string(f.path)), ("line", .number(Double(f.line))), ("kind", .string(f.kind.rawValue)),
                         ("question", .string(f.question)), ("variant", .string(f.variant)), ("expected", .string(f.expected)),
                         ("intent", f.got.map { .string($0) } ?? .null), ("reason", f.reason.map { .string($0) } ?? .null)])
            })),
        ])
    }

    /// Runs the report over the transcripts in `paths`.
    /// - Parameter minimum: a percentage; below it the exit status is 1.
    /// - Parameter progress: a progress line (at a terminal), cleared before the report.
    /// - Returns: 0; 1 below `minimum`; 2 when no transcript is found or one cannot be read.
    public static func run(paths: [String], engine: Engine, seed: UInt64, format: OutputFormat, listAll: Bool,
                           minimum: Double?, out: OutputSink, err: OutputSink, progress: ProgressLine? = nil) -> Int32 {
        let files = TranscriptCommand.files(paths)
        do {
            if files.isEmpty { try err.write("mondo: no transcripts found in \(paths.joined(separator: ", "))\n"); return 2 }
            let replay = Authoring.replay(files: files, engine: engine, progress: progress)
            for p in replay.problems { try err.write(p.description + "\n") }
            let report = RobustnessReport(turns: replay.turns, files: files, engine: engine, seed: seed, progress: progress)
            try out.write(format == .json ? report.json.serialized + "\n" : report.text(listAll: listAll))
            if !replay.problems.isEmpty { return 2 }
            if let minimum, report.score * 100 < minimum {
                try err.write("mondo: robustness \(Authoring.percent(report.held, report.total)) is below the minimum \(minimum)%\n")
                return 1
            }
            return 0
        } catch { return OutputError.report(error, to: err) }
    }
}

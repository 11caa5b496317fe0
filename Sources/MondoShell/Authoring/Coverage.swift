import Foundation
import MondoCore

/// `mondo coverage`: which intents, facts and concepts the transcripts exercise.
///
/// An intent is exercised when a replayed exchange is answered by it; a fact when an answer uses
/// it (in the template or as an operand of a computation); a concept when it tags a word of a
/// replayed question (directly or through a concept that includes it).
public struct CoverageReport {
    /// One item and how many exchanges exercise it.
    public struct Item: Sendable {
        public var name: String
        public var count: Int
        public var location: SourceLocation?
    }
    /// Transcript files replayed.
    public var files: [String]
    /// Exchanges replayed.
    public var exchanges: Int
    /// Every intent, fact and concept of the pack, in pack order (intents) or by name.
    public var intents: [Item], facts: [Item], concepts: [Item]

    /// Replays the transcripts in `files` and counts what they exercise. O(exchanges × intents).
    public init(files: [String], engine: Engine, turns: [Authoring.Turn]) {
        self.files = files
        exchanges = turns.count
        let pack = engine.pack
        var ic: [String: Int] = [:], fc: [String: Int] = [:], cc: [String: Int] = [:]
        for t in turns {
            if let i = t.response.intent { ic[i, default: 0] += 1 }
            for f in Set(t.response.facts + t.response.explanation.sources.map(\.fact)) { fc[f, default: 0] += 1 }
            var tags = Set<String>()
            for u in t.response.explanation.analysis.units { tags.formUnion(u.concepts); tags.formUnion(u.innerConcepts) }
            for c in tags { cc[c, default: 0] += 1 }
        }
        intents = pack.intents.map { Item(name: $0.id, count: ic[$0.id] ?? 0, location: $0.location) }
        facts = pack.facts.values.sorted { $0.id < $1.id }.map { Item(name: $0.id, count: fc[$0.id] ?? 0, location: $0.location) }
        concepts = pack.concepts.values.sorted { $0.name < $1.name }.map { Item(name: $0.name, count: cc[$0.name] ?? 0, location: $0.location) }
    }

    /// The table: a summary per kind, a per-topic table, then each item not exercised with its place.
    public var text: String {
        var out = "coverage of \(exchanges) exchange\(exchanges == 1 ? "" : "s") in \(files.count) transcript\(files.count == 1 ? "" : "s")\n\n"
        out += "kind       exercised  total  coverage\n"
        for (kind, items) in [("intents", intents), ("facts", facts), ("concepts", concepts)] {
            let n = items.filter { $0.count > 0 }.count
            out += Authoring.pad(kind, 10) + Authoring.lpad(String(n), 10) + Authoring.lpad(String(items.count), 7)
                + Authoring.lpad(Authoring.percent(n, items.count), 10) + "\n"
        }
        // Per topic (the part of the intent id before the first dot).
        var topics: [(String, Int, Int, Int)] = []
        for i in intents {
            let topic = String(i.name.split(separator: ".").first ?? Substring(i.name))
            if let k = topics.firstIndex(where: { $0.0 == topic }) {
                topics[k].1 += i.count > 0 ? 1 : 0; topics[k].2 += 1; topics[k].3 += i.count
            } else { topics.append((topic, i.count > 0 ? 1 : 0, 1, i.count)) }
        }
        let w = max(5, (topics.map(\.0.count).max() ?? 0) + 2)
        out += "\n" + Authoring.pad("topic", w) + "intents  exchanges\n"
        for t in topics {
            out += Authoring.pad(t.0, w) + Authoring.lpad("\(t.1)/\(t.2)", 7) + Authoring.lpad(String(t.3), 11) + "\n"
        }
        for (kind, items) in [("intent", intents), ("fact", facts), ("concept", concepts)] {
            let missing = items.filter { $0.count == 0 }
            guard !missing.isEmpty else { continue }
            out += "\n\(kind)s not exercised (\(missing.count)):\n"
            let mw = (missing.map(\.name.count).max() ?? 0) + 2
            for m in missing { out += "  " + Authoring.pad(m.name, mw) + (m.location.map { "\($0.path):\($0.line)" } ?? "") + "\n" }
        }
        return out
    }

    /// The JSON form: `{"transcripts","exchanges","intents":{…},"facts":{…},"concepts":{…}}`, each
    /// kind with `total`, `exercised`, `coverage` (0…1), `items` (`{"name","exchanges"}`) and
    /// `missing` (names).
    public var json: JSONValue {
        func kind(_ items: [Item]) -> JSONValue {
            let n = items.filter { $0.count > 0 }.count
            return .object([
                ("total", .number(Double(items.count))), ("exercised", .number(Double(n))),
                ("coverage", .number(items.isEmpty ? 0 : (Double(n) / Double(items.count) * 10000).rounded() / 10000)),
                ("items", .array(items.map { .object([("name", .string($0.name)), ("exchanges", .number(Double($0.count)))]) })),
                ("missing", .array(items.filter { $0.count == 0 }.map { .string($0.name) })),
            ])
        }
        return .object([("transcripts", .array(files.map { .string($0) })), ("exchanges", .number(Double(exchanges))),
                        ("intents", kind(intents)), ("facts", kind(facts)), ("concepts", kind(concepts))])
    }

    /// Runs the report over `paths`.
    /// - Returns: 0, or 2 when no transcript is found or one cannot be read.
    /// - Parameter progress: a progress line for the replay (at a terminal), cleared before the report.
    public static func run(paths: [String], engine: Engine, format: OutputFormat, out: OutputSink, err: OutputSink,
                           progress: ProgressLine? = nil) -> Int32 {
        let files = TranscriptCommand.files(paths)
        do {
            if files.isEmpty { try err.write("mondo: no transcripts found in \(paths.joined(separator: ", "))\n"); return 2 }
            let replay = Authoring.replay(files: files, engine: engine, progress: progress)
            for p in replay.problems { try err.write(p.description + "\n") }
            let report = CoverageReport(files: files, engine: engine, turns: replay.turns)
            try out.write(format == .json ? report.json.serialized + "\n" : report.text)
            return replay.problems.isEmpty ? 0 : 2
        } catch { return OutputError.report(error, to: err) }
    }
}

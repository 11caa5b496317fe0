import Foundation
import MondoCore

/// `mondo lint`: checks a pack without starting a session. Reports every finding of the loader
/// (YAML, schema, unknown names, bad computations) and, when the pack loads, the lint-only checks:
///
/// - **overlap** (error): two intents of equal priority that both take a concrete question (an
///   example, or a transcript question not marked `@decline`) with scores within ``margin`` of each other, neither
///   blocked: which one answers is decided by a hair, or the engine declines it as ambiguous;
/// - **example** (warning): an intent's own example (quoted) that is answered by another intent or
///   declined, with why its intent lost, in the author's words (never stems);
/// - **exclude** (note): an `exclude` word whose stem also matches other words the pack knows
///   ("dams" blocks every "dam"), see ``excludeNotes(_:)``;
/// - **counterexample** (warning): a near-miss question listed in `counterexamples` that reaches
///   the intent anyway;
/// - **unreachable fact** (warning): a fact no intent uses in `facts` or `compute`;
/// - **untested intent** (warning): an intent no transcript exchange reaches (neither answered
///   by it when replayed nor named by `@intent`);
/// - **source document** (see ``sourceFindings(_:_:)``): a linked document that cannot be read
///   (warning), a `source` the readable document does not have (error), draft facts (note).
public enum Lint {
    /// Scores closer than this count as a tie (the engine's own ambiguity margin is 0.005).
    public static let margin = 0.01

    /// Everything lint finds, sorted by file and position (findings without a place last).
    /// - Parameters:
    ///   - packDirectory: the pack.
    ///   - transcripts: transcript files or folders; nil means `Transcripts/` beside the pack, and
    ///     the untested-intent check is skipped when that folder does not exist.
    /// - Returns: when the pack does not load, its errors (each once) and the checks that need no
    ///   pack: transcripts that do not parse.
    public static func findings(packDirectory: String, transcripts: [String]?) -> [Diagnostic] {
        let files: [String]
        if let transcripts { files = TranscriptCommand.files(transcripts) } else {
            let dir = Authoring.defaultTranscripts(packDirectory: packDirectory)
            files = FileManager.default.fileExists(atPath: dir) ? TranscriptCommand.files([dir]) : []
        }
        let pack: Pack
        do { pack = try Pack.load(from: packDirectory) } catch {
            var unparsed: [Diagnostic] = []
            for f in files {
                do { _ = try Transcript.load(path: f) } catch let e { unparsed += e.diagnostics }
            }
            return sorted(error.diagnostics + unparsed)
        }
        let engine = Engine(pack: pack)
        let src = Authoring.SourceLines()
        var out = pack.warnings + excludeNotes(engine) + controlCharacterErrors(pack) + sourceFindings(pack, src)

        // Facts no intent can reach.
        var used = Set<String>()
        for i in pack.intents {
            used.formUnion(i.facts)
            for c in i.compute { used.formUnion(c.computation.operands) }
        }
        // A draft fact (`mondo new`) is counted in a note instead (see sourceFindings).
        for f in pack.facts.values.sorted(by: { $0.id < $1.id }) where !used.contains(f.id) && !f.draft {
            out.append(src.diag(.warning, "fact '\(f.id)' is not used by any intent (no intent lists it in facts or compute)", at: f.location))
        }

        let replay = Authoring.replay(files: files, engine: engine)
        for p in replay.problems { out += p.diagnostics }

        // Examples that do not reach their own intent. Each example's response also serves as
        // a witness for the overlap check below.
        var witnesses: [(question: String, at: SourceLocation?, response: Response)] = []
        for intent in pack.intents {
            for (k, ex) in intent.examples.enumerated() {
                var ctx = DialogueContext()
                let r = engine.respond(to: ex, context: &ctx)
                let loc = k < intent.exampleLocations.count ? intent.exampleLocations[k] : intent.location
                witnesses.append((ex, loc, r))
                if r.intent == intent.id { continue }
                let mine = r.explanation.candidates.first { $0.intent == intent.id }
                let why: String
                if let b = mine?.blocked { why = "; it is blocked: \(b)" }
                else if let s = mine { why = String(format: "; its score is %.3f", s.score) }
                else { why = "" }
                let got = r.intent.map { "answered by '\($0)' (score \(String(format: "%.3f", r.score ?? 0)))" }
                    ?? "declined (\(r.reason?.rawValue ?? "declined"))"
                out.append(src.diag(.warning, "example “\(ex)” of '\(intent.id)' is \(got)\(why)", at: loc))
            }
        }
        // Counterexamples that reach the intent they must not reach.
        for intent in pack.intents {
            for (k, ce) in intent.counterexamples.enumerated() {
                var ctx = DialogueContext()
                let r = engine.respond(to: ce, context: &ctx)
                guard r.intent == intent.id else { continue }
                let loc = k < intent.counterexampleLocations.count ? intent.counterexampleLocations[k] : intent.location
                out.append(src.diag(.warning, "counterexample “\(ce)” of '\(intent.id)' reaches it (score \(String(format: "%.3f", r.score ?? 0))); add a require group or an exclude that tells them apart", at: loc))
            }
        }
        // Transcript questions asked on their own (not leaning on the previous turn). A question the
        // transcript expects to be declined is no witness: declining it is what the author wants.
        for t in replay.turns where !t.exchange.expectDecline && (t.contextBefore.lastIntent == nil
            || (t.response.explanation.contextUse == nil && !t.response.explanation.analysis.looksLikeFollowUp)) {
            witnesses.append((t.exchange.question, SourceLocation(path: t.path, line: t.exchange.line, column: 3), t.response))
        }

        // Overlaps: a concrete question that two intents of equal priority and equally many
        // require groups both take with scores within the margin, neither blocked. Then nothing
        // in the patterns decides between them: the engine declines the question as ambiguous or
        // picks one by a hair (or by id order).
        var reported = Set<String>()
        let position = Dictionary(pack.intents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for w in witnesses {
            let cands = w.response.explanation.candidates.filter { $0.blocked == nil && $0.score >= engine.matcher.threshold }
            guard let top = cands.first, let xp = position[top.intent] else { continue }
            for other in cands.dropFirst() where top.score - other.score < margin {
                guard let yp = position[other.intent] else { continue }
                let x = pack.intents[xp], y = pack.intents[yp]
                guard x.priority == y.priority, x.require.count == y.require.count else { continue }
                // Members of one family differ only in slots: the slot checks keep them apart.
                if let f = x.family, f == y.family { continue }
                let key = [x.id, y.id].sorted().joined(separator: "|")
                guard reported.insert(key).inserted else { continue }
                let scores = String(format: "%.3f and %.3f", top.score, other.score)
                let outcome = w.response.intent.map { "it goes to '\($0)'" } ?? "it is declined as \(w.response.reason?.rawValue ?? "declined")"
                out.append(src.diag(.error, "intents '\(x.id)' and '\(y.id)' overlap at priority \(x.priority): both take “\(w.question)” (scores \(scores); \(outcome))\(w.at.map { ", asked at \($0)" } ?? ""); add a require group, a cue or an exclude to one of them, or give one a higher priority", at: x.location ?? w.at))
            }
        }

        // Intents no transcript exchange reaches.
        if !files.isEmpty {
            var reached = Set<String>()
            for t in replay.turns {
                if let i = t.response.intent { reached.insert(i) }
                if let i = t.exchange.expectIntent { reached.insert(i) }
            }
            for i in pack.intents where !reached.contains(i.id) {
                out.append(src.diag(.warning, "intent '\(i.id)' has no transcript exchange (no question in \(files.count) transcript\(files.count == 1 ? "" : "s") reaches it)", at: i.location))
            }
            // An @intent naming an intent that does not exist.
            let ids = pack.intents.map(\.id)
            for t in replay.turns {
                // `computed.compare`, `computed.difference` …: the engine's built-in comparisons.
                guard let want = t.exchange.expectIntent, !ids.contains(want), !Engine.builtInIntents.contains(want) else { continue }
                let hint = nearest(want, in: ids, limit: 4).map { "; did you mean '\($0)'?" } ?? ""
                let loc = SourceLocation(path: t.path, line: max(1, t.exchange.expectedLine - 1), column: 9)
                let line = Transcript.lineOf(path: t.path, directive: "@intent \(want)", after: t.exchange.line)
                out.append(src.diag(.error, "@intent names unknown intent '\(want)'\(hint)", at: line ?? loc))
            }
        }
        return sorted(out)
    }

    /// `ds` without repeats, by file and position (findings without a place last).
    static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let ds = ds.filter { seen.insert($0).inserted }
        return ds.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?):
                if x.path != y.path { return x.path < y.path }
                if x.line != y.line { return x.line < y.line }
                if x.column != y.column { return x.column < y.column }
                if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
                return a.offset < b.offset
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            }
        }.map(\.element)
    }

    /// Prints every finding (at most ``Diagnostic/perFileLimit`` per file, then a note with how
    /// many more there are) and a summary line counting all of them (`N errors, N warnings in
    /// DIR`; `, N notes` is added before `in` when there are notes).
    /// - Returns: 1 when there are errors, 0 otherwise.
    /// - Parameter err: where a failure to write `out` is reported (standard error by default).
    public static func run(packDirectory: String, transcripts: [String]?, out: OutputSink, err: OutputSink = FileOutput(fd: 2)) -> Int32 {
        let ds = findings(packDirectory: packDirectory, transcripts: transcripts)
        let errors = ds.filter { $0.severity == .error }.count
        let notes = ds.filter { $0.severity == .note }.count
        let warnings = ds.count - errors - notes
        let noteCount = notes == 0 ? "" : ", \(notes) note\(notes == 1 ? "" : "s")"
        do {
            for d in Diagnostic.render(ds) { try out.write(d + "\n") }
            try out.write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(noteCount) in \(packDirectory)\n")
        } catch { return OutputError.report(error, to: err) }
        return errors > 0 ? 1 : 0
    }
}

extension Transcript {
    /// The location of the line `directive` after line `after` in the transcript at `path`.
    static func lineOf(path: String, directive: String, after: Int) -> SourceLocation? {
        guard let t = try? Transcript.load(path: path) else { return nil }
        for n in after..<t.lines.count where t.lines[n].trimmingCharacters(in: .whitespaces) == directive {
            return SourceLocation(path: path, line: n + 1, column: 9)
        }
        return nil
    }
}

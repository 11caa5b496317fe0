import Foundation
import MondoCore

/// `mondo test`: replays transcripts, prints failures with diffs and a summary line.
public enum TranscriptCommand {
    /// Expands directories into their `*.transcript` files (sorted); files are kept as given.
    public static func files(_ paths: [String]) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                let items = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
                out += items.filter { $0.hasSuffix(".transcript") }.sorted().map { (p as NSString).appendingPathComponent($0) }
            } else { out.append(p) }
        }
        return out
    }

    /// Runs the transcripts in `paths`.
    /// - Returns: 0 when every exchange passed (or, with `update`, was rewritten), 1 otherwise
    ///   (a failure, a transcript `update` cannot write, output that cannot be written), 2 when
    ///   a transcript cannot be read.
    /// - Parameter progress: shows `replaying transcripts N/TOTAL …` while it runs (at a terminal);
    ///   cleared before anything else is written and at the end.
    public static func run(paths: [String], engine: Engine, update: Bool, out: OutputSink, err: OutputSink,
                           progress: ProgressLine? = nil) -> Int32 {
        var passed = 0, failed = 0, updated = 0, broken = false, unwritten = false
        let files = files(paths)
        defer { progress?.clear() }
        do {
            if files.isEmpty { try err.write("mondo: no transcripts found in \(paths.joined(separator: ", "))\n"); return 2 }
            for (n, f) in files.enumerated() {
                progress?.update("replaying transcripts", done: n, of: files.count)
                let t: Transcript
                do { t = try Transcript.load(path: f) } catch {
                    progress?.clear()
                    try err.write(error.description + "\n"); broken = true; continue
                }
                let (responses, failures) = TranscriptRunner.replay(t, engine: engine)
                if !failures.isEmpty { progress?.clear() }
                passed += t.exchanges.count - failures.count
                failed += failures.count
                if update && !failures.isEmpty {
                    let text = TranscriptUpdater.update(t, responses: responses)
                    do throws(WriteFailure) { try SafeWrite.replaceContents(of: f, with: text) } catch {
                        // Not updated: say why, and report its failures as failures.
                        try err.write("mondo: \(error.description)\n")
                        unwritten = true
                        for fl in failures { try out.write(fl.description + "\n") }
                        continue
                    }
                    for fl in failures {
                        var change = ""
                        if fl.exchange.expectDecline, let got = fl.actual.intent { change = "@decline → @intent \(got)\n" }
                        else if let want = fl.exchange.expectIntent, want != fl.actual.intent {
                            change = "@intent \(want) → " + (fl.actual.intent.map { "@intent \($0)" } ?? "@decline") + "\n"
                        }
                        try out.write("updated \(f):\(fl.exchange.expectedLine): \(fl.kind) for '\(fl.exchange.question)'\n\(change)\(fl.diff)\n")
                    }
                    updated += failures.count
                } else {
                    for fl in failures { try out.write(fl.description + "\n") }
                }
            }
            progress?.clear()
            try out.write("\(passed) passed, \(failed) failed" + (update && updated > 0 ? " (\(updated) updated)" : "") + "\n")
        } catch { return OutputError.report(error, to: err) }
        if broken { return 2 }
        if unwritten { return 1 }
        return failed == 0 || update ? 0 : 1
    }
}

/// Rewrites a transcript's expected answers from actual responses, keeping comments, directives
/// and blank lines where they were. An `@intent` or `@decline` directive that no longer holds is
/// rewritten too (`@intent NEW`, or `@decline` for a decline), so the updated file passes.
public enum TranscriptUpdater {
    /// The new text of `t` with each exchange's expected lines replaced by its response.
    public static func update(_ t: Transcript, responses: [Response]) -> String {
        var lines = t.lines
        // Replace from the bottom so earlier line numbers stay valid.
        for (ex, r) in zip(t.exchanges, responses).reversed() {
            if ex.expectDecline && r.intent == nil { continue }
            // Directive lines belong to this exchange up to the next question (same count: no shift).
            var n = ex.line
            while n < lines.count, !lines[n].hasPrefix(">") {
                let d = lines[n].trimmingCharacters(in: .whitespaces)
                if d == "@decline", let got = r.intent { lines[n] = "@intent \(got)" }
                if d.hasPrefix("@intent "), let want = ex.expectIntent, want != r.intent {
                    lines[n] = r.intent.map { "@intent \($0)" } ?? "@decline"
                }
                n += 1
            }
            if ex.expected.isEmpty && ex.expectIntent != nil && r.intent != nil { continue }
            let start = ex.expectedLine - 1
            let newLines = r.answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if ex.expected.isEmpty {
                lines.insert(contentsOf: newLines, at: min(start, lines.count))
            } else {
                lines.replaceSubrange(start..<(start + ex.expected.count), with: newLines)
            }
        }
        return lines.joined(separator: "\n")
    }
}

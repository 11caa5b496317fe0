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
    /// - Returns: 0 when every exchange passed, 1 otherwise (2 when a transcript cannot be read).
    public static func run(paths: [String], engine: Engine, update: Bool, out: OutputSink, err: OutputSink) -> Int32 {
        var passed = 0, failed = 0, broken = false
        let files = files(paths)
        do {
            if files.isEmpty { try err.write("mondo: no transcripts found in \(paths.joined(separator: ", "))\n"); return 2 }
            for f in files {
                let t: Transcript
                do { t = try Transcript.load(path: f) } catch {
                    try err.write(error.description + "\n"); broken = true; continue
                }
                let (responses, failures) = TranscriptRunner.replay(t, engine: engine)
                passed += t.exchanges.count - failures.count
                failed += failures.count
                if update && !failures.isEmpty {
                    let text = TranscriptUpdater.update(t, responses: responses)
                    try text.write(toFile: f, atomically: true, encoding: .utf8)
                    for fl in failures {
                        try out.write("updated \(f):\(fl.exchange.expectedLine): \(fl.exchange.question)\n\(fl.diff)")
                    }
                } else {
                    for fl in failures { try out.write(fl.description + "\n") }
                }
            }
            try out.write("\(passed) passed, \(failed) failed\n")
        } catch { return 1 }
        if broken { return 2 }
        return failed == 0 || update ? 0 : 1
    }
}

/// Rewrites a transcript's expected answers from actual responses, keeping comments, directives
/// and blank lines where they were.
public enum TranscriptUpdater {
    /// The new text of `t` with each exchange's expected lines replaced by its response.
    public static func update(_ t: Transcript, responses: [Response]) -> String {
        var lines = t.lines
        // Replace from the bottom so earlier line numbers stay valid.
        for (ex, r) in zip(t.exchanges, responses).reversed() {
            if ex.expectDecline && r.intent == nil { continue }
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

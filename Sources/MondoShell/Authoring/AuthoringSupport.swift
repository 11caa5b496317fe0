import Foundation
import MondoCore

/// Shared pieces of the authoring tools (`lint`, `coverage`, `robustness`): finding transcripts,
/// replaying them while remembering the context before each turn, and reading source lines for
/// diagnostics.
public enum Authoring {
    /// `Transcripts/` inside the pack directory when it holds `pack.yaml` and a `Transcripts`
    /// folder (a pack written by `mondo new`), else `Transcripts/` beside it (in the pack's parent
    /// folder, as in this repository).
    public static func defaultTranscripts(packDirectory: String) -> String {
        let inside = (packDirectory as NSString).appendingPathComponent("Transcripts")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: (packDirectory as NSString).appendingPathComponent("pack.yaml")),
           FileManager.default.fileExists(atPath: inside, isDirectory: &isDir), isDir.boolValue { return inside }
        // Foundation traps taking the parent of "." (`--pack .`): such a path is made absolute.
        var path = (packDirectory as NSString).standardizingPath
        if ["", ".", ".."].contains((path as NSString).lastPathComponent) {
            path = ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
        }
        let parent = path as NSString
        return (parent.deletingLastPathComponent as NSString).appendingPathComponent("Transcripts")
    }

    /// One replayed exchange: where it is, the context it was asked in, and what came back.
    public struct Turn {
        /// The transcript file.
        public var path: String
        /// The exchange as written.
        public var exchange: Exchange
        /// The dialogue context just before the question (for replaying variants of it).
        public var contextBefore: DialogueContext
        /// The response.
        public var response: Response
    }

    /// Replays every transcript in `files` (each in a fresh conversation, `@reset` honoured).
    /// - Parameter progress: shows `replaying transcripts N/TOTAL …` while it runs, cleared at the end.
    /// - Returns: the turns, and the diagnostics of transcripts that could not be read.
    /// - Complexity: one `Engine.respond` per exchange.
    public static func replay(files: [String], engine: Engine, progress: ProgressLine? = nil) -> (turns: [Turn], problems: [PackError]) {
        var turns: [Turn] = []
        var problems: [PackError] = []
        defer { progress?.clear() }
        for (n, f) in files.enumerated() {
            progress?.update("replaying transcripts", done: n, of: files.count)
            let t: Transcript
            do { t = try Transcript.load(path: f) } catch { problems.append(error); continue }
            var context = DialogueContext()
            for ex in t.exchanges {
                if ex.resetBefore { context = DialogueContext() }
                let before = context
                let r = engine.respond(to: ex.question, context: &context)
                turns.append(Turn(path: f, exchange: ex, contextBefore: before, response: r))
            }
        }
        return (turns, problems)
    }

    /// Reads files' lines on demand, for source lines under diagnostics.
    final class SourceLines {
        var cache: [String: [String]] = [:]
        func line(_ loc: SourceLocation) -> String? {
            if cache[loc.path] == nil {
                let text = FileManager.default.contents(atPath: loc.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                cache[loc.path] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            }
            let lines = cache[loc.path]!
            return loc.line >= 1 && loc.line <= lines.count ? lines[loc.line - 1] : nil
        }
        /// A diagnostic at `loc` with its source line.
        func diag(_ sev: Diagnostic.Severity, _ msg: String, at loc: SourceLocation?) -> Diagnostic {
            Diagnostic(sev, msg, at: loc, sourceLine: loc.flatMap { line($0) })
        }
    }

    /// `12.5%` style percentage with one decimal.
    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "n/a" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    /// Pads `s` on the right to `n` characters (never truncates).
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    /// Pads `s` on the left to `n` characters.
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
}

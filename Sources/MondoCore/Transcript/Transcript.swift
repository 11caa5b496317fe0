import Foundation

/// One exchange of a transcript: a question and what must come back.
public struct Exchange: Sendable, Hashable {
    /// The question, as typed after `> `.
    public var question: String
    /// Expected answer lines (empty with `@decline`, where any declining wording passes).
    public var expected: [String]
    /// `@intent ID`: the intent that must answer.
    public var expectIntent: String?
    /// `@decline`: the question must be declined (intent null), whatever the wording.
    public var expectDecline: Bool
    /// Line of the `> ` line (1-based).
    public var line: Int
    /// Line of the first expected line, or of the directive when there is none.
    public var expectedLine: Int
    /// `@reset` before this exchange: the conversation starts afresh.
    public var resetBefore: Bool
}

/// A recorded conversation: `> question` lines, each followed by the expected answer lines;
/// `#` comments; directives `@intent ID`, `@decline`, `@reset`. See Docs/transcript-format.md.
public struct Transcript: Sendable {
    /// The file path.
    public var path: String
    /// Exchanges in order.
    public var exchanges: [Exchange]
    /// The file's lines (for `--update`).
    public var lines: [String]
    /// `@clarify` anywhere in the file: it is replayed with clarifying questions on, as in the
    /// REPL (``Engine/clarifies``), so that "Do you mean …?" and the reply to it replay as recorded.
    public var clarifies = false

    /// Parses transcript text.
    /// - Throws: ``PackError`` with a diagnostic for expected text before any question, an unknown
    ///   directive, or an empty question.
    public static func parse(_ text: String, path: String) throws(PackError) -> Transcript {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        var exchanges: [Exchange] = []
        var diags: [Diagnostic] = []
        var pendingReset = false
        var clarifies = false
        for (i, raw) in lines.enumerated() {
            let n = i + 1
            let line = raw
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.hasPrefix(">") {
                let q = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if q.isEmpty { diags.append(Diagnostic(.error, "empty question", at: SourceLocation(path: path, line: n, column: 1), sourceLine: line)); continue }
                exchanges.append(Exchange(question: q, expected: [], expectIntent: nil, expectDecline: false, line: n, expectedLine: n + 1, resetBefore: pendingReset))
                pendingReset = false
                continue
            }
            if line.hasPrefix("@") {
                // `@intent ID`: a directive and its argument, split at the first space or tab.
                let body = line.trimmingCharacters(in: .whitespaces)
                let parts = body.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                switch parts[0] {
                case "@reset": pendingReset = true; continue
                case "@clarify": clarifies = true; continue
                case "@decline", "@intent":
                    guard !exchanges.isEmpty else {
                        diags.append(Diagnostic(.error, "\(parts[0]) before any question", at: SourceLocation(path: path, line: n, column: 1), sourceLine: line)); continue
                    }
                    if parts[0] == "@decline" { exchanges[exchanges.count - 1].expectDecline = true }
                    else if parts.count == 2 { exchanges[exchanges.count - 1].expectIntent = parts[1].trimmingCharacters(in: .whitespaces) }
                    else { diags.append(Diagnostic(.error, "@intent needs an intent id", at: SourceLocation(path: path, line: n, column: 8), sourceLine: line)) }
                    if exchanges[exchanges.count - 1].expected.isEmpty { exchanges[exchanges.count - 1].expectedLine = n + 1 }
                    continue
                default:
                    let hint = nearest(parts[0], in: ["@reset", "@decline", "@intent", "@clarify"]).map { "; did you mean '\($0)'?" } ?? ""
                    diags.append(Diagnostic(.error, "unknown directive '\(parts[0])'\(hint)", at: SourceLocation(path: path, line: n, column: 1), sourceLine: line))
                    continue
                }
            }
            guard !exchanges.isEmpty else {
                diags.append(Diagnostic(.error, "answer text before the first '> question' line", at: SourceLocation(path: path, line: n, column: 1), sourceLine: line)); continue
            }
            if exchanges[exchanges.count - 1].expected.isEmpty { exchanges[exchanges.count - 1].expectedLine = n }
            exchanges[exchanges.count - 1].expected.append(line)
        }
        if !diags.isEmpty { throw PackError(diagnostics: diags, subject: path) }
        return Transcript(path: path, exchanges: exchanges, lines: lines, clarifies: clarifies)
    }

    /// Reads and parses a transcript file.
    /// - Throws: ``PackError`` when the file cannot be read (`path: error: cannot read: REASON`,
    ///   the operating system's reason), is not UTF-8 text or holds a NUL byte (the place of the
    ///   first bad byte, with a caret), or does not parse.
    public static func load(path: String) throws(PackError) -> Transcript {
        switch SourceFile.read(path, rejectNUL: true) {
        case .success(let text): return try parse(text, path: path)
        case .failure(let d): throw PackError(diagnostics: [d], subject: path)
        }
    }

    /// `question` on one line: line breaks (and tabs) become spaces, so that a question asked
    /// with a line break in it (a JSON `"who is\nthe ambassador"`) is saved as one `> ` line.
    public static func oneLine(_ question: String) -> String {
        guard question.contains(where: { $0.isNewline || $0 == "\t" }) else { return question }
        return question.split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }

    /// Renders a conversation as transcript text that replays as it is.
    /// - Parameter resetsBefore: positions of turns before which the conversation was reset
    ///   (`:reset`); each gets an `@reset` line so the replay forgets the context there too.
    /// - Parameter clarifies: the conversation had clarifying questions on: an `@clarify` line
    ///   comes first, so that the replay asks them too.
    public static func render(_ turns: [(question: String, response: Response)], header: String? = nil, resetsBefore: Set<Int> = [],
                              clarifies: Bool = false) -> String {
        var out = header.map { "# " + $0 + "\n\n" } ?? ""
        if clarifies { out += "@clarify\n\n" }
        for (n, t) in turns.enumerated() {
            if resetsBefore.contains(n), n > 0 { out += "@reset\n" }
            out += "> \(oneLine(t.question))\n"
            if t.response.intent == nil { out += "@decline\n" } else { out += "@intent \(t.response.intent!)\n" }
            out += t.response.answer + "\n\n"
        }
        return out
    }
}

/// What went wrong in one exchange.
public struct ExchangeFailure: Sendable {
    /// The transcript file.
    public var path: String
    /// The exchange.
    public var exchange: Exchange
    /// The answer given.
    public var actual: Response
    /// What kind of difference: `intent changed`, `facts changed`, `wording changed`, `declined`, `answered`.
    public var kind: String
    /// A unified diff of expected against actual lines.
    public var diff: String

    /// `path:line: error: …` followed by the diff.
    public var description: String {
        "\(path):\(exchange.expectedLine): error: \(kind) for '\(exchange.question)' (asked at line \(exchange.line))\n" + diff
    }
}

/// Replays transcripts through an engine.
public enum TranscriptRunner {
    /// Replays `transcript` in a fresh dialogue context; `@reset` starts a new one.
    /// - Returns: every exchange's response, with the failures.
    public static func replay(_ transcript: Transcript, engine: Engine) -> (responses: [Response], failures: [ExchangeFailure]) {
        var context = DialogueContext()
        var engine = engine
        engine.clarifies = transcript.clarifies
        var responses: [Response] = []
        var failures: [ExchangeFailure] = []
        for ex in transcript.exchanges {
            if ex.resetBefore { context = DialogueContext() }
            let r = engine.respond(to: ex.question, context: &context)
            responses.append(r)
            if let f = check(ex, r, path: transcript.path) { failures.append(f) }
        }
        return (responses, failures)
    }

    /// Compares one exchange with its response.
    public static func check(_ ex: Exchange, _ r: Response, path: String) -> ExchangeFailure? {
        let actualLines = r.answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if ex.expectDecline {
            if r.intent == nil { return nil }
            return ExchangeFailure(path: path, exchange: ex, actual: r, kind: "expected a decline, but \(r.intent!) answered",
                                   diff: unifiedDiff(expected: ["(a decline)"], actual: actualLines, line: ex.expectedLine))
        }
        if let want = ex.expectIntent, r.intent != want {
            return ExchangeFailure(path: path, exchange: ex, actual: r, kind: "intent changed: expected \(want), got \(r.intent ?? "a decline")",
                                   diff: unifiedDiff(expected: ex.expected, actual: actualLines, line: ex.expectedLine))
        }
        if ex.expected.isEmpty && ex.expectIntent != nil { return nil }
        if ex.expected == actualLines { return nil }
        let kind: String
        if r.intent == nil { kind = "declined" }
        else if ex.expectIntent == nil {
            // Without a directive, judge by the numbers and names that changed.
            let want = Set(ex.expected.joined(separator: " ").split(whereSeparator: { !$0.isNumber && $0 != "," && $0 != "." }).map(String.init))
            let got = Set(r.answer.split(whereSeparator: { !$0.isNumber && $0 != "," && $0 != "." }).map(String.init))
            kind = want == got ? "wording changed" : "facts changed"
        } else { kind = "wording changed" }
        return ExchangeFailure(path: path, exchange: ex, actual: r, kind: kind,
                               diff: unifiedDiff(expected: ex.expected, actual: actualLines, line: ex.expectedLine))
    }

    /// A minimal unified diff of two short line lists (a single hunk).
    public static func unifiedDiff(expected: [String], actual: [String], line: Int) -> String {
        var out = "--- expected\n+++ actual\n@@ -\(line),\(expected.count) +\(line),\(actual.count) @@\n"
        // Longest common subsequence over lines.
        let n = expected.count, m = actual.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] { out += " \(expected[i])\n"; i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { out += "-\(expected[i])\n"; i += 1 }
            else { out += "+\(actual[j])\n"; j += 1 }
        }
        return out
    }
}

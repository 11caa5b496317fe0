import Foundation
import MondoCore
import LineEditor

/// How answers are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The answer text, one paragraph per question.
    case text
    /// One JSON object per input question, one per line (see Docs/cli.md).
    case json
}

/// A conversation with a pack: the REPL and batch loops, meta-commands, and output formats.
/// Holds the dialogue context and the turns so far (for `:save`). Not thread-safe: one per session.
public final class Shell {
    /// The engine answering (replaced by `:reload`).
    public private(set) var engine: Engine { didSet { cachedCompleter = nil } }
    /// Tab completion over the pack in use: built at the first Tab, again after `:reload`.
    public var completer: Completer {
        if let c = cachedCompleter { return c }
        let c = Completer(pack: engine.pack)
        cachedCompleter = c
        return c
    }
    private var cachedCompleter: Completer?
    /// The remembered dialogue context.
    public private(set) var context = DialogueContext()
    /// Every answered or declined question of the session, in order. Only the last keeps its
    /// whole explanation (for `:why`); earlier ones keep what `:save` and `:history` read
    /// (``slimmed(_:)``), so that a long batch does not hold every question's analysis.
    public private(set) var turns: [(question: String, response: Response)] = []
    /// The dialogue context just before the last turn (for `:why INTENT_ID`).
    public private(set) var contextBefore: DialogueContext?
    /// Positions in `turns` before which the conversation was reset (`:reset`, `{"reset": true}`),
    /// so that `:save` writes `@reset` there.
    public private(set) var resetsBefore: Set<Int> = []
    /// Print the `:why` detail after every answer (the engine then builds the texts of blocked
    /// candidates for every answer, ``Engine/explains``).
    public var trace = false { didSet { engine.explains = trace } }
    /// Answer every question in a new conversation (`--independent`): nothing a question says is
    /// remembered for the next one, as if `:reset` came before each.
    public var independent = false
    /// Ask back ("Do you mean …?") instead of declining a question with a close reading, and
    /// read the next line as the reply (``Engine/clarifies``): on in the REPL at a terminal,
    /// off in batch runs, which never wait for a reply.
    public var clarifies = false { didSet { engine.clarifies = clarifies } }
    /// How answers are laid out at a terminal (wrapped to its width, secondary text set apart
    /// and perhaps coloured); nil when standard output is not a terminal: answers are then
    /// written exactly as the engine gives them.
    public var terminal: TerminalLayout?
    /// Show the "understood as" note after an answer whose words were corrected (at a terminal
    /// only; `--no-notes`, `:notes off`).
    public var notes = true
    /// Where the interactive banner and the blank line after each answer go: the terminal side
    /// (standard error when standard output is redirected). `nil`: `out`.
    public var screen: OutputSink?
    let packDirectory: String
    let format: OutputFormat
    let out: OutputSink
    let err: OutputSink
    var reader: LineReader?
    /// The line of the current input read (counted from 1 in each ``run(reader:prompt:source:)``).
    var lineNumber = 0
    /// The input file being read, for warnings (`FILE:LINE: …`); nil for standard input.
    var source: String?

    /// The meta-commands, with their help text.
    public static let commands: [(name: String, args: String, help: String)] = [
        ("help", "", "this list"),
        ("topics", "[NAME]", "the topics, with how many questions each covers; NAME: its example questions"),
        ("why", "[QUESTION]", "how the last answer (or QUESTION) was understood: tokens, corrections, concepts, candidates, facts"),
        ("why", "INTENT|all", "why intent INTENT did not answer the last question (blocks, score, rival); all: every candidate"),
        ("source", "", "the document's paragraphs behind the last answer, the sentence of each fact marked »…«"),
        ("trace", "on|off", "show the :why detail after every answer"),
        ("notes", "on|off", "show (read “mnay” as “many”) after an answer whose words were corrected"),
        ("context", "", "what the conversation remembers"),
        ("reset", "", "forget the conversation (follow-ups start afresh)"),
        ("history", "[N]", "the last N lines typed (default 20), from this and earlier sessions"),
        ("save", "FILE", "write this session as a transcript that `mondo test` replays"),
        ("reload", "", "reload the pack from disk, keeping the session; on errors the old pack stays"),
        ("quit", "", "leave (also :exit, :q or Ctrl-D)"),
    ]

    /// Creates a shell over `engine`.
    /// - Parameters:
    ///   - packDirectory: where `:reload` reads the pack from.
    ///   - format: text or JSON Lines.
    ///   - out: answers. `err`: diagnostics and warnings.
    public init(engine: Engine, packDirectory: String, format: OutputFormat, out: OutputSink, err: OutputSink) {
        var engine = engine
        // The texts of blocked candidates are built only when shown (the trace); `:why` answers
        // the question again with them (``whySubject(_:)``).
        engine.explains = false
        self.engine = engine
        self.packDirectory = packDirectory
        self.format = format
        self.out = out
        self.err = err
    }

    /// The banner shown at the start of an interactive session.
    public var banner: String {
        // The topic files' names, as small talk gives them ("what is this about?").
        let topics = engine.pack.topicNames
        return """
        Mondo — questions and answers about \(engine.pack.settings.name).
        Ask about: \(topics.prefix(8).joined(separator: ", "))\(topics.count > 8 ? " and more" : "").
        Try: “\(engine.pack.intents.first?.examples.first ?? "What can I ask?")”
        Type :help for commands, :topics for example questions, Ctrl-D or :quit to leave.

        """
    }

    /// Reads lines from `reader` until end of input or `:quit`, answering each.
    /// - Returns: the exit status: 0 normally, 1 when output could not be written (a closed pipe
    ///   quietly; any other reason is printed, see ``OutputError/report(_:to:)``).
    /// - Parameter source: the name of the file the reader reads (`-f FILE`): warnings about its
    ///   lines then say `FILE:LINE:`, the line counted within that file.
    public func run(reader: LineReader, prompt: String = "mondo> ", source: String? = nil) -> Int32 {
        self.reader = reader
        self.source = source
        lineNumber = 0
        do {
            if reader.isInteractive {
                // At a terminal the banner is wrapped like the answers (``TerminalLayout``).
                let width = terminal.flatMap { $0.width() }
                try (screen ?? out).write(width.map { TextWrap.wrap(banner, width: $0) } ?? banner)
            }
            loop: while true {
                let result = reader.readLine(prompt: prompt)
                switch result {
                case .endOfInput:
                    break loop
                case .interrupted:
                    continue  // the reader has already moved to a fresh line
                case .line(let line):
                    lineNumber += 1
                    // Trailing blanks (a Tab completion leaves one) are not part of what was asked.
                    if reader.isInteractive { reader.addHistory(String(line.reversed().drop(while: \.isWhitespace).reversed())) }
                    if try !handle(line) { break loop }
                case .tooLong(let bytes, let limit):
                    lineNumber += 1
                    try tooLong(bytes: bytes, limit: limit)
                }
            }
        } catch {
            // A closed pipe stops quietly, as head(1) expects; a full disk or an I/O error is said.
            return OutputError.report(error, to: err)
        }
        return 0
    }

    func tooLong(bytes: Int, limit: Int) throws {
        let msg = "line \(lineNumber) is too long (\(bytes) bytes; the limit is \(limit)); skipped"
        let said = source.map { "\($0):\(lineNumber): line is too long (\(bytes) bytes; the limit is \(limit)); skipped" } ?? msg
        try err.write("mondo: \(said)\n")
        if format == .json {
            try out.write(JSONValue.object([("question", .string("")), ("answer", .string("")), ("intent", .null), ("facts", .array([])), ("error", .string(msg))]).serialized + "\n")
        }
    }

    /// Handles one input line: a meta-command (`:…`) or a question. Blank lines and, outside the
    /// REPL, lines starting with `#` are ignored.
    /// - Returns: false when the session should end (`:quit`).
    /// - Throws: ``OutputError`` when output cannot be written.
    public func handle(_ raw: String) throws -> Bool {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty { return true }
        if line.hasPrefix("#") && !(reader?.isInteractive ?? false) { return true }
        if line.hasPrefix(":") { return try command(line) }
        if line.hasPrefix("{") || line.hasPrefix("\""), !(reader?.isInteractive ?? false) {
            switch Self.jsonLine(line) {
            // A question on one line: a line break inside it would not survive :save.
            case .question(let q): try ask(Transcript.oneLine(q)); return true
            case .reset: context = DialogueContext(); resetsBefore.insert(turns.count); return true
            case .invalid(let why):
                try err.write("mondo: \(place)\(why); answered as plain text\n")
            }
        }
        try ask(line)
        return true
    }

    /// Where the current input line is, for warnings: `FILE:LINE: ` or `line N: `.
    var place: String { source.map { "\($0):\(lineNumber): " } ?? "line \(lineNumber): " }

    enum JSONLine { case question(String), reset, invalid(String) }

    /// A JSON Lines input record: a JSON string, or an object with `question` (or `utterance`,
    /// `text`, `q`), or `{"reset": true}` to start a new conversation.
    static func jsonLine(_ line: String) -> JSONLine {
        guard let data = line.data(using: .utf8),
              let obj = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .invalid("not valid JSON")
        }
        if let s = obj as? String { return .question(s) }
        guard let d = obj as? [String: Any] else { return .invalid("a JSON line must be a string or an object") }
        if d["reset"] as? Bool == true { return .reset }
        for k in ["question", "utterance", "text", "q"] { if let s = d[k] as? String { return .question(s) } }
        return .invalid("a JSON object needs a \"question\" string")
    }

    /// `r` without its analysis and candidates (its answer, intent, facts, reason, score and
    /// clarifying offer are kept): a turn as kept once another follows. A batch of 2,000
    /// questions at 10,000 intents kept 8 MB of analyses before.
    static func slimmed(_ r: Response) -> Response {
        var r = r
        r.explanation.candidates = []
        r.explanation.analysis.tokens = []
        r.explanation.analysis.units = []
        r.explanation.analysis.entities = []
        r.explanation.analysis.roles = []
        r.explanation.analysis.times = []
        r.explanation.analysis.corrections = []
        r.explanation.sources = []
        r.explanation.computations = []
        r.explanation.slots = [:]
        return r
    }

    /// Answers one question and prints the answer.
    public func ask(_ question: String) throws {
        if independent, !turns.isEmpty {
            context = DialogueContext()
            resetsBefore.insert(turns.count)
        }
        contextBefore = context
        // The texts of blocked candidates are built only when shown (the trace); `:why`
        // answers the question again with them (``whySubject(_:)``).
        let r = engine.respond(to: question, context: &context)
        if let last = turns.indices.last { turns[last].response = Self.slimmed(turns[last].response) }
        turns.append((question, r))
        switch format {
        case .json: try out.write(Explain.json(question: question, r, document: engine.pack.settings.document).serialized + "\n")
        case .text:
            if let terminal { try present(r, on: terminal) } else { try out.write(r.answer + "\n") }
            if trace { try out.write(Explain.text(r).split(separator: "\n").map { "  | " + $0 }.joined(separator: "\n") + "\n") }
            if reader?.isInteractive ?? false { try (screen ?? out).write("\n") }
        }
    }

    func say(_ command: String, _ text: String) throws {
        switch format {
        case .json: try out.write(JSONValue.object([("command", .string(command)), ("output", .string(text))]).serialized + "\n")
        case .text:
            // At a terminal, wrapped like answers (words whole), so `:topics` rows stay readable.
            let shown = terminal.flatMap { layout in layout.width().map { TextWrap.wrap(VisibleText.of(text), width: $0) } } ?? text
            try out.write(shown + (shown.hasSuffix("\n") ? "" : "\n"))
        }
    }

    func command(_ line: String) throws -> Bool {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first?.lowercased() ?? ""
        let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "quit", "exit", "q": return false
        case "help", "h", "?":
            var t = "Type a question about \(engine.pack.settings.name), or a command:\n"
            for c in Self.commands { t += "  :\(c.name)\(c.args.isEmpty ? "" : " " + c.args)".padding(toLength: 20, withPad: " ", startingAt: 0) + c.help + "\n" }
            t += "Follow-ups work: after a question, ask “and the other way round?”, “what about …?” or use “he”, “it”, “they”."
            try say(line, t)
        case "topics":
            try say(line, arg.isEmpty ? TopicsCommand.list(engine.pack) : TopicsCommand.show(arg, pack: engine.pack))
        case "notes":
            switch arg.lowercased() {
            case "on": notes = true; try say(line, "Notes on: a spelling correction is shown after the answer, on a terminal.")
            case "off": notes = false; try say(line, "Notes off.")
            default: try say(line, "Usage: :notes on|off (it is \(notes ? "on" : "off")).")
            }
        case "why":
            try say(line, why(arg))
        case "source":
            try say(line, sourceText())
        case "trace":
            switch arg.lowercased() {
            case "on": trace = true; try say(line, "Trace on: every answer is followed by its explanation.")
            case "off": trace = false; try say(line, "Trace off.")
            default: try say(line, "Usage: :trace on|off (it is \(trace ? "on" : "off")).")
            }
        case "context":
            if let i = context.lastIntent {
                var t = "Last answered: \(i)\n"
                if !context.slots.isEmpty { t += "Slots: " + context.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "\n" }
                if !context.entities.isEmpty { t += "Entities: " + context.entities.joined(separator: ", ") + "\n" }
                t += "Turns so far: \(context.turns)"
                try say(line, t)
            } else { try say(line, "Nothing remembered yet (\(context.turns) turn\(context.turns == 1 ? "" : "s") so far).") }
        case "reset":
            context = DialogueContext()
            resetsBefore.insert(turns.count)
            try say(line, "Conversation forgotten; the next question starts afresh.")
        case "history":
            let kept = reader?.history ?? []
            let all = kept.isEmpty ? turns.map(\.question) : kept
            let n = Int(arg) ?? 20
            let shown = all.suffix(max(0, n))
            let start = all.count - shown.count
            try say(line, shown.enumerated().map { String(format: "%5d  ", start + $0.offset + 1) + $0.element }.joined(separator: "\n"))
        case "save":
            guard !arg.isEmpty else { try say(line, "Usage: :save FILE (for example :save Transcripts/my-session.transcript)"); break }
            let asked = clarifies && turns.contains { $0.response.clarification != nil }
            let text = Transcript.render(turns, header: "Saved by mondo :save on \(ISO8601DateFormatter().string(from: Date()))",
                                         resetsBefore: resetsBefore, clarifies: asked)
            do throws(WriteFailure) {
                try SafeWrite.replaceContents(of: arg, with: text)
            } catch {
                try err.write("mondo: \(error.description)\n")
                break
            }
            try say(line, "Saved \(turns.count) exchange\(turns.count == 1 ? "" : "s") to \(arg).")
        case "reload":
            let loaded: Result<Engine, PackError>
            do { loaded = .success(try Engine(packDirectory: packDirectory)) } catch { loaded = .failure(error) }
            switch loaded {
            case .success(var fresh):
                fresh.clarifies = clarifies
                fresh.explains = trace
                engine = fresh
                try say(line, "Reloaded \(fresh.pack.intents.count) intents and \(fresh.pack.facts.count) facts from \(packDirectory).")
            case .failure(let error):
                try err.write(error.description + "\n")
                try say(line, "The pack has errors; the previous pack is still in use.")
            }
        default:
            let names = Self.commands.map(\.name) + ["exit"]
            if let near = nearest(name, in: names, limit: 3) {
                try say(line, "Unknown command ':\(name)'. Did you mean :\(near)? (:help lists them all)")
            } else {
                try say(line, "Unknown command ':\(name)'. Type :help for the list.")
            }
        }
        return true
    }
}

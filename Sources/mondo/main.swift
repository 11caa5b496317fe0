import ArgumentParser
import Foundation
import LineEditor
import MondoCore
import MondoShell
#if canImport(Glibc)
import Glibc
#endif

/// Options shared by every subcommand that needs the pack.
struct PackOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The knowledge pack directory (default: the shipped Intents/).", valueName: "DIR"), completion: .directory)
    var pack: String?

    @Flag(name: .long, help: "Compile the pack from its YAML, neither reading nor writing the compiled pack cache (MONDO_CACHE_DIR, else ~/.cache/mondo).")
    var noCache = false

    /// Resolves the pack directory or exits with the places looked in.
    func directory() throws -> String {
        if let pack { return pack }
        let env = ProcessInfo.processInfo.environment
        // A MONDO_PACK that is set must name a pack: falling back to another would answer from
        // a pack the user did not choose.
        if let p = env["MONDO_PACK"], !p.isEmpty {
            if let why = PackLocator.problem(with: p) {
                warn("MONDO_PACK is set to '\(p)', which cannot be used: \(why)")
                throw ExitCode(2)
            }
            return p
        }
        let cwd = FileManager.default.currentDirectoryPath
        let exe = PackLocator.executablePath()
        if let found = PackLocator.find(environment: env, currentDirectory: cwd, executable: exe) { return found }
        let looked = PackLocator.candidates(environment: env, currentDirectory: cwd, executable: exe)
        FileHandle.standardError.write(Data(("mondo: cannot find the knowledge pack (a directory with pack.yaml). Looked in:\n"
            + looked.map { "  \($0)\n" }.joined() + "Use --pack DIR or set MONDO_PACK.\n").utf8))
        throw ExitCode(2)
    }

    /// Loads the engine, printing every pack error (compiler style) and exiting 2 on failure.
    func engine() throws -> (Engine, String) {
        let dir = try directory()
        do {
            let clock = ContinuousClock()
            let t0 = clock.now
            let env = ProcessInfo.processInfo.environment
            if !noCache, let cacheDirectory = CompiledPackCache.defaultDirectory(environment: env) {
                let (engine, outcome) = try CompiledPackCache(directory: cacheDirectory).engine(packDirectory: dir)
                if env["MONDO_TIMING"] != nil { warn("pack \(outcome) in \(clock.now - t0)") }
                return (engine, dir)
            }
            let pack = try Pack.load(from: dir)
            let t1 = clock.now
            let engine = Engine(pack: pack)
            let t2 = clock.now
            if env["MONDO_TIMING"] != nil { warn("pack loaded in \(t1 - t0), compiled in \(t2 - t1)") }
            return (engine, dir)
        } catch {
            FileHandle.standardError.write(Data((VisibleText.of(error.description) + "\n").utf8))
            throw ExitCode(2)
        }
    }
}

func warn(_ text: String) { FileHandle.standardError.write(Data("mondo: \(VisibleText.of(text))\n".utf8)) }

/// Standard output, with control characters from packs, transcripts and questions made visible.
func standardOutput() -> OutputSink { VisibleControls(FileOutput(fd: 1)) }
/// Standard error, likewise.
func standardError() -> OutputSink { VisibleControls(FileOutput(fd: 2)) }

@main
struct Mondo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mondo",
        abstract: "Questions and answers about a document, from a rule-based knowledge pack.",
        discussion: "With no subcommand: a line-editing REPL when run at a terminal, or one answer per input line when input is a pipe or file.",
        subcommands: [Ask.self, Test.self, Lint.self, Coverage.self, Robustness.self, New.self],
        defaultSubcommand: Ask.self)
}

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer questions: REPL at a terminal, batch from a pipe, -c or -f.")

    @OptionGroup var packOptions: PackOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Answer QUESTION and exit (repeatable; one conversation unless --independent).", valueName: "QUESTION"))
    var questions: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Read questions from FILE, one per line, plain text or JSON Lines ('-' for stdin).", valueName: "FILE"), completion: .file())
    var files: [String] = []

    @Option(help: ArgumentHelp("Output format: text, or json (one object per question per line).", valueName: "FORMAT"), completion: .list(["text", "json"]))
    var format: String = "text"

    @Flag(help: "Do not read or write the history file.")
    var noHistory = false

    @Flag(help: "Answer each question (each input line, each -c) as a new conversation: no follow-ups.")
    var independent = false

    @Option(help: ArgumentHelp("Colour secondary text (suggestions, notes): auto (at a terminal, unless NO_COLOR is set), always or never.", valueName: "WHEN"), completion: .list(ColorMode.allCases.map(\.rawValue)))
    var color: String = "auto"

    @Flag(help: "At a terminal, do not note spelling corrections after answers (read “mnay” as “many”).")
    var noNotes = false

    mutating func run() throws {
        signal(SIGPIPE, SIG_IGN)
        guard let fmt = OutputFormat(rawValue: format) else {
            throw ValidationError("--format must be text or json, not '\(format)'")
        }
        guard let colorMode = ColorMode(rawValue: color) else {
            throw ValidationError("--color must be auto, always or never, not '\(color)'")
        }
        let (engine, dir) = try packOptions.engine()
        let shell = Shell(engine: engine, packDirectory: dir, format: fmt, out: standardOutput(), err: standardError())
        // Kept to the end of the process, whose exit frees its memory at once: tearing the
        // engine's tables down object by object took 14 million instructions (about 3 ms).
        _ = Unmanaged.passRetained(shell)
        shell.independent = independent
        // Batch runs never wait for a reply to "Do you mean …?"; MONDO_CLARIFY=1 asks anyway (to
        // measure how often a batch of questions would be asked back).
        let clarifyAnyway = ProcessInfo.processInfo.environment["MONDO_CLARIFY"] == "1"
        shell.clarifies = clarifyAnyway
        shell.notes = !noNotes
        // Answers are laid out for a terminal only when standard output is one (or colour is
        // asked for regardless): pipes and files get them exactly as the engine gives them.
        let isTerminal = isatty(1) == 1
        let colored = colorMode.enabled(isTerminal: isTerminal, environment: ProcessInfo.processInfo.environment)
        if fmt == .text, isTerminal || colored {
            shell.terminal = TerminalLayout(width: { isTerminal ? terminalWidth() : nil }, color: colored)
        }
        if !questions.isEmpty || !files.isEmpty {
            do {
                for q in questions { if try !shell.handle(q) { return } }
            } catch { throw ExitCode(OutputError.report(error, to: FileOutput(fd: 2))) }
            for f in files {
                let fd = try openInput(f)
                let name = f == "-" ? "<stdin>" : f
                let reader = StreamLineReader(fileDescriptor: fd, closeWhenDone: f != "-", warning: { w in
                    if case .invalidUTF8(let line) = w { warn("\(name):\(line): invalid UTF-8 replaced") } else { warn("\(name): \(w.description)") }
                })
                let status = shell.run(reader: reader, source: name)
                if status != 0 { throw ExitCode(status) }
            }
            return
        }
        let history = noHistory ? nil : HistoryFile.defaultPath()
        let reader = LineReaders.make(historyPath: history, completion: { [unowned shell] line, cursor in
            shell.completer.complete(line: line, cursor: cursor)
        }, warning: { warn($0.description) })
        // The banner belongs with the prompt on the terminal: on standard error when standard
        // output is redirected (`mondo | tee log` logs answers only).
        if isatty(1) != 1 { shell.screen = standardError() }
        shell.clarifies = reader.isInteractive || clarifyAnyway
        let status = shell.run(reader: reader)
        (reader as? EditLineReader)?.close()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The width of the terminal on standard output, in columns (`TIOCGWINSZ`), else `$COLUMNS`;
/// nil when neither gives one.
@Sendable func terminalWidth() -> Int? {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), c > 0 { return c }
    return nil
}

/// A progress line on standard error when it is a terminal; nil (no progress) otherwise.
func progressLine() -> ProgressLine? { isatty(2) == 1 ? ProgressLine(sink: FileOutput(fd: 2)) : nil }

/// Opens a `-f` file for reading (`-` is standard input), or prints `mondo: cannot read 'FILE':
/// REASON` and exits 2 (a missing or unreadable file, or a directory).
func openInput(_ f: String) throws -> Int32 {
    if f == "-" { return 0 }
    let fd = open(f, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        warn("cannot read '\(f)': \(SourceFile.reason(errno))")
        throw ExitCode(2)
    }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        warn("cannot read '\(f)': \(SourceFile.reason(EISDIR))")
        throw ExitCode(2)
    }
    return fd
}

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay transcripts and report differences.")

    @OptionGroup var packOptions: PackOptions

    @Argument(help: ArgumentHelp("Transcript files or directories (default: Transcripts/ in the pack, else beside it).", valueName: "PATH"), completion: .file(extensions: ["transcript"]))
    var paths: [String] = []

    @Flag(help: "Rewrite expected answers in place from the actual ones.")
    var update = false

    mutating func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let (engine, dir) = try packOptions.engine()
        let roots = paths.isEmpty ? [Authoring.defaultTranscripts(packDirectory: dir)] : paths
        let result = TranscriptCommand.run(paths: roots, engine: engine, update: update, out: standardOutput(), err: standardError(),
                                           progress: progressLine())
        if result != 0 { throw ExitCode(result) }
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a pack: every error and warning, compiler style, without starting a session.",
        discussion: "Exit status: 0 when there are no errors (warnings allowed), 1 on errors, 2 when the pack cannot be found.")

    @OptionGroup var packOptions: PackOptions

    @Option(help: ArgumentHelp("Transcript files or folders for the untested-intent check (default: Transcripts/ in the pack, else beside it).", valueName: "PATH"), completion: .file(extensions: ["transcript"]))
    var transcripts: [String] = []

    mutating func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let dir = try packOptions.directory()
        let status = MondoShell.Lint.run(packDirectory: dir, transcripts: transcripts.isEmpty ? nil : transcripts, out: standardOutput())
        if status != 0 { throw ExitCode(status) }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a pack from a document: pack.yaml linking it, topic files with draft facts and an example intent each, a first transcript.",
        discussion: "DIR must be new or empty. Exit status: 0 when written, 1 otherwise (the reason on standard error).")

    @Argument(help: ArgumentHelp("The new pack's folder.", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("The document: plain text, paragraphs separated by blank lines.", valueName: "DOCUMENT"))
    var from: String

    @Option(help: ArgumentHelp("A regular expression matching the paragraph that starts each numbered section (e.g. '\\?$' for an interview's questions).", valueName: "REGEX"))
    var sections: String?

    @Option(help: ArgumentHelp("With --sections: the letters that name a section in a locator (Q for Q3 ¶4).", valueName: "LABEL"))
    var label: String?

    mutating func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let status = Scaffold.run(directory: directory, document: from, sections: sections, label: label,
                                  out: standardOutput(), err: standardError())
        if status != 0 { throw ExitCode(status) }
    }
}

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which intents, facts and concepts the transcripts exercise, and which they do not.")

    @OptionGroup var packOptions: PackOptions

    @Argument(help: ArgumentHelp("Transcript files or directories (default: Transcripts/ in the pack, else beside it).", valueName: "PATH"), completion: .file(extensions: ["transcript"]))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: text (a table) or json.", valueName: "FORMAT"), completion: .list(["text", "json"]))
    var format: String = "text"

    mutating func run() throws {
        signal(SIGPIPE, SIG_IGN)
        guard let fmt = OutputFormat(rawValue: format) else { throw ValidationError("--format must be text or json, not '\(format)'") }
        let (engine, dir) = try packOptions.engine()
        let roots = paths.isEmpty ? [Authoring.defaultTranscripts(packDirectory: dir)] : paths
        let status = MondoShell.CoverageReport.run(paths: roots, engine: engine, format: fmt, out: standardOutput(), err: standardError(),
                                                   progress: progressLine())
        if status != 0 { throw ExitCode(status) }
    }
}

struct Robustness: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask seeded variants of every answered transcript question (typos, diacritics, case and punctuation, filler, synonyms) and report which still reach the same intent.")

    @OptionGroup var packOptions: PackOptions

    @Argument(help: ArgumentHelp("Transcript files or directories (default: Transcripts/ in the pack, else beside it).", valueName: "PATH"), completion: .file(extensions: ["transcript"]))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Seed for the variants (the same seed gives the same variants).", valueName: "N"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "FORMAT"), completion: .list(["text", "json"]))
    var format: String = "text"

    @Option(help: ArgumentHelp("Exit 1 when the overall score is below PERCENT.", valueName: "PERCENT"))
    var min: Double?

    @Flag(help: "List every intent, not only those with flips.")
    var all = false

    mutating func run() throws {
        signal(SIGPIPE, SIG_IGN)
        guard let fmt = OutputFormat(rawValue: format) else { throw ValidationError("--format must be text or json, not '\(format)'") }
        let (engine, dir) = try packOptions.engine()
        let roots = paths.isEmpty ? [Authoring.defaultTranscripts(packDirectory: dir)] : paths
        let status = MondoShell.RobustnessReport.run(paths: roots, engine: engine, seed: seed, format: fmt, listAll: all,
                                                     minimum: min, out: standardOutput(), err: standardError(), progress: progressLine())
        if status != 0 { throw ExitCode(status) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import CEditShim

/// Why an ``EditLineReader`` could not be created.
public enum EditLineReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `el_init` or `history_init` returned NULL.
    case initialisationFailed

    /// A one-line message for a person.
    public var description: String {
        switch self {
        case .initialisationFailed: return "cannot initialise libedit"
        }
    }
}

/// What libedit's C callbacks (the prompt, the Tab command) need, kept where they can reach it:
/// the editor's client data points at this box (no globals, as Swift 6 requires).
private final class ReaderState {
    var prompt: UnsafeMutablePointer<CChar>
    let completion: CompletionProvider?
    let outputFD: Int32

    init(completion: CompletionProvider?, outputFD: Int32) {
        prompt = strdup("")!
        self.completion = completion
        self.outputFD = outputFD
    }

    func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)!
    }

    deinit { free(prompt) }

    /// Tab: asks the provider, then inserts the sole candidate, or the candidates' common
    /// prefix and a list of them below the line. Returns a `CC_*` code for libedit.
    func complete(_ el: OpaquePointer) -> UInt8 {
        guard let completion, let info = el_line(el)?.pointee,
              let buffer = info.buffer, let cursor = info.cursor, let last = info.lastchar
        else { return UInt8(CC_ERROR) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                        count: last - buffer)
        let before = String(decoding: bytes[..<(cursor - buffer)], as: UTF8.self)
        let result = completion(String(decoding: bytes, as: UTF8.self), before.count)
        let typed = String(before.suffix(min(max(0, result.replacing), before.count)))
        switch CompletionAction.decide(typed: typed, candidates: result.candidates) {
        case .none:
            return UInt8(CC_ERROR)
        case .insert(let text):
            replace(el, typed: typed, with: text)
            return UInt8(CC_REFRESH)
        case .list(let prefix, let candidates):
            if let prefix { replace(el, typed: typed, with: prefix) }
            let text = "\r\n" + CompletionAction.columns(candidates, width: Self.columns(outputFD))
            _ = text.utf8CString.withUnsafeBufferPointer { write(outputFD, $0.baseAddress, $0.count - 1) }
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ el: OpaquePointer, typed: String, with text: String) {
        if !typed.isEmpty { el_deletestr(el, Int32(typed.unicodeScalars.count)) }
        _ = el_insertstr(el, text)
    }

    private static func columns(_ fd: Int32) -> Int {
        var size = winsize()
        return ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}

/// libedit command `mondo-ignore`: does nothing (keys that should not insert text).
private let ignoreCommand: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { _, _ in UInt8(CC_NORM) }

/// libedit command `mondo-complete`, bound to Tab when a completion provider is given.
private let completeCommand: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el, let box = es_get_clientdata(el) else { return UInt8(CC_ERROR) }
    return Unmanaged<ReaderState>.fromOpaque(box).takeUnretainedValue().complete(el)
}

/// A ``LineReader`` for a person at a terminal, built on libedit (`el_gets`, narrow
/// characters, in a UTF-8 locale).
///
/// - Emacs key bindings; Up/Down walk the history (including earlier sessions' lines loaded
///   from the ``HistoryFile``); Ctrl-R searches it backwards (`em-inc-search-prev`).
/// - Ctrl-C abandons the line being edited: ``readLine(prompt:)`` writes a newline and returns
///   ``LineReadResult/interrupted``. The reader installs its own SIGINT handler (without
///   `SA_RESTART`) for its lifetime and puts the previous one back in ``close()``.
/// - Ctrl-\\ (SIGQUIT) is ignored for the reader's lifetime, as in bash: no crash report, and
///   the line being edited is kept. The previous action is put back in ``close()``.
/// - libedit's signal handling is on: the terminal is restored around Ctrl-Z. After a window
///   resize the prompt and line are redrawn in place for the new width (the reader's own
///   character reader, `es_read_char`, sees the SIGWINCH). Note that libedit re-sends a caught
///   signal to the whole process group.
/// - Keys that terminals send as escape sequences are bound (``KeyBindings``): Ctrl/Alt-Left
///   and Right move by words, Home/End, Delete, Ctrl-Delete deletes the next word; Insert,
///   PgUp/PgDn, F-keys, Shift-arrows and bracketed-paste markers do nothing instead of
///   inserting stray text.
/// - Tab completes through the `completion` provider, if one is given: a sole candidate is
///   inserted (with a space after it); several are listed below the line, readline style,
///   after inserting their common prefix.
/// - The prompt may contain invisible sequences (colour) between `\u{1}` characters: they are
///   not counted when libedit computes the cursor position.
/// - Sets `LC_CTYPE` from the environment, falling back to `C.UTF-8` when that code set is not
///   UTF-8 (without a UTF-8 locale libedit silently drops non-ASCII input). Other locale
///   categories are left alone.
///
/// Not thread-safe: use one reader from one thread. Call ``close()`` (or let it deinitialise)
/// before the process exits so that the terminal is restored.
public final class EditLineReader: LineReader {
    /// Where the editor reads keys and writes the prompt and the line being edited.
    public enum Terminal: Sendable, Equatable {
        /// Standard input, echoing on standard output (`outputToStandardError == false`) or on
        /// standard error (for when standard output is redirected to a file or a pipe).
        case standardStreams(outputToStandardError: Bool)
        /// Two descriptors on a terminal, such as the slave side of a pseudo-terminal. They
        /// are duplicated, so the caller keeps ownership of the originals.
        case fileDescriptors(input: Int32, output: Int32)
    }

    /// Always `true`.
    public var isInteractive: Bool { true }
    /// The session's history, oldest first: earlier sessions' entries, then the lines recorded
    /// with ``addHistory(_:)``.
    public var history: [String] { sessionHistory.entries }
    /// The history file in use, or `nil` (none given, or it became unusable).
    public var historyFile: HistoryFile? { sessionHistory.file }

    private var editLine: OpaquePointer?
    private var editHistory: OpaquePointer?
    private var streams: (UnsafeMutablePointer<FILE>?, UnsafeMutablePointer<FILE>?) = (nil, nil)
    private let outputFD: Int32
    private let state: ReaderState
    private let sessionHistory: SessionHistory
    private var previousSigint = sigaction()
    private var previousSigquit = sigaction()
    private var previousSigwinch = sigaction()
    private var installedSigint = false
    private var installedQuietSignals = false

    /// Starts libedit on a terminal and loads the history.
    /// - Parameters:
    ///   - terminal: where to read and echo (default: standard input and output).
    ///   - programName: the name libedit uses to select lines in `~/.editrc` (default `mondo`).
    ///   - historyFile: the persistent history to load and append to, or `nil` for none.
    ///   - readEditrc: whether to apply the user's `~/.editrc` (or `$EDITRC`); default `true`.
    ///   - handleInterrupts: whether to install the SIGINT handler that turns Ctrl-C into
    ///     ``LineReadResult/interrupted``, ignore SIGQUIT and watch SIGWINCH, for the reader's
    ///     lifetime (default `true`).
    ///   - completion: computes Tab completions; `nil` leaves Tab unbound (it rings the bell).
    ///   - warning: receives reports about the history file (moved aside, unusable).
    /// - Throws: ``EditLineReaderError/initialisationFailed`` when libedit cannot start.
    public init(
        terminal: Terminal = .standardStreams(outputToStandardError: false),
        programName: String = "mondo",
        historyFile: HistoryFile? = nil,
        readEditrc: Bool = true,
        handleInterrupts: Bool = true,
        completion: CompletionProvider? = nil,
        warning: @escaping (LineEditorWarning) -> Void = { _ in }
    ) throws {
        Self.ensureUTF8CharacterType()
        sessionHistory = SessionHistory(file: historyFile, warning: warning)

        switch terminal {
        case .standardStreams(let toStderr):
            editLine = es_init_stdio(programName, toStderr ? 1 : 0)
            outputFD = toStderr ? 2 : 1
        case .fileDescriptors(let input, let output):
            var fin: UnsafeMutablePointer<FILE>?
            var fout: UnsafeMutablePointer<FILE>?
            editLine = es_init_fds(programName, input, output, &fin, &fout)
            streams = (fin, fout)
            outputFD = output
        }
        state = ReaderState(completion: completion, outputFD: outputFD)
        editHistory = history_init()
        guard let el = editLine, let hist = editHistory else {
            close()
            throw EditLineReaderError.initialisationFailed
        }

        _ = es_hist_setsize(hist, Int32(clamping: sessionHistory.capacity))
        _ = es_hist_setunique(hist, 1)
        for entry in sessionHistory.entries { _ = es_hist_enter(hist, entry) }

        _ = es_set_editor(el, "emacs")
        _ = es_set_signal(el, 1)
        _ = es_set_hist(el, hist)
        _ = es_set_clientdata(el, Unmanaged.passUnretained(state).toOpaque())
        _ = es_set_prompt_esc(el, { el in
            guard let el, let box = es_get_clientdata(el) else { return nil }
            return Unmanaged<ReaderState>.fromOpaque(box).takeUnretainedValue().prompt
        }, 1)
        _ = es_use_shim_reader(el)
        _ = es_bind(el, "^R", "em-inc-search-prev")
        _ = es_add_fn(el, KeyBindings.ignore, "Do nothing", ignoreCommand)
        for (sequence, command) in KeyBindings.all { _ = es_bind(el, sequence, command) }
        if completion != nil {
            _ = es_add_fn(el, "mondo-complete", "Complete the word before the cursor", completeCommand)
            _ = es_bind(el, "^I", "mondo-complete")
        }
        if readEditrc { _ = el_source(el, nil) }

        if handleInterrupts {
            installedSigint = es_install_sigint(&previousSigint) == 0
            installedQuietSignals = es_install_quiet_signals(&previousSigquit, &previousSigwinch) == 0
        }
    }

    deinit {
        close()
    }

    /// Shows `prompt` and lets the person edit a line.
    /// - Parameter prompt: the prompt; invisible sequences go between `\u{1}` characters.
    /// - Returns: ``LineReadResult/line(_:)`` without the line end;
    ///   ``LineReadResult/interrupted`` after Ctrl-C (a newline has been written so the next
    ///   prompt starts on a fresh line); ``LineReadResult/endOfInput`` after Ctrl-D on an empty
    ///   line or on a read error (a newline has been written here too), or once ``close()`` has
    ///   been called.
    public func readLine(prompt text: String) -> LineReadResult {
        guard let el = editLine else { return .endOfInput }
        state.setPrompt(text)
        es_set_prompt_width(Int32(clamping: Self.visibleWidth(text)))
        _ = es_take_sigint()
        while true {
            var count: Int32 = 0
            let raw = el_gets(el, &count)
            let readErrno = errno
            let interrupts = es_take_sigint()
            if let raw, count > 0 {
                var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self),
                                                      count: Int(count)))
                if bytes.last == 0x0A { bytes.removeLast() }
                if bytes.last == 0x0D { bytes.removeLast() }
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            if interrupts > 0 {
                writeNewline()
                return .interrupted
            }
            if count < 0 && readErrno == EINTR { continue }  // another signal; keep editing
            writeNewline()
            return .endOfInput
        }
    }

    /// Records `line` in the session history (for Up arrow and Ctrl-R) and appends it to the
    /// history file at once, unless it is blank, begins with a space, or repeats the previous
    /// entry. File problems are reported once through the `warning` callback.
    public func addHistory(_ line: String) {
        guard sessionHistory.add(line), let hist = editHistory else { return }
        _ = es_hist_enter(hist, line)
    }

    /// Ends libedit (restoring the terminal), frees the history and puts back the SIGINT,
    /// SIGQUIT and SIGWINCH actions that were there before. Safe to call more than once; later reads return
    /// ``LineReadResult/endOfInput``.
    public func close() {
        if let el = editLine {
            el_end(el)
            editLine = nil
        }
        if let hist = editHistory {
            history_end(hist)
            editHistory = nil
        }
        if let fin = streams.0 { fclose(fin) }
        if let fout = streams.1 { fclose(fout) }
        streams = (nil, nil)
        if installedSigint {
            _ = es_restore_sigint(&previousSigint)
            installedSigint = false
        }
        if installedQuietSignals {
            _ = es_restore_quiet_signals(&previousSigquit, &previousSigwinch)
            installedQuietSignals = false
        }
    }

    /// The prompt's width on screen: characters outside the `\u{1}`-delimited invisible parts.
    static func visibleWidth(_ prompt: String) -> Int {
        var visible = true
        var width = 0
        for ch in prompt {
            if ch == "\u{1}" { visible.toggle() } else if visible { width += 1 }
        }
        return width
    }

    private func writeNewline() {
        var newline: UInt8 = 0x0A
        _ = write(outputFD, &newline, 1)
    }

    /// Makes `LC_CTYPE` a UTF-8 locale: the environment's if it is UTF-8, else `C.UTF-8`.
    private static func ensureUTF8CharacterType() {
        _ = setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset).uppercased().filter({ $0 != "-" }) == "UTF8" {
            return
        }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

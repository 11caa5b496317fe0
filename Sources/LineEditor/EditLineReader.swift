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

/// The prompt text, kept where libedit's C prompt callback can reach it: the editor's client
/// data points at this box (no globals, as Swift 6 requires).
private final class PromptBox {
    var cString: UnsafeMutablePointer<CChar>

    init() { cString = strdup("")! }

    func set(_ prompt: String) {
        free(cString)
        cString = strdup(prompt)!
    }

    deinit { free(cString) }
}

/// A ``LineReader`` for a person at a terminal, built on libedit (`el_gets`, narrow
/// characters, in a UTF-8 locale).
///
/// - Emacs key bindings; Up/Down walk the history (including earlier sessions' lines loaded
///   from the ``HistoryFile``); Ctrl-R searches it backwards (`em-inc-search-prev`).
/// - Ctrl-C abandons the line being edited: ``readLine(prompt:)`` writes a newline and returns
///   ``LineReadResult/interrupted``. The reader installs its own SIGINT handler (without
///   `SA_RESTART`) for its lifetime and puts the previous one back in ``close()``.
/// - libedit's signal handling is on: the terminal is restored and redrawn around Ctrl-Z and
///   window resizes. Note that libedit re-sends a caught signal to the whole process group.
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
    private let prompt = PromptBox()
    private let sessionHistory: SessionHistory
    private var previousSigint = sigaction()
    private var installedSigint = false

    /// Starts libedit on a terminal and loads the history.
    /// - Parameters:
    ///   - terminal: where to read and echo (default: standard input and output).
    ///   - programName: the name libedit uses to select lines in `~/.editrc` (default `mondo`).
    ///   - historyFile: the persistent history to load and append to, or `nil` for none.
    ///   - readEditrc: whether to apply the user's `~/.editrc` (or `$EDITRC`); default `true`.
    ///   - handleInterrupts: whether to install the SIGINT handler that turns Ctrl-C into
    ///     ``LineReadResult/interrupted`` (default `true`).
    ///   - warning: receives reports about the history file (moved aside, unusable).
    /// - Throws: ``EditLineReaderError/initialisationFailed`` when libedit cannot start.
    public init(
        terminal: Terminal = .standardStreams(outputToStandardError: false),
        programName: String = "mondo",
        historyFile: HistoryFile? = nil,
        readEditrc: Bool = true,
        handleInterrupts: Bool = true,
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
        _ = es_set_clientdata(el, Unmanaged.passUnretained(prompt).toOpaque())
        _ = es_set_prompt_esc(el, { el in
            guard let el, let box = es_get_clientdata(el) else { return nil }
            return Unmanaged<PromptBox>.fromOpaque(box).takeUnretainedValue().cString
        }, 1)
        _ = es_bind(el, "^R", "em-inc-search-prev")
        if readEditrc { _ = el_source(el, nil) }

        if handleInterrupts {
            installedSigint = es_install_sigint(&previousSigint) == 0
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
        prompt.set(text)
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

    /// Ends libedit (restoring the terminal), frees the history and puts back the SIGINT
    /// handler that was there before. Safe to call more than once; later reads return
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

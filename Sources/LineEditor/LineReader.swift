/// The outcome of asking a ``LineReader`` for one line.
public enum LineReadResult: Sendable, Equatable {
    /// A complete line, without its line terminator. Invalid UTF-8 has been replaced by U+FFFD.
    case line(String)
    /// The user pressed Ctrl-C: the partial line was abandoned and the session goes on.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of a pipe or file).
    case endOfInput
    /// A line longer than the reader's limit was skipped without being kept in memory; the
    /// next call reads the line after it. Only ``StreamLineReader`` returns this.
    /// - `byteCount`: the line's length in bytes, without its LF or CRLF terminator.
    /// - `limit`: the largest number of bytes the reader accepts in one line.
    ///
    /// A shell reports it as, for example, `line 7 is too long (1048576 bytes; the limit is 16384)`.
    case tooLong(byteCount: Int, limit: Int)
}

/// Something a line reader or the history file noticed that a person should be told about,
/// but that does not stop the session. Readers hand these to the `warning` callback given at
/// initialisation; ``description`` is a ready-to-print message (without a `warning:` prefix).
public enum LineEditorWarning: Sendable, Equatable, CustomStringConvertible {
    /// Input line `line` (1-based) was not valid UTF-8; the bad bytes became U+FFFD.
    case invalidUTF8(line: Int)
    /// The history file at `path` was not in libedit's format (`reason` says why), so it was
    /// moved to `movedTo` untouched and history starts empty.
    case historyFileMovedAside(path: String, movedTo: String, reason: String)
    /// The history file at `path` could not be read or written (`message` gives the system
    /// error). History goes on in memory only for the rest of the session.
    case historyFileUnusable(path: String, message: String)

    /// A one-line message for a person, e.g. `line 3: invalid UTF-8 replaced`.
    public var description: String {
        switch self {
        case .invalidUTF8(let line):
            return "line \(line): invalid UTF-8 replaced"
        case .historyFileMovedAside(let path, let movedTo, let reason):
            return "history file \(path) \(reason); moved it to \(movedTo) and started a new history"
        case .historyFileUnusable(let path, let message):
            return "history file \(path): \(message); history is kept for this session only"
        }
    }
}

/// The three-call seam between the shell and whatever reads lines: read a line with a prompt,
/// remember a line in history, list the history. Implementations: ``EditLineReader`` (libedit,
/// for terminals) and ``StreamLineReader`` (pipes, files and tests).
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` first when the reader is interactive.
    /// - Returns: the line, ``LineReadResult/interrupted`` after Ctrl-C, or
    ///   ``LineReadResult/endOfInput`` at the end of input.
    func readLine(prompt: String) -> LineReadResult
    /// Records an accepted line in the session history (and in the history file, if any).
    /// Blank lines and lines that begin with a space are not recorded.
    func addHistory(_ line: String)
    /// The history known to this reader, oldest first, as decoded text.
    var history: [String] { get }
    /// Whether this reader talks to a person at a terminal (prompts, banner, colour).
    var isInteractive: Bool { get }
}

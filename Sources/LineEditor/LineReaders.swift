#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses the right ``LineReader`` for how the program was started.
public enum LineReaders {
    /// Makes a reader by looking at whether standard input and output are terminals
    /// (`isatty`, not libedit's own edit-mode flag, which is on for pipes too):
    /// - both terminals: an ``EditLineReader`` echoing on standard output;
    /// - standard input a terminal, standard output redirected: an ``EditLineReader`` echoing
    ///   on standard error, so the answers alone go to the file or pipe;
    /// - standard input not a terminal: a ``StreamLineReader`` on descriptor 0, with no prompt
    ///   and no history file (scripts do not write history).
    ///
    /// If libedit cannot start, the stream reader is used instead.
    /// - Parameters:
    ///   - historyPath: the history file for interactive use, or `nil` for none; pass
    ///     ``HistoryFile/defaultPath(environment:)`` for the usual location.
    ///   - maxHistoryEntries: entries kept in the history file (default 1000).
    ///   - maxLineBytes: the stream reader's line limit (default 16 KiB).
    ///   - completion: Tab completion for the ``EditLineReader`` (`nil`: none).
    ///   - warning: receives warnings (invalid UTF-8 in piped input, a history file moved
    ///     aside or unusable), e.g. to print them on standard error.
    /// - Returns: the reader; call ``EditLineReader/close()`` on an ``EditLineReader`` before
    ///   exiting (or drop the last reference).
    public static func make(
        historyPath: String?,
        maxHistoryEntries: Int = HistoryFile.defaultMaxEntries,
        maxLineBytes: Int = StreamLineReader.defaultMaxLineBytes,
        completion: CompletionProvider? = nil,
        warning: @escaping (LineEditorWarning) -> Void = { _ in }
    ) -> any LineReader {
        if isatty(0) == 1 {
            let file = historyPath.map { HistoryFile(path: $0, maxEntries: maxHistoryEntries) }
            let toStderr = isatty(1) != 1
            if let reader = try? EditLineReader(
                terminal: .standardStreams(outputToStandardError: toStderr),
                historyFile: file,
                completion: completion,
                warning: warning
            ) {
                return reader
            }
        }
        return StreamLineReader(fileDescriptor: 0, maxLineBytes: maxLineBytes, warning: warning)
    }
}

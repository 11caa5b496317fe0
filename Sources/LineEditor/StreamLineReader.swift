#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-interactive ``LineReader`` for pipes, files and tests: no prompt, no line editing,
/// history kept in memory only.
///
/// It reads bytes itself (not with Swift's `readLine`) so that it can:
/// - accept LF and CRLF line ends and a last line without a line end (a CR just before the
///   LF, or at the very end of the input, is dropped);
/// - drop a UTF-8 byte-order mark at the very start of the input;
/// - decode invalid UTF-8 with U+FFFD and report ``LineEditorWarning/invalidUTF8(line:)``;
/// - keep NUL bytes (they arrive as U+0000 in the line);
/// - skip lines longer than ``maxLineBytes`` without holding them in memory, returning
///   ``LineReadResult/tooLong(byteCount:limit:)`` and going on with the next line.
///
/// Memory use is bounded by one read chunk plus ``maxLineBytes``, whatever the input.
public final class StreamLineReader: LineReader {
    /// Where the bytes come from.
    private enum Source {
        case fileDescriptor(Int32, closeWhenDone: Bool)
        case bytes([UInt8], position: Int)
    }

    /// The default for ``maxLineBytes``: 16 KiB.
    public static let defaultMaxLineBytes = 16 * 1024

    /// The longest line, in bytes without its terminator, that is returned as text.
    public let maxLineBytes: Int
    /// The 1-based number of the line returned by the last ``readLine(prompt:)``, counting
    /// skipped too-long lines; 0 before the first line.
    public private(set) var lineNumber = 0
    /// Always `false`: a stream reader never prompts.
    public var isInteractive: Bool { false }
    /// The lines given to ``addHistory(_:)`` that were recorded, oldest first.
    public private(set) var history: [String] = []

    private var source: Source
    private let chunkSize: Int
    private let warning: (LineEditorWarning) -> Void
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false

    /// Creates a reader on an open file descriptor, such as 0 for standard input.
    /// - Parameters:
    ///   - fileDescriptor: the descriptor to read; it is read with `read(2)` until it reports 0.
    ///   - closeWhenDone: whether to close the descriptor at end of input or when the reader is
    ///     deinitialised (default `false`: standard input stays open).
    ///   - maxLineBytes: longest accepted line in bytes (default 16 KiB); must be positive.
    ///   - chunkSize: bytes asked of each `read(2)` (default 64 KiB); mainly for tests.
    ///   - warning: called with ``LineEditorWarning/invalidUTF8(line:)`` for each line that was
    ///     not valid UTF-8.
    public init(
        fileDescriptor: Int32,
        closeWhenDone: Bool = false,
        maxLineBytes: Int = StreamLineReader.defaultMaxLineBytes,
        chunkSize: Int = 64 * 1024,
        warning: @escaping (LineEditorWarning) -> Void = { _ in }
    ) {
        precondition(maxLineBytes > 0 && chunkSize > 0)
        self.source = .fileDescriptor(fileDescriptor, closeWhenDone: closeWhenDone)
        self.maxLineBytes = maxLineBytes
        self.chunkSize = chunkSize
        self.warning = warning
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Creates a reader over bytes in memory (for tests and scripted input). The bytes are
    /// handed out in chunks of `chunkSize`, exactly as a file descriptor would deliver them.
    /// - Parameters:
    ///   - bytes: the whole input.
    ///   - maxLineBytes: longest accepted line in bytes (default 16 KiB); must be positive.
    ///   - chunkSize: bytes handed out per internal read (default 64 KiB).
    ///   - warning: called with ``LineEditorWarning/invalidUTF8(line:)`` for each line that was
    ///     not valid UTF-8.
    public init(
        bytes: [UInt8],
        maxLineBytes: Int = StreamLineReader.defaultMaxLineBytes,
        chunkSize: Int = 64 * 1024,
        warning: @escaping (LineEditorWarning) -> Void = { _ in }
    ) {
        precondition(maxLineBytes > 0 && chunkSize > 0)
        self.source = .bytes(bytes, position: 0)
        self.maxLineBytes = maxLineBytes
        self.chunkSize = chunkSize
        self.warning = warning
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Creates a reader over the UTF-8 encoding of `text` (for tests and scripted input).
    /// - Parameters:
    ///   - text: the whole input.
    ///   - maxLineBytes: longest accepted line in bytes (default 16 KiB).
    public convenience init(text: String, maxLineBytes: Int = StreamLineReader.defaultMaxLineBytes) {
        self.init(bytes: Array(text.utf8), maxLineBytes: maxLineBytes)
    }

    deinit {
        closeSource()
    }

    /// Reads the next line. `prompt` is ignored (a stream reader never prompts).
    /// - Returns: ``LineReadResult/line(_:)`` without its LF or CRLF;
    ///   ``LineReadResult/tooLong(byteCount:limit:)`` for a line over ``maxLineBytes`` (which
    ///   is skipped); ``LineReadResult/endOfInput`` when no bytes are left. A read error other
    ///   than `EINTR` counts as end of input. Never returns ``LineReadResult/interrupted``.
    public func readLine(prompt: String) -> LineReadResult {
        var line: [UInt8] = []
        var consumedAny = false
        var sawNewline = false
        // Accumulate up to maxLineBytes + 1 so that a CR before the LF does not count.
        let keepLimit = maxLineBytes + 1
        var discarding = false
        var discardedCount = 0
        var lastByte: UInt8 = 0

        while true {
            if start == end {
                if atEOF || !fill() { break }
            }
            consumedAny = true
            let newlineIndex: Int? = buffer.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress,
                      let hit = memchr(base + start, 0x0A, end - start) else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            let pieceEnd = newlineIndex ?? end
            let count = pieceEnd - start
            if count > 0 {
                lastByte = buffer[pieceEnd - 1]
                if discarding {
                    discardedCount += count
                } else if line.count + count > keepLimit {
                    discarding = true
                    discardedCount = line.count + count
                    line = []
                } else {
                    line.append(contentsOf: buffer[start..<pieceEnd])
                }
            }
            if let newlineIndex {
                start = newlineIndex + 1
                sawNewline = true
                break
            }
            start = end
        }

        if !consumedAny && !sawNewline { return .endOfInput }
        lineNumber += 1

        if discarding {
            // Discarding starts only above maxLineBytes + 1 bytes, so even without a final CR
            // the line is over the limit.
            let byteCount = lastByte == 0x0D ? discardedCount - 1 : discardedCount
            return .tooLong(byteCount: byteCount, limit: maxLineBytes)
        }
        if line.last == 0x0D { line.removeLast() }
        if line.count > maxLineBytes {
            return .tooLong(byteCount: line.count, limit: maxLineBytes)
        }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) {
            line.removeFirst(3)
        }
        if let text = String(validating: line, as: UTF8.self) {
            return .line(text)
        }
        warning(.invalidUTF8(line: lineNumber))
        return .line(String(decoding: line, as: UTF8.self))
    }

    /// Records `line` in the in-memory history unless it is blank, begins with a space, or
    /// equals the previous entry (see ``HistoryFile/shouldRecord(_:after:)``).
    public func addHistory(_ line: String) {
        if HistoryFile.shouldRecord(line, after: history.last) { history.append(line) }
    }

    /// Refills `buffer` from the source. Returns `false` (and sets `atEOF`) at end of input.
    private func fill() -> Bool {
        start = 0
        end = 0
        switch source {
        case .bytes(let bytes, let position):
            let n = min(chunkSize, bytes.count - position)
            if n <= 0 {
                atEOF = true
                source = .bytes([], position: 0)
                return false
            }
            buffer.replaceSubrange(0..<n, with: bytes[position..<(position + n)])
            source = .bytes(bytes, position: position + n)
            end = n
            return true
        case .fileDescriptor(let fd, _):
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
                if n > 0 {
                    end = n
                    return true
                }
                if n < 0 && errno == EINTR { continue }
                atEOF = true
                closeSource()
                return false
            }
        }
    }

    private func closeSource() {
        if case .fileDescriptor(let fd, closeWhenDone: true) = source {
            _ = close(fd)
            source = .fileDescriptor(-1, closeWhenDone: false)
        }
    }
}

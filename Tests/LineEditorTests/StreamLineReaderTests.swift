import Foundation
import Testing
@testable import LineEditor

/// Collects warnings from a reader (tests run on one thread per reader).
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [LineEditorWarning] = []
    var all: [LineEditorWarning] { lock.withLock { stored } }
    func record(_ warning: LineEditorWarning) { lock.withLock { stored.append(warning) } }
}

/// Reads every result until end of input (with a safety bound).
func readAll(_ reader: LineReader) -> [LineReadResult] {
    var results: [LineReadResult] = []
    for _ in 0..<10_000 {
        let result = reader.readLine(prompt: "> ")
        if result == .endOfInput { return results }
        results.append(result)
    }
    Issue.record("reader never reached end of input")
    return results
}

@Suite("StreamLineReader")
struct StreamLineReaderTests {
    @Test("LF, CRLF and a last line without a newline", arguments: [1, 2, 3, 7, 64 * 1024])
    func lineEnds(chunkSize: Int) {
        let reader = StreamLineReader(bytes: Array("one\r\ntwo\nthree\r\n\nlast".utf8), chunkSize: chunkSize)
        #expect(readAll(reader) == [.line("one"), .line("two"), .line("three"), .line(""), .line("last")])
        #expect(reader.lineNumber == 5)
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }

    @Test("empty input is end of input at once, and stays so")
    func emptyInput() {
        let reader = StreamLineReader(bytes: [])
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        #expect(reader.lineNumber == 0)
        #expect(reader.isInteractive == false)
    }

    @Test("a lone newline is one empty line")
    func loneNewline() {
        #expect(readAll(StreamLineReader(text: "\n")) == [.line("")])
    }

    @Test("a CR inside a line stays; one at the very end of the input goes")
    func bareCarriageReturn() {
        #expect(readAll(StreamLineReader(text: "a\rb\nc\r")) == [.line("a\rb"), .line("c")])
    }

    @Test("invalid UTF-8 is replaced and reported with its line number", arguments: [1, 4096])
    func invalidUTF8(chunkSize: Int) {
        let log = WarningLog()
        let bytes: [UInt8] = Array("ok\n".utf8) + [0x61, 0xFF, 0x62, 0xC3, 0x0A] + Array("Việt Nam\n".utf8)
        let reader = StreamLineReader(bytes: bytes, chunkSize: chunkSize, warning: log.record)
        #expect(readAll(reader) == [.line("ok"), .line("a\u{FFFD}b\u{FFFD}"), .line("Việt Nam")])
        #expect(log.all == [.invalidUTF8(line: 2)])
        #expect(log.all.first?.description == "line 2: invalid UTF-8 replaced")
    }

    @Test("NUL bytes are kept")
    func nulBytes() {
        let reader = StreamLineReader(bytes: [0x61, 0x00, 0x62, 0x0A, 0x00])
        #expect(readAll(reader) == [.line("a\u{0}b"), .line("\u{0}")])
    }

    @Test("a UTF-8 byte-order mark at the start is dropped")
    func byteOrderMark() {
        let reader = StreamLineReader(bytes: [0xEF, 0xBB, 0xBF] + Array("日本\n\u{FEFF}x\n".utf8))
        #expect(readAll(reader) == [.line("日本"), .line("\u{FEFF}x")])
    }

    @Test("a 1 MB line is reported as too long and the next line is still read",
          arguments: [4096, 64 * 1024])
    func megabyteLine(chunkSize: Int) {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 1_048_576)
        let bytes = Array("before\n".utf8) + big + Array("\r\nafter\n".utf8)
        let reader = StreamLineReader(bytes: bytes, chunkSize: chunkSize)
        #expect(readAll(reader) == [
            .line("before"), .tooLong(byteCount: 1_048_576, limit: 16_384), .line("after"),
        ])
        #expect(reader.lineNumber == 3)
    }

    @Test("the limit counts bytes without the line end", arguments: [1, 3, 100])
    func limitBoundary(chunkSize: Int) {
        let text = "abcd\r\nabcd\nabcde\nabcde\r\nabcdef"
        let reader = StreamLineReader(bytes: Array(text.utf8), maxLineBytes: 4, chunkSize: chunkSize)
        #expect(readAll(reader) == [
            .line("abcd"), .line("abcd"),
            .tooLong(byteCount: 5, limit: 4), .tooLong(byteCount: 5, limit: 4),
            .tooLong(byteCount: 6, limit: 4),
        ])
    }

    @Test("reads a file descriptor and skips a 1 MB line without buffering it")
    func fileDescriptor() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("le-stream-\(UUID().uuidString)").path
        defer { unlink(path) }
        var data = Data("one\r\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "y"), count: 1_048_576))
        data.append(Data("\ntwo".utf8))
        try data.write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        let reader = StreamLineReader(fileDescriptor: fd, closeWhenDone: true, chunkSize: 8192)
        #expect(readAll(reader) == [.line("one"), .tooLong(byteCount: 1_048_576, limit: 16_384), .line("two")])
        // Closed at end of input: the number no longer names our file. (Tests run in parallel, so
        // another test may already have been given the same number for a file of its own.)
        var mine = stat(), now = stat()
        try #require(stat(path, &mine) == 0)
        let open = fstat(fd, &now) == 0
        #expect(!open || now.st_ino != mine.st_ino || now.st_dev != mine.st_dev, "descriptor closed at end of input")
    }

    @Test("reads a pipe written in pieces")
    func pipeInput() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let writer = fds[1]
        let thread = Thread {
            for piece in ["hel", "lo\r", "\nwor", "ld"] {
                _ = piece.withCString { write(writer, $0, strlen($0)) }
                usleep(2000)
            }
            close(writer)
        }
        thread.start()
        let reader = StreamLineReader(fileDescriptor: fds[0], closeWhenDone: true)
        #expect(readAll(reader) == [.line("hello"), .line("world")])
    }

    @Test("history is kept in memory with the blank, space and duplicate rules")
    func memoryHistory() {
        let reader = StreamLineReader(text: "")
        for line in ["a", "", "   ", " secret", "a", "b", "a", "\t"] { reader.addHistory(line) }
        #expect(reader.history == ["a", "b", "a"])
    }
}

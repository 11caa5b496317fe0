import Foundation
import Testing
@testable import LineEditor

/// Plays keystrokes into the master side of a pseudo-terminal: each time one more prompt has
/// appeared in the output, it sends the next step. Records everything the editor wrote.
final class TerminalDriver: @unchecked Sendable {
    private let lock = NSLock()
    private var output: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)
    let master: Int32

    init(master: Int32) { self.master = master }

    var transcript: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    /// Starts the driver thread. It stops when the slave side is closed or after `timeout`
    /// seconds, closing the master (which makes a stuck `el_gets` return).
    func start(prompt: String, steps: [String], timeout: Double = 20) {
        let thread = Thread { [self] in
            let deadline = Date().addingTimeInterval(timeout)
            var sent = 0
            var buffer = [UInt8](repeating: 0, count: 4096)
            let promptBytes = Array(prompt.utf8)
            while Date() < deadline {
                var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pfd, 1, 50)
                if ready > 0 {
                    let n = read(master, &buffer, buffer.count)
                    if n <= 0 { break }  // EIO: the slave side was closed
                    lock.withLock { output += buffer[0..<n] }
                }
                let prompts = lock.withLock { occurrences(of: promptBytes, in: output) }
                if sent < steps.count && prompts > sent {
                    usleep(20_000)  // let libedit finish drawing before typing
                    let keys = Array(steps[sent].utf8)
                    _ = keys.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                    sent += 1
                }
            }
            close(master)
            done.signal()
        }
        thread.start()
    }

    func waitUntilDone() { done.wait() }

    private func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var count = 0
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) {
                count += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return count
    }
}

@Suite("EditLineReader")
struct EditLineReaderTests {
    /// Opens a pseudo-terminal pair: (master, slave). `posix_openpt` and friends are not
    /// visible from Swift's Glibc module, so this uses /dev/ptmx and the Linux ioctls.
    func openPseudoTerminal() throws -> (Int32, Int32) {
        #if os(Linux)
        let TIOCGPTN: UInt = 0x8004_5430, TIOCSPTLCK: UInt = 0x4004_5431
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(master >= 0)
        var unlock: Int32 = 0
        try #require(ioctl(master, TIOCSPTLCK, &unlock) == 0)
        var number: Int32 = -1
        try #require(ioctl(master, TIOCGPTN, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(slave >= 0)
        return (master, slave)
        #else
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        try #require(grantpt(master) == 0 && unlockpt(master) == 0)
        let slave = open(try #require(ptsname(master)), O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        return (master, slave)
        #endif
    }

    @Test("typing, UTF-8, Up arrow into the previous session, Ctrl-R, Ctrl-U, Ctrl-D through a pty",
          .timeLimit(.minutes(1)))
    func pseudoTerminal() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("mondo/history")
        let file = HistoryFile(path: path)
        try file.append("first entry")
        try file.append("Việt Nam")

        let (master, slave) = try openPseudoTerminal()
        let prompt = "le-test> "
        let driver = TerminalDriver(master: master)
        driver.start(prompt: prompt, steps: [
            "\u{1B}[A\r",        // Up: the last line of the previous session
            "日本 café\r",       // non-ASCII typed in
            "\u{12}first\r",    // Ctrl-R search backwards
            "abc\u{15}xyz\r",   // Ctrl-U kills the line
            "\u{1B}[A\u{1B}[A\u{1B}[A\r",  // Up three times: xyz, first entry, 日本 café
            "\u{4}",            // Ctrl-D on an empty line
        ])

        let reader = try EditLineReader(
            terminal: .fileDescriptors(input: slave, output: slave),
            historyFile: file, readEditrc: false, handleInterrupts: false)
        #expect(reader.history == ["first entry", "Việt Nam"])
        var results: [LineReadResult] = []
        for _ in 0..<10 {
            let result = reader.readLine(prompt: prompt)
            results.append(result)
            if case .line(let text) = result { reader.addHistory(text) }
            if result == .endOfInput { break }
        }
        reader.close()
        reader.close()  // idempotent
        #expect(reader.readLine(prompt: prompt) == .endOfInput)
        close(slave)
        driver.waitUntilDone()

        #expect(results == [
            .line("Việt Nam"), .line("日本 café"), .line("first entry"), .line("xyz"),
            .line("日本 café"), .endOfInput,
        ], "terminal output was: \(driver.transcript.debugDescription)")
        #expect(reader.history == ["first entry", "Việt Nam", "日本 café", "first entry", "xyz", "日本 café"])
        #expect(contents(path) == "_HiStOrY_V2_\nfirst\\040entry\nViệt\\040Nam\n日本\\040café\n"
            + "first\\040entry\nxyz\n日本\\040café\n")
        #expect(driver.transcript.contains("日本 café"))
    }
}

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `mondo` on a pseudo-terminal, as a person at a terminal would: the child is a
/// session leader whose controlling terminal is the pty's slave side (stdin, stdout and stderr,
/// unless a shell command redirects them), with `HOME` a temporary directory, `TERM=xterm` and
/// a fixed window size. Keys are written to the master side; everything the program writes is
/// collected by a background thread and can be waited for with a deadline (never fixed sleeps).
final class PTYSession: @unchecked Sendable {
    let pid: pid_t
    let master: Int32
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var exitStatus: Int32?
    private var reaped = false

    /// Starts `executable` with `arguments` on a new pty of `rows` × `columns`.
    /// - Parameters:
    ///   - home: the child's `HOME` (history goes to `home/.local/state/mondo/history`).
    ///   - environment: extra variables for the child.
    /// - Throws: when the pty cannot be opened or the process cannot be started.
    init(executable: String, arguments: [String], home: String, rows: UInt16 = 24, columns: UInt16 = 80,
         environment: [String: String] = [:]) throws {
        let TIOCGPTN: UInt = 0x8004_5430, TIOCSPTLCK: UInt = 0x4004_5431
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(master >= 0, "cannot open /dev/ptmx")
        var unlock: Int32 = 0
        try #require(ioctl(master, TIOCSPTLCK, &unlock) == 0)
        var number: Int32 = -1
        try #require(ioctl(master, TIOCGPTN, &number) == 0)
        let slavePath = "/dev/pts/\(number)"
        self.master = master
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid and without O_NOCTTY: the slave becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setsid: Int32 = 0x80, setSignalDefaults: Int32 = 0x04, setSignalMask: Int32 = 0x08
        posix_spawnattr_setflags(&attributes, Int16(setsid | setSignalDefaults | setSignalMask))
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)

        var env = ProcessInfo.processInfo.environment
        for key in ["MONDO_PACK", "MONDO_HISTORY", "XDG_STATE_HOME", "EDITRC", "COLUMNS", "LINES", "MONDO_CACHE_DIR", "XDG_CACHE_HOME"] { env[key] = nil }
        env["HOME"] = home
        env["TERM"] = "xterm"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        for (k, v) in environment { env[k] = v }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        if rc != 0 { close(master) }
        try #require(rc == 0, "posix_spawn failed: \(String(cString: strerror(rc)))")
        pid = child
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    deinit {
        if !reaped {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 5)
        }
        close(master)
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 100)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { if lock.withLock({ reaped }) { return } else { continue } }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return }  // EIO: every slave descriptor is closed
            lock.withLock { output += buffer[0..<n] }
        }
    }

    /// Everything written so far, as text (raw, with escape sequences).
    var raw: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
    /// The number of bytes written so far: pass it to ``waitFor(_:since:timeout:)`` to look
    /// only at what comes after.
    var mark: Int { lock.withLock { output.count } }
    /// Output after `mark`, with escape sequences, carriage returns and bells removed.
    func screen(since mark: Int = 0) -> String {
        let bytes = lock.withLock { Array(output[min(mark, output.count)...]) }
        return Self.strip(String(decoding: bytes, as: UTF8.self))
    }

    /// Types `keys` (written to the master side as UTF-8).
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the stripped output after `mark` contains `text`.
    /// - Returns: whether it appeared before `timeout` seconds passed.
    @discardableResult
    func waitFor(_ text: String, since mark: Int = 0, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen(since: mark).contains(text) { return true }
            usleep(10_000)
        }
        return screen(since: mark).contains(text)
    }

    /// Waits until `text` occurs `count` times in the stripped output after `mark`.
    @discardableResult
    func waitFor(_ text: String, count: Int, since mark: Int = 0, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen(since: mark).components(separatedBy: text).count - 1 >= count { return true }
            usleep(10_000)
        }
        return false
    }

    /// Types `keys` once the prompt has appeared after `mark`, then returns the new mark.
    @discardableResult
    func typeAtPrompt(_ keys: String, since mark: Int, prompt: String = "mondo> ") -> Int {
        _ = waitFor(prompt, since: mark)
        let next = self.mark
        send(keys)
        return next
    }

    /// Changes the window size (the kernel sends SIGWINCH to the foreground process group).
    func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits for the child to exit; returns its wait status, or nil on timeout.
    func waitForExit(timeout: Double = 15) -> Int32? {
        if let status = lock.withLock({ exitStatus }) { return status }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                lock.withLock { exitStatus = status; reaped = true }
                return status
            }
            if r < 0 { return nil }
            usleep(10_000)
        }
        return nil
    }

    /// Removes CSI and other escape sequences, carriage returns, bells and backspaces.
    static func strip(_ text: String) -> String {
        var out = ""
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            switch c {
            case "\u{1B}":
                guard let next = it.popFirst() else { break }
                if next == "[" {
                    while let d = it.popFirst(), !(0x40...0x7E).contains(d.value) {}
                } else if next == "O" || next == "(" || next == ")" {
                    _ = it.popFirst()
                }
            case "\r", "\u{7}", "\u{8}":
                continue
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Exit status from a `waitpid` status: the exit code, or 128 + the signal number.
func exitCode(_ status: Int32) -> Int32 {
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a history file.
public struct HistoryFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or directory the call was about.
    public let path: String
    /// What was being done, e.g. `open`, `write`, `rename`.
    public let operation: String
    /// The `errno` value the call left.
    public let code: Int32

    /// Creates an error; `code` defaults to the current `errno`.
    /// - Parameters:
    ///   - path: the file or directory concerned.
    ///   - operation: the failed operation, for the message.
    ///   - code: the `errno` value.
    public init(path: String, operation: String, code: Int32 = errno) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// For example `cannot open /x/history: Permission denied`.
    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }
}

/// The persistent history file, in libedit's format: a first line `_HiStOrY_V2_`, then one
/// entry per line, vis-encoded (see ``encode(_:)``).
///
/// Safe with several sessions at once and with sessions that are killed:
/// - each accepted line is appended at once, under an exclusive `flock` on the file;
/// - when the file grows past ``maxEntries`` + ``rewriteMargin`` entries it is rewritten with
///   the newest ``maxEntries``: under the lock, re-read, write a temporary file in the same
///   directory, `fsync`, `rename` over the old file. Writers waiting for the lock notice that
///   the path now names a different file and lock the new one;
/// - a file that does not start with the header (a GNU readline file, CRLF line ends, a
///   truncated or binary file) is never written to: ``load(warning:)`` moves it aside.
///
/// The directory is created with mode 0700 and the file with mode 0600.
public struct HistoryFile: Sendable, Equatable {
    /// The first line of every libedit history file.
    public static let header = "_HiStOrY_V2_"
    /// The default for ``maxEntries``.
    public static let defaultMaxEntries = 1000

    /// The file's path, with symbolic links on its last component followed.
    public let path: String
    /// How many entries the file keeps after a rewrite (and how many ``load(warning:)`` returns
    /// at most).
    public let maxEntries: Int
    /// How many entries over ``maxEntries`` the file may grow before it is rewritten, so that a
    /// busy session does not rewrite the file on every line.
    public let rewriteMargin: Int

    /// Describes a history file; nothing is written until ``load(warning:)`` or ``append(_:)``.
    /// A `path` that is a symbolic link is resolved here, once (``FinalPath/resolve(_:)``), so
    /// that rewrites replace the link's target and the link keeps working.
    /// - Parameters:
    ///   - path: where the file lives.
    ///   - maxEntries: entries kept (default 1000); must be positive.
    ///   - rewriteMargin: growth allowed before a rewrite; default `max(1, maxEntries / 10)`.
    public init(path: String, maxEntries: Int = HistoryFile.defaultMaxEntries, rewriteMargin: Int? = nil) {
        precondition(maxEntries > 0)
        self.path = FinalPath.resolve(path)
        self.maxEntries = maxEntries
        self.rewriteMargin = max(0, rewriteMargin ?? max(1, maxEntries / 10))
    }

    // MARK: - Location

    /// Where the history file lives, following the usual conventions:
    /// `$MONDO_HISTORY` when set (an empty value, `off` or `none` turns history off), else
    /// `$XDG_STATE_HOME/mondo/history` (when it is an absolute path), else
    /// `$HOME/.local/state/mondo/history` (falling back to the password database for the home).
    /// - Parameter environment: the variables to consult; `nil` means the process environment.
    /// - Returns: the path, or `nil` when history is turned off or no home directory is known.
    public static func defaultPath(environment: [String: String]? = nil) -> String? {
        func lookup(_ name: String) -> String? {
            if let environment { return environment[name] }
            return getenv(name).map { String(cString: $0) }
        }
        if let explicit = lookup("MONDO_HISTORY") {
            let lowered = explicit.lowercased()
            if explicit.isEmpty || lowered == "off" || lowered == "none" { return nil }
            return explicit
        }
        if let state = lookup("XDG_STATE_HOME"), state.hasPrefix("/") {
            return join(state, "mondo/history")
        }
        var home = lookup("HOME") ?? ""
        if home.isEmpty, environment == nil, let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir {
            home = String(cString: dir)
        }
        guard !home.isEmpty else { return nil }
        return join(home, ".local/state/mondo/history")
    }

    private static func join(_ directory: String, _ rest: String) -> String {
        directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
    }

    // MARK: - Reading

    /// Reads the file's entries, oldest first, at most the newest ``maxEntries``.
    ///
    /// A missing or zero-byte file gives no entries. A file whose first line is not
    /// ``header`` is renamed to `<path>.bad-<YYYYMMDD-HHMMSS>` (never written to) and reported
    /// through `warning` as ``LineEditorWarning/historyFileMovedAside(path:movedTo:reason:)``;
    /// the result is then empty.
    /// - Parameter warning: receives the moved-aside report.
    /// - Returns: the decoded entries.
    /// - Throws: ``HistoryFileError`` when the file exists but cannot be opened, locked, read
    ///   or moved aside.
    public func load(warning: (LineEditorWarning) -> Void = { _ in }) throws(HistoryFileError) -> [String] {
        let fd: Int32
        do {
            fd = try openLocked(O_RDONLY)
        } catch where error.code == ENOENT {
            return []
        }
        defer { close(fd) }
        let bytes = try readAll(fd)
        if bytes.isEmpty { return [] }
        if let reason = Self.headerProblem(bytes) {
            let aside = try moveAside()
            warning(.historyFileMovedAside(path: path, movedTo: aside, reason: reason))
            return []
        }
        let entries = Self.parseEntries(bytes)
        return Array(entries.suffix(maxEntries))
    }

    // MARK: - Writing

    /// Appends one entry to the file, creating the directory (0700) and the file (0600, with
    /// its header) when missing, and rewriting the file with the newest ``maxEntries`` when it
    /// has grown past ``maxEntries`` + ``rewriteMargin``. The entry is stored as given: the
    /// blank/space/duplicate rules belong to the caller (see ``shouldRecord(_:after:)``).
    ///
    /// If the file has been replaced meanwhile by one without the header, that file is moved
    /// aside (reported through `warning`) and a new file is started.
    /// - Parameters:
    ///   - entry: the line to store (any text; it is vis-encoded).
    ///   - warning: receives a moved-aside report.
    /// - Throws: ``HistoryFileError`` when a directory or the file cannot be created, locked,
    ///   written, synced or renamed.
    public func append(_ entry: String, warning: (LineEditorWarning) -> Void = { _ in }) throws(HistoryFileError) {
        try createParentDirectories()
        let fd = try openLocked(O_RDWR | O_APPEND | O_CREAT)
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw HistoryFileError(path: path, operation: "stat") }
        if st.st_mode & 0o777 != 0o600 { _ = fchmod(fd, 0o600) }
        var size = Int(st.st_size)
        if size > 0 {
            let existing = try readAll(fd)
            if let reason = Self.headerProblem(existing) {
                let aside = try moveAside()
                warning(.historyFileMovedAside(path: path, movedTo: aside, reason: reason))
                return try append(entry, warning: warning)
            }
            if existing.last != 0x0A {
                // A previous writer was cut off mid-line: finish that line first.
                try writeAll(fd, [0x0A])
                size += 1
            }
        }
        var record: [UInt8] = []
        if size == 0 { record += Array((Self.header + "\n").utf8) }
        record += Array(Self.encode(entry).utf8)
        record.append(0x0A)
        try writeAll(fd, record)
        size += record.count

        // Cheap test first: every entry takes at least two bytes ("x\n").
        let threshold = maxEntries + rewriteMargin
        guard size > Self.header.utf8.count + 1 + 2 * threshold else { return }
        let entries = Self.parseEntries(try readAll(fd))
        if entries.count > threshold {
            try rewrite(keeping: Array(entries.suffix(maxEntries)))
        }
    }

    /// Replaces the file's content with `entries` (plus the header) safely: temporary file in
    /// the same directory, `fsync`, `rename`. Call with the file's lock held.
    private func rewrite(keeping entries: [String]) throws(HistoryFileError) {
        var text = Self.header + "\n"
        for entry in entries { text += Self.encode(entry) + "\n" }
        let directory = FinalPath.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? "history"
        let temporary = Self.join(directory, ".\(name).tmp-\(getpid())")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HistoryFileError(path: temporary, operation: "create") }
        do throws(HistoryFileError) {
            _ = fchmod(fd, 0o600)
            try writeAll(fd, Array(text.utf8))
            guard fsync(fd) == 0 else { throw HistoryFileError(path: temporary, operation: "sync") }
            close(fd)
            guard rename(temporary, path) == 0 else { throw HistoryFileError(path: path, operation: "rename") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    // MARK: - Policy

    /// The rule for what goes into history: not a blank line (only spaces, tabs, CR, LF), not a
    /// line that begins with a space (a way to keep a line out of history), and not the same
    /// line as the one before.
    /// - Parameters:
    ///   - line: the accepted line.
    ///   - previous: the newest history entry, if any.
    /// - Returns: whether `line` should be recorded.
    public static func shouldRecord(_ line: String, after previous: String?) -> Bool {
        if line.hasPrefix(" ") { return false }
        if line.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
            return false
        }
        return line != previous
    }

    // MARK: - Encoding

    /// Encodes one entry the way libedit's `strvis` does, so that the entry fits on one line:
    /// ASCII controls, space, backslash and DEL become three-digit octal escapes (`\040`,
    /// `\134`, `\012`, `\011`, …); C1 controls and U+2028/U+2029 become the octal escapes of
    /// their UTF-8 bytes; all other characters, including non-ASCII letters, stay as they are.
    /// - Parameter entry: the text to encode.
    /// - Returns: a string with no spaces, controls or line breaks. Complexity: O(n).
    public static func encode(_ entry: String) -> String {
        var out = ""
        out.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            let v = scalar.value
            let needsEscape = v <= 0x20 || v == 0x5C || v == 0x7F || (0x80...0x9F).contains(v)
                || v == 0x2028 || v == 0x2029
            if needsEscape {
                for byte in String(scalar).utf8 { out += octal(byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func octal(_ byte: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7"]
        return "\\" + String([digits[Int(byte >> 6)], digits[Int((byte >> 3) & 7)], digits[Int(byte & 7)]])
    }

    /// Decodes one entry as libedit's `strunvis` would: `\ooo` (one to three octal digits),
    /// `\\`, C-style escapes (`\n`, `\t`, `\r`, `\b`, `\a`, `\v`, `\f`, `\s`, `\E`, `\0`),
    /// the meta/control forms `\^X`, `\^?`, `\M-c`, `\M^X`, and `\$` (nothing). An unknown or
    /// cut-off escape is kept literally. Bytes that are not UTF-8 become U+FFFD.
    /// - Parameter encoded: one line of a history file, without its line end.
    /// - Returns: the original text. Complexity: O(n).
    public static func decode<S: StringProtocol>(_ encoded: S) -> String {
        decodeBytes(Array(encoded.utf8))
    }

    private static func decodeBytes<C: Collection<UInt8>>(_ input: C) -> String where C.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = input.startIndex
        let endIndex = input.endIndex
        func isOctal(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x37 }
        while i < endIndex {
            let b = input[i]
            guard b == 0x5C, i + 1 < endIndex else {
                out.append(b)
                i += 1
                continue
            }
            let c = input[i + 1]
            if isOctal(c) {
                var value = 0
                var j = i + 1
                while j < endIndex, j < i + 4, isOctal(input[j]) {
                    value = value * 8 + Int(input[j] - 0x30)
                    j += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
                i = j
                continue
            }
            var replacement: [UInt8]? = nil
            var length = 2
            switch c {
            case UInt8(ascii: "\\"): replacement = [0x5C]
            case UInt8(ascii: "n"): replacement = [0x0A]
            case UInt8(ascii: "t"): replacement = [0x09]
            case UInt8(ascii: "r"): replacement = [0x0D]
            case UInt8(ascii: "b"): replacement = [0x08]
            case UInt8(ascii: "a"): replacement = [0x07]
            case UInt8(ascii: "v"): replacement = [0x0B]
            case UInt8(ascii: "f"): replacement = [0x0C]
            case UInt8(ascii: "s"): replacement = [0x20]
            case UInt8(ascii: "E"): replacement = [0x1B]
            case UInt8(ascii: "$"), 0x0A: replacement = []
            case UInt8(ascii: "^"):
                if i + 2 < endIndex {
                    let x = input[i + 2]
                    replacement = [x == UInt8(ascii: "?") ? 0x7F : x & 0x1F]
                    length = 3
                }
            case UInt8(ascii: "M"):
                if i + 3 < endIndex {
                    let kind = input[i + 2], x = input[i + 3]
                    if kind == UInt8(ascii: "-") {
                        replacement = [x | 0x80]
                        length = 4
                    } else if kind == UInt8(ascii: "^") {
                        replacement = [(x == UInt8(ascii: "?") ? 0x7F : x & 0x1F) | 0x80]
                        length = 4
                    }
                }
            default: break
            }
            if let replacement {
                out += replacement
                i += length
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - File helpers

    /// Why `bytes` is not a libedit history file, or `nil` when its first line is the header.
    static func headerProblem(_ bytes: [UInt8]) -> String? {
        let header = Array(header.utf8)
        let firstLine = bytes.prefix { $0 != 0x0A }
        if firstLine.elementsEqual(header) { return nil }
        if firstLine.elementsEqual(header + [0x0D]) { return "has Windows (CRLF) line ends" }
        if bytes.contains(0) || String(validating: firstLine, as: UTF8.self) == nil {
            return "is not a text file"
        }
        if header.starts(with: firstLine) { return "is truncated" }
        return "is not a libedit history file (its first line is not \(Self.header))"
    }

    /// The decoded entries after the header line; blank lines are skipped.
    static func parseEntries(_ bytes: [UInt8]) -> [String] {
        var entries: [String] = []
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        if !lines.isEmpty { lines.removeFirst() }
        for line in lines {
            entries.append(decodeBytes(Array(line)))
        }
        return entries
    }


    /// Creates each missing directory on the way to the file with mode 0700.
    private func createParentDirectories() throws(HistoryFileError) {
        let directory = FinalPath.directory(of: path)
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw HistoryFileError(path: current, operation: "create directory")
            }
        }
    }

    /// Opens the file and takes an exclusive lock, retrying when the path was renamed over
    /// while waiting, so that the lock held is always on the file the path names.
    private func openLocked(_ flags: Int32) throws(HistoryFileError) -> Int32 {
        while true {
            let fd = open(path, flags | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw HistoryFileError(path: path, operation: "open") }
            if flockRetrying(fd, LOCK_EX) != 0 {
                let error = HistoryFileError(path: path, operation: "lock")
                close(fd)
                throw error
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0,
               held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return fd
            }
            close(fd)
        }
    }

    private func flockRetrying(_ fd: Int32, _ operation: Int32) -> Int32 {
        while true {
            let result = flock(fd, operation)
            if result == 0 || errno != EINTR { return result }
        }
    }

    /// Renames the file to `<path>.bad-<YYYYMMDD-HHMMSS>` (plus `-N` if taken).
    private func moveAside() throws(HistoryFileError) -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let stamp = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
        var candidate = "\(path).bad-\(stamp)"
        var suffix = 1
        var st = stat()
        while lstat(candidate, &st) == 0 {
            suffix += 1
            candidate = "\(path).bad-\(stamp)-\(suffix)"
        }
        guard rename(path, candidate) == 0 else { throw HistoryFileError(path: path, operation: "move aside") }
        return candidate
    }

    private func readAll(_ fd: Int32) throws(HistoryFileError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var offset: off_t = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(path: path, operation: "read")
            }
            if n == 0 { return result }
            result += chunk[0..<n]
            offset += off_t(n)
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(HistoryFileError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(path: path, operation: "write")
            }
            written += n
        }
    }
}

/// The history of one interactive session: the entries loaded from a ``HistoryFile`` plus the
/// lines accepted since, with each accepted line appended to the file at once.
///
/// A file problem never stops the session: it is reported once through the `warning` callback
/// (``LineEditorWarning/historyFileUnusable(path:message:)``) and the history goes on in memory.
public final class SessionHistory {
    /// The entries, oldest first, at most `capacity` of them.
    public private(set) var entries: [String]
    /// The file lines are appended to; `nil` when there is none or it became unusable.
    public private(set) var file: HistoryFile?
    /// The largest number of entries kept in memory.
    public let capacity: Int
    private let warning: (LineEditorWarning) -> Void

    /// Loads the history from `file` (moving a bad file aside) and prepares to append to it.
    /// - Parameters:
    ///   - file: the history file, or `nil` for a memory-only history.
    ///   - warning: receives reports about the file (moved aside, unusable).
    public init(file: HistoryFile?, warning: @escaping (LineEditorWarning) -> Void = { _ in }) {
        self.warning = warning
        self.capacity = file?.maxEntries ?? HistoryFile.defaultMaxEntries
        self.entries = []
        self.file = file
        if let file {
            do {
                entries = try file.load(warning: warning)
            } catch {
                warning(.historyFileUnusable(path: file.path, message: error.description))
                self.file = nil
            }
        }
    }

    /// Records `line` if ``HistoryFile/shouldRecord(_:after:)`` allows it, in memory and
    /// (immediately) in the file.
    /// - Parameter line: the accepted line.
    /// - Returns: whether the line was recorded.
    @discardableResult
    public func add(_ line: String) -> Bool {
        guard HistoryFile.shouldRecord(line, after: entries.last) else { return false }
        entries.append(line)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        if let file {
            do {
                try file.append(line, warning: warning)
            } catch {
                warning(.historyFileUnusable(path: file.path, message: error.description))
                self.file = nil
            }
        }
        return true
    }
}

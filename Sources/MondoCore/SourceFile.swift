import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a user's text file (a pack file, a transcript) and says exactly what is wrong when it
/// cannot be used: the operating system's reason when it cannot be read, or the line and column
/// of the first byte that is not UTF-8 (or, for files that must be text, the first NUL byte).
public enum SourceFile {
    /// The text of the file at `path`.
    /// - Parameters:
    ///   - path: the file, as the user named it (diagnostics use it as it is).
    ///   - rejectNUL: report a NUL byte as an error (a binary file given as text).
    /// - Returns: the text, or one error diagnostic: `path: error: cannot read: REASON` (no line)
    ///   or `path:line:column: error: …` with the line (bad bytes shown as U+FFFD) and a caret.
    public static func read(_ path: String, rejectNUL: Bool = false) -> Result<String, Diagnostic> {
        switch bytes(path) {
        case .failure(let e):
            return .failure(Diagnostic(.error, "cannot read: \(e)", at: SourceLocation(path: path, line: 0, column: 0)))
        case .success(let data):
            return text(data, path: path, rejectNUL: rejectNUL)
        }
    }

    /// `data` as UTF-8 text, or the diagnostic for its first invalid byte (or NUL byte).
    public static func text(_ data: [UInt8], path: String, rejectNUL: Bool = false) -> Result<String, Diagnostic> {
        if let bad = firstInvalidByte(data, rejectNUL: rejectNUL) {
            let what = data[bad] == 0
                ? "a NUL byte (this looks like a binary file, not text)"
                : String(format: "the byte 0x%02X, which is not valid UTF-8 (save the file as UTF-8)", data[bad])
            return .failure(diagnostic(at: bad, in: data, path: path, message: "file contains \(what)"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// The whole file, or the `errno` of the failing `open` or `read` (EISDIR for a directory).
    static func bytes(_ path: String) -> Result<[UInt8], SystemError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(SystemError(code: errno)) }
        defer { close(fd) }
        var out: [UInt8] = []
        // Room for the whole file at once: growing by doubling could hold twice its size.
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > 0 { out.reserveCapacity(Int(st.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]); continue }
            if n == 0 { return .success(out) }
            if errno == EINTR { continue }
            return .failure(SystemError(code: errno))
        }
    }

    /// The operating system's description of `code` (`strerror`), e.g. "No such file or directory".
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// A failed system call's `errno`; its description is the operating system's reason.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value.
    public var code: Int32
    /// Wraps `code`.
    public init(code: Int32) { self.code = code }
    /// `strerror(code)`, e.g. "Permission denied".
    public var description: String { SourceFile.reason(code) }
}

extension SourceFile {
    /// The offset of the first byte that does not belong to a valid UTF-8 sequence (or of the
    /// first NUL byte when `rejectNUL`), or nil when the data is clean.
    static func firstInvalidByte(_ data: [UInt8], rejectNUL: Bool) -> Int? {
        if !rejectNUL, String(validating: data, as: UTF8.self) != nil { return nil }
        var i = 0
        let n = data.count
        while i < n {
            let b = data[i]
            if b < 0x80 {
                if b == 0 && rejectNUL { return i }
                i += 1; continue
            }
            let (length, low, high): (Int, UInt8, UInt8)
            switch b {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + length <= n else { return i }
            // The second byte has a narrower range for some leads; the rest are 80…BF.
            guard (low...high).contains(data[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(data[i + k]) { return i }
            i += length
        }
        return nil
    }

    /// An error at byte `offset` of `data`: its line and column (in Unicode scalars, the bad
    /// byte counting as one), the line with bad bytes shown as U+FFFD, a caret under the byte.
    static func diagnostic(at offset: Int, in data: [UInt8], path: String, message: String) -> Diagnostic {
        let lineStart = data[..<offset].lastIndex(of: 10).map { $0 + 1 } ?? 0
        let lineEnd = data[offset...].firstIndex(of: 10) ?? data.count
        let line = data[..<offset].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        var before = Array(data[lineStart..<offset])
        var rest = Array(data[offset..<lineEnd])
        if before.last == 13 && rest.isEmpty { before.removeLast() }
        if rest.last == 13 { rest.removeLast() }
        let shown = { (bytes: [UInt8]) in String(decoding: bytes.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self) }
        // The bad byte itself becomes one U+FFFD (a NUL shows as U+2400 ␀).
        let mark = data[offset] == 0 ? "\u{2400}" : "\u{FFFD}"
        let prefix = shown(before)
        let sourceLine = prefix + mark + shown(Array(rest.dropFirst()))
        return Diagnostic(.error, message, at: SourceLocation(path: path, line: line, column: prefix.unicodeScalars.count + 1),
                          sourceLine: sourceLine)
    }
}

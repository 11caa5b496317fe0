import Foundation
import MondoCore
#if canImport(Glibc)
import Glibc
#endif

/// Where the shell writes. Implementations: ``FileOutput`` (stdout/stderr) and ``BufferOutput`` (tests).
public protocol OutputSink: AnyObject {
    /// Writes `text` as it is (callers add newlines).
    /// - Throws: ``OutputError`` when the text cannot be written (the reader has gone away, the
    ///   disk is full …).
    func write(_ text: String) throws
    /// Writes `text` in `style`. Sinks that know no styles write it plain (the default).
    /// - Throws: ``OutputError`` as ``write(_:)``.
    func write(_ text: String, style: TextStyle) throws
}

extension OutputSink {
    /// Writes `text` plain: only ``VisibleControls`` turns a style into escape sequences.
    public func write(_ text: String, style: TextStyle) throws { try write(text) }
}

/// Thrown when output cannot be written; carries the `errno` of the failed `write(2)`.
///
/// EPIPE (the reading end of a pipe closed, as with `mondo … | head -1`) is expected: the
/// command stops quietly. Any other reason (ENOSPC, EIO …) is a real failure that is reported:
/// see ``report(_:to:)``.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public var code: Int32
    /// An output error with `code` (EPIPE when not given: a closed pipe).
    public init(code: Int32 = EPIPE) { self.code = code }
    /// True for EPIPE: the reader went away, nothing to report.
    public var isClosedPipe: Bool { code == EPIPE }
    /// The operating system's reason, e.g. "No space left on device".
    public var description: String { SourceFile.reason(code) }

    /// Ends a command whose output failed: a closed pipe stops quietly; any other failure prints
    /// `mondo: cannot write output: REASON` on `err` (when that still works).
    /// - Returns: the exit status, 1.
    @discardableResult
    public static func report(_ error: Error, to err: OutputSink) -> Int32 {
        if let e = error as? OutputError {
            if !e.isClosedPipe { try? err.write("mondo: cannot write output: \(e)\n") }
        } else {
            try? err.write("mondo: \(FileErrors.reason(error))\n")
        }
        return 1
    }
}

/// Writes to a file descriptor, unbuffered, retrying partial writes and EINTR.
public final class FileOutput: OutputSink {
    let fd: Int32
    /// Writes to `fd` (1 for stdout, 2 for stderr).
    public init(fd: Int32) { self.fd = fd }
    public func write(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(code: errno)
            }
            bytes = bytes.dropFirst(n)
        }
    }
}

/// Collects output in memory (tests).
public final class BufferOutput: OutputSink {
    /// Everything written so far.
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) throws { self.text += text }
}

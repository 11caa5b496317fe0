import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the shell writes. Implementations: ``FileOutput`` (stdout/stderr) and ``BufferOutput`` (tests).
public protocol OutputSink: AnyObject {
    /// Writes `text` as it is (callers add newlines).
    /// - Throws: ``OutputClosed`` when the reader has gone away (a closed pipe).
    func write(_ text: String) throws
}

/// Thrown when output cannot be written any more (EPIPE: the reading end of a pipe closed).
public struct OutputClosed: Error, Sendable {}

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
                throw OutputClosed()
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

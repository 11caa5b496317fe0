import LineEditor
import MondoCore
#if canImport(Glibc)
import Glibc
#endif

/// Why ``SafeWrite/replaceContents(of:with:)`` wrote nothing.
public struct WriteFailure: Error, Sendable, CustomStringConvertible {
    /// The path the caller gave.
    public let path: String
    /// Why, for a person: the system's reason (`Permission denied`) or what the path names
    /// (`it is a FIFO, not a regular file`).
    public let reason: String
    /// `cannot write 'PATH': REASON`.
    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes a whole file so that a failure never leaves it half-written and a success never
/// replaces what it should not (used by `:save` and `mondo test --update`).
public enum SafeWrite {
    /// Replaces the contents of the file at `path` with `text` (UTF-8), atomically.
    ///
    /// - Symbolic links are followed (``FinalPath/resolve(_:)``): the link's target is written and
    ///   the link stays a link.
    /// - Only a regular file is replaced: a directory, FIFO, socket or device file is refused.
    /// - An existing file that the user may not write, or that has no write permission for
    ///   anyone (read-only, even for root), is refused, although replacing it by `rename` would
    ///   be allowed.
    /// - The new contents go to a temporary file in the same directory, are synced, get the old
    ///   file's mode, owner and group (a new file gets `0666` less the umask), and are renamed
    ///   over the old file. When the owner cannot be kept (another user's file that we may
    ///   write), the file is rewritten in place instead, which keeps its owner and mode.
    /// - Throws: ``WriteFailure`` with the reason; the file is then as it was.
    public static func replaceContents(of path: String, with text: String) throws(WriteFailure) {
        func fail(_ reason: String) -> WriteFailure { WriteFailure(path: path, reason: reason) }
        func systemReason() -> String { SourceFile.reason(errno) }
        let target = FinalPath.resolve(path)
        let bytes = Array(text.utf8)
        var old = stat()
        let exists = stat(target, &old) == 0
        if !exists && errno != ENOENT { throw fail(systemReason()) }
        if exists {
            if let kind = kindName(old.st_mode) { throw fail("it is \(kind), not a regular file; nothing was written") }
            if access(target, W_OK) != 0 { throw fail(systemReason()) }
            if old.st_mode & 0o222 == 0 { throw fail("the file is read-only (mode \(String(old.st_mode & 0o7777, radix: 8)))") }
        }
        let directory = FinalPath.directory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? "file"
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail(systemReason()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var mode: mode_t
        if exists {
            mode = old.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        var keepsOwner = true
        if exists, old.st_uid != geteuid() || old.st_gid != getegid() {
            keepsOwner = fchown(fd, old.st_uid, old.st_gid) == 0
        }
        if !keepsOwner {
            close(fd)
            unlink(temporary)
            try rewriteInPlace(target, bytes, fail)
            return
        }
        do throws(WriteFailure) {
            guard fchmod(fd, mode) == 0 else { throw fail(systemReason()) }
            try writeAll(fd, bytes, fail)
            guard fsync(fd) == 0 else { throw fail(systemReason()) }
            guard close(fd) == 0 else { throw fail(systemReason()) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let reason = systemReason()
            unlink(temporary)
            throw fail(reason)
        }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// What a file mode names when it is not a regular file (`a directory`, `a FIFO`…), or nil.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a regular file"
        }
    }

    private static func rewriteInPlace(_ target: String, _ bytes: [UInt8], _ fail: (String) -> WriteFailure) throws(WriteFailure) {
        let fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw fail(SourceFile.reason(errno)) }
        defer { close(fd) }
        try writeAll(fd, bytes, fail)
        guard fsync(fd) == 0 else { throw fail(SourceFile.reason(errno)) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ fail: (String) -> WriteFailure) throws(WriteFailure) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(SourceFile.reason(errno))
            }
            offset += n
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a path finally leads once symbolic links on its last component are followed, so that a
/// file rewritten by "write a temporary file, rename it over the old one" replaces the link's
/// target and not the link itself.
public enum FinalPath {
    /// The most links followed, as the kernel's own limit (`ELOOP`).
    public static let maximumLinks = 40

    /// Follows `path` while it names a symbolic link (also a dangling one, whose target may not
    /// exist yet) and returns the path of what it finally names. Links in the directories on the
    /// way are left to the kernel. A relative link target is taken relative to the link's
    /// directory. Returns `path` unchanged when it is not a link, cannot be read, or when more
    /// than ``maximumLinks`` links follow each other (opening it then fails with `ELOOP`, which
    /// the caller reports).
    /// - Complexity: one `lstat` and `readlink` per link followed.
    public static func resolve(_ path: String) -> String {
        var current = path
        for _ in 0...maximumLinks {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : directory(of: current) + "/" + target
        }
        return path
    }

    /// The directory part of `path`: `.` when it has none, `/` for a file at the root.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

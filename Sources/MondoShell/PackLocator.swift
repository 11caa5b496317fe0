import Foundation
import MondoCore
#if canImport(Glibc)
import Glibc
#endif

/// Finds the shipped knowledge pack when no `--pack` is given.
public enum PackLocator {
    /// The directories tried, in order: `$MONDO_PACK`; `./Intents` (running from the repository
    /// root, e.g. with `swift run`); `Intents` in each parent of the executable's directory (a
    /// build folder inside the repository); `../share/mondo/Intents` beside the executable (an
    /// installed copy, `make install PREFIX=…`).
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - currentDirectory: the working directory.
    ///   - executable: the resolved path of the running executable.
    public static func candidates(environment: [String: String], currentDirectory: String, executable: String) -> [String] {
        var out: [String] = []
        if let p = environment["MONDO_PACK"], !p.isEmpty { out.append(p) }
        out.append((currentDirectory as NSString).appendingPathComponent("Intents"))
        var dir = (executable as NSString).deletingLastPathComponent
        out.append(((dir as NSString).appendingPathComponent("../share/mondo/Intents") as NSString).standardizingPath)
        for _ in 0..<6 {
            dir = (dir as NSString).deletingLastPathComponent
            if dir == "/" || dir.isEmpty { break }
            out.append((dir as NSString).appendingPathComponent("Intents"))
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The first candidate that holds a `pack.yaml`, or nil.
    public static func find(environment: [String: String], currentDirectory: String, executable: String) -> String? {
        candidates(environment: environment, currentDirectory: currentDirectory, executable: executable)
            .first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("pack.yaml")) }
    }

    /// Why `directory` cannot be used as a pack, or nil when it can: the operating system's
    /// reason ("No such file or directory", "Not a directory", "Permission denied"), or that it
    /// holds no `pack.yaml`. For `$MONDO_PACK`, which must name a pack when it is set.
    public static func problem(with directory: String) -> String? {
        var st = stat()
        guard stat(directory, &st) == 0 else { return SourceFile.reason(errno) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return SourceFile.reason(ENOTDIR) }
        let file = (directory as NSString).appendingPathComponent("pack.yaml")
        guard stat(file, &st) == 0 else {
            return errno == ENOENT ? "it holds no pack.yaml (not a knowledge pack)" : "\(file): \(SourceFile.reason(errno))"
        }
        return nil
    }

    /// The running executable's absolute path (`/proc/self/exe`, else `argv[0]`).
    public static func executablePath() -> String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return (CommandLine.arguments.first ?? "mondo")
    }
}

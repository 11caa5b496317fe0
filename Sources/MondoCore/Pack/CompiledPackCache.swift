import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Compiled packs kept on disk, so that a start-up reads a pack's compiled form (its loaded
/// model and index, ``CompiledPack``) instead of parsing its YAML and compiling it again. The
/// YAML stays the source of truth: an entry is used only when its key matches, and the key is a
/// 64-bit hash of
/// - the content of every file the loader reads (`pack.yaml`, `language.yaml`, `concepts.yaml`,
///   `lexicon.txt`, and the names and content of `topics/*.yaml`),
/// - the pack directory as named and the current directory (paths in the model are as named),
/// - the identity of the running executable and of its resources (device, inode, size and
///   modification time), so a rebuilt `mondo` never reads what another build wrote.
///
/// One file per pack directory, `pack-HASH.mondoc` in ``directory``: a magic string, the key, a
/// checksum of the payload, and the payload (``BinaryArchive``). A missing, stale, truncated or
/// corrupt file is a miss: the pack is loaded from its YAML and the file written again (to a
/// temporary file, then renamed, so a reader never sees half a file). A file that cannot be
/// written (read-only or full disk) leaves the answers unchanged: it only costs the next start-up.
public struct CompiledPackCache: Sendable {
    /// Where the cache files live (created when first written, mode 0700).
    public let directory: String

    /// How a load used the cache.
    public enum Outcome: Sendable, Hashable, CustomStringConvertible {
        /// The compiled pack was read from the cache.
        case read
        /// The pack was compiled and the cache written.
        case written
        /// The pack was compiled; the cache could not be written, for the reason given.
        case unwritten(String)
        /// The pack was compiled without the cache, for the reason given (a source file or the
        /// executable could not be identified).
        case bypassed(String)

        public var description: String {
            switch self {
            case .read: "read from the cache"
            case .written: "compiled, cache written"
            case .unwritten(let why): "compiled, cache not written: \(why)"
            case .bypassed(let why): "compiled without the cache: \(why)"
            }
        }
    }

    /// A cache in `directory`.
    public init(directory: String) { self.directory = directory }

    /// The cache directory for `environment`: `MONDO_CACHE_DIR` when set (empty turns the cache
    /// off: nil), else `$XDG_CACHE_HOME/mondo`, else `$HOME/.cache/mondo`; nil when none is set.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let d = environment["MONDO_CACHE_DIR"] { return d.isEmpty ? nil : d }
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/mondo" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.cache/mondo" }
        return nil
    }

    /// The engine for the pack in `packDirectory`: from the cache when it holds this pack's
    /// compiled form, else loaded and compiled (and the cache written).
    /// - Throws: ``PackError`` as ``Pack/load(from:)`` does (a pack with errors is never cached).
    /// - Complexity: with a valid entry, linear in the size of the pack files (hashed) and of
    ///   the entry (read); else as ``Pack/load(from:)`` plus ``Engine/init(pack:)``.
    public func engine(packDirectory: String) throws(PackError) -> (engine: Engine, outcome: Outcome) {
        guard let key = Self.key(packDirectory: packDirectory) else {
            return (try Engine(packDirectory: packDirectory), .bypassed("a pack file or the executable could not be read"))
        }
        let path = file(for: packDirectory)
        if let compiled = Self.read(path, key: key) {
            return (Engine(pack: compiled.pack, index: compiled.index), .read)
        }
        let pack = try Pack.load(from: packDirectory)
        let engine = Engine(pack: pack)
        return (engine, write(CompiledPack(pack: pack, index: engine.index), key: key, to: path))
    }

    /// The cache file for the pack in `packDirectory`.
    func file(for packDirectory: String) -> String {
        directory + "/pack-" + String(Self.naming(packDirectory).value, radix: 16) + ".mondoc"
    }

    /// A hash of the current directory and `packDirectory` as named: the file's name, and the
    /// start of the key.
    static func naming(_ packDirectory: String) -> ContentHash {
        var h = ContentHash()
        h.add(FileManager.default.currentDirectoryPath)
        h.add(packDirectory)
        return h
    }

    static let magic: [UInt8] = Array("MONDOC\0\u{1}".utf8)
    static let headerSize = magic.count + 16

    /// The key of the pack in `packDirectory` as its files are now, or nil when a file the
    /// loader would read cannot be read, or the executable cannot be identified.
    static func key(packDirectory dir: String) -> UInt64? {
        var h = naming(dir)
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        guard let exe = identity("/proc/self/exe") else { return nil }
        h.add(exe)
        for resource in [("english", "yaml"), ("wordnet", "txt")] {
            h.add(Bundle.module.url(forResource: resource.0, withExtension: resource.1).flatMap { identity($0.path) } ?? [])
        }
        var files = ["pack.yaml", "language.yaml", "concepts.yaml", "lexicon.txt"]
        files += PackLoader.topicFiles(in: base + "topics").map { "topics/" + $0 }
        for name in files {
            h.add(name)
            switch SourceFile.bytes(base + name) {
            case .success(let bytes): h.add(1); bytes.withUnsafeBytes { h.add($0) }
            case .failure(let e) where e.code == ENOENT: h.add(0)
            case .failure: return nil
            }
        }
        return h.value
    }

    /// Device, inode, size and modification time of `path` (symbolic links followed), or nil.
    static func identity(_ path: String) -> [UInt8]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let fields: [UInt64] = [UInt64(st.st_dev), UInt64(st.st_ino), UInt64(st.st_size),
                                UInt64(bitPattern: Int64(st.st_mtim.tv_sec)), UInt64(bitPattern: Int64(st.st_mtim.tv_nsec))]
        return fields.withUnsafeBytes { Array($0) }
    }

    /// The compiled pack stored at `path` under `key`, or nil when there is none, it has another
    /// key, or it does not read back whole. The file is memory-mapped, not copied, and the pages
    /// already checked or read are given back as the reading goes (`MADV_DONTNEED`): the file
    /// never adds its size to the memory the pack itself takes.
    static func read(_ path: String, key: UInt64) -> CompiledPack? {
        // Non-blocking: a FIFO put where the file should be must not hang the start-up.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size >= headerSize else { return nil }
        let size = Int(st.st_size)
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
        defer { munmap(map, size) }
        let all = UnsafeRawBufferPointer(start: map, count: size)
        guard Array(all[0..<magic.count]) == magic,
              all.loadUnaligned(fromByteOffset: magic.count, as: UInt64.self).littleEndian == key else { return nil }
        let checksum = all.loadUnaligned(fromByteOffset: magic.count + 8, as: UInt64.self).littleEndian
        let payload = UnsafeRawBufferPointer(rebasing: all[headerSize...])
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // Gives back the whole pages before offset `upTo` of the payload.
        func giveBack(_ upTo: Int) {
            let end = (headerSize + upTo) / page * page
            if end > 0 { madvise(map, end, MADV_DONTNEED) }
        }
        var h = ContentHash()
        var offset = 0
        let chunk = ArchiveReader.releaseStep
        h.addLength(payload.count)
        while offset < payload.count {
            let n = min(chunk, payload.count - offset)
            h.addWords(UnsafeRawBufferPointer(rebasing: payload[offset..<(offset + n)]), last: offset + n == payload.count)
            offset += n
            giveBack(offset)
        }
        guard h.value == checksum else { return nil }
        return try? BinaryArchive.decode(CompiledPack.self, from: payload, release: giveBack)
    }

    /// Creates `path` and the directories above it that are missing (mode 0700); nil when it
    /// exists as a directory or was made, else the directory that could not be made and why.
    static func makeDirectory(_ path: String) -> (path: String, code: Int32)? {
        // Each prefix in turn, from the top: `/a`, `/a/b`, `/a/b/c`.
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            var st = stat()
            if stat(prefix, &st) == 0 {
                if (st.st_mode & S_IFMT) != S_IFDIR { return (prefix, ENOTDIR) }
                continue
            }
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { return (prefix, errno) }
        }
        return nil
    }

    /// Writes `compiled` under `key` to `path`, through a temporary file renamed into place.
    func write(_ compiled: CompiledPack, key: UInt64, to path: String) -> Outcome {
        let payload = BinaryArchive.encode(compiled)
        var h = ContentHash()
        payload.withUnsafeBytes { h.add($0) }
        var bytes = Self.magic
        withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: h.value.littleEndian) { bytes.append(contentsOf: $0) }
        bytes += payload
        if let failure = Self.makeDirectory(directory) { return .unwritten("cannot create \(failure.path): \(SourceFile.reason(failure.code))") }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return .unwritten("cannot create \(temporary): \(SourceFile.reason(errno))") }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { b in
            while written < b.count {
                let n = Glibc.write(fd, b.baseAddress! + written, b.count - written)
                if n > 0 { written += n } else if n < 0, errno == EINTR { continue } else { failure = n < 0 ? errno : EIO; break }
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            return .unwritten("cannot write \(path): \(SourceFile.reason(failure))")
        }
        return .written
    }
}

/// A 64-bit hash of bytes, strings and integers, the same in every process (unlike `Hasher`):
/// eight bytes at a time, multiply and fold. Not cryptographic; for cache keys and checksums.
struct ContentHash {
    private(set) var value: UInt64 = 0x6d6f_6e64_6f63_6163

    private mutating func mix(_ w: UInt64) {
        value = (value ^ w) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    mutating func add(_ v: UInt64) { mix(v) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        addLength(bytes.count)
        addWords(bytes, last: true)
    }

    /// The first part of ``add(_:)``, for bytes hashed in pieces.
    mutating func addLength(_ n: Int) { mix(UInt64(n)) }

    /// The second part of ``add(_:)``, for bytes hashed in pieces: every piece but the `last`
    /// must be a multiple of 8 bytes long; the last one's tail bytes are mixed in as one word.
    mutating func addWords(_ bytes: UnsafeRawBufferPointer, last: Bool) {
        var i = 0
        while i + 8 <= bytes.count { mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
        guard last else { return }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        mix(tail)
    }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }
}

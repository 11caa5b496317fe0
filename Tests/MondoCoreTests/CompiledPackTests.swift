import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MondoCore

/// The compiled pack cache: what it stores reads back as the same pack and index (every stored
/// property), answers the same, and a stale, corrupt or unwritable cache costs a recompile,
/// never a wrong answer or a crash.
@Suite("Compiled pack cache")
struct CompiledPackTests {
    static let normans = Repo.root + "/Examples/normans/Intents"

    /// A description of `value` with every stored property, recursively (through `Mirror`), in
    /// which the elements of sets and dictionaries are sorted: two values with the same contents
    /// describe alike whatever their hashing order. Class instances (the stemmer, locks, lazily
    /// built values) are left out.
    static func canonical(_ value: Any, depth: Int = 0) -> String {
        let m = Mirror(reflecting: value)
        guard depth < 40, m.displayStyle != .class else { return m.displayStyle == .class ? "<object>" : "…" }
        switch m.displayStyle {
        case .set: return "{" + m.children.map { canonical($0.value, depth: depth + 1) }.sorted().joined(separator: ",") + "}"
        case .dictionary: return "[" + m.children.map { canonical($0.value, depth: depth + 1) }.sorted().joined(separator: ",") + "]"
        case .optional: return m.children.first.map { canonical($0.value, depth: depth + 1) } ?? "nil"
        case nil: return String(reflecting: value)
        default:
            let parts = m.children.map { ($0.label ?? "") + ":" + canonical($0.value, depth: depth + 1) }
            return "\(m.subjectType)(" + parts.joined(separator: ",") + ")"
        }
    }

    static func roundTrip(_ engine: Engine) throws -> CompiledPack {
        let bytes = BinaryArchive.encode(CompiledPack(pack: engine.pack, index: engine.index))
        return try BinaryArchive.decode(CompiledPack.self, from: bytes)
    }

    @Test(arguments: [Repo.intents, normans])
    func everyStoredPropertyReadsBack(_ dir: String) throws {
        let engine = try Engine(packDirectory: dir)
        let back = try Self.roundTrip(engine)
        let (a, b) = (engine.pack, back.pack)
        #expect(a.directory == b.directory)
        #expect(Self.canonical(a.settings) == Self.canonical(b.settings))
        #expect(Self.canonical(a.concepts) == Self.canonical(b.concepts))
        #expect(Self.canonical(a.facts) == Self.canonical(b.facts))
        #expect(Self.canonical(a.intents) == Self.canonical(b.intents))
        #expect(a.templates.ids == b.templates.ids)
        #expect(a.lexicon == b.lexicon)
        #expect(a.language.entries == b.language.entries)
        #expect(Self.canonical(a.warnings) == Self.canonical(b.warnings))
        #expect(a.spellings == b.spellings)
        #expect(a.topicDescriptions == b.topicDescriptions)
        // The index, property by property (its language data is the pack's, compared above).
        let (x, y) = (Mirror(reflecting: engine.index), Mirror(reflecting: back.index))
        for (p, q) in zip(x.children, y.children) where p.label != "language" {
            #expect(p.label == q.label)
            #expect(Self.canonical(p.value) == Self.canonical(q.value), "index property \(p.label ?? "?") differs")
        }
        #expect(engine.index.spelling.keys == back.index.spelling.keys)
        #expect(engine.index.spelling.positions == back.index.spelling.positions)
    }

    /// Every example question and counterexample of the pack, asked of the engine read back and
    /// of the freshly compiled one, gets the same answer, intent and facts.
    @Test(arguments: [Repo.intents, normans])
    func answersAreTheSame(_ dir: String) throws {
        let fresh = try Engine(packDirectory: dir)
        let back = try Self.roundTrip(fresh)
        let cached = Engine(pack: back.pack, index: back.index)
        var questions = fresh.pack.intents.flatMap { $0.examples + $0.counterexamples }
        questions += ["how many japnese companies", "wher did the normans come from", "who is the president of france"]
        for q in questions {
            var c1 = DialogueContext(), c2 = DialogueContext()
            let r1 = fresh.respond(to: q, context: &c1), r2 = cached.respond(to: q, context: &c2)
            #expect(r1.answer == r2.answer && r1.intent == r2.intent && r1.facts == r2.facts, "\(q)")
        }
    }

    /// Cut short, or with a byte changed anywhere, an archive either reads back or throws: it
    /// never crashes (the cache also checks a checksum first, so a changed byte is a miss).
    @Test func damagedArchivesThrowOrRead() throws {
        let engine = try Engine(packDirectory: Repo.fixture("mini"))
        let bytes = BinaryArchive.encode(CompiledPack(pack: engine.pack, index: engine.index))
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            #expect(throws: ArchiveError.self) { try BinaryArchive.decode(CompiledPack.self, from: Array(bytes[..<cut])) }
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            _ = try? BinaryArchive.decode(CompiledPack.self, from: damaged)
        }
    }

    static func tempDir() throws -> String {
        let d = NSTemporaryDirectory() + "mondo-cache-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// A copy of the mini fixture pack in a fresh directory.
    static func packCopy() throws -> String {
        let d = try tempDir() + "/pack"
        try FileManager.default.copyItem(atPath: Repo.fixture("mini"), toPath: d)
        return d
    }

    static func answer(_ engine: Engine, _ q: String) -> String {
        var c = DialogueContext()
        return engine.respond(to: q, context: &c).answer
    }

    @Test func writtenThenReadThenWrittenAgainWhenAFileChanges() throws {
        let pack = try Self.packCopy(), cacheDir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        let cache = CompiledPackCache(directory: cacheDir + "/sub")
        let q = "How many Japanese tourists visited Viet Nam in 2024?"
        let (e1, o1) = try cache.engine(packDirectory: pack)
        #expect(o1 == .written)
        let (e2, o2) = try cache.engine(packDirectory: pack)
        #expect(o2 == .read)
        #expect(Self.answer(e1, q) == Self.answer(e2, q))
        // An edit to a topic file (the number in a fact) is seen at the next start-up.
        let topics = pack + "/topics"
        let file = topics + "/" + (try FileManager.default.contentsOfDirectory(atPath: topics).sorted().first!)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let before = Self.answer(e2, q)
        let digits = before.filter(\.isNumber)
        try #require(!digits.isEmpty && text.contains(String(digits.prefix(3))))
        try text.replacingOccurrences(of: String(digits.prefix(3)), with: "987").write(toFile: file, atomically: true, encoding: .utf8)
        let (e3, o3) = try cache.engine(packDirectory: pack)
        #expect(o3 == .written)
        #expect(Self.answer(e3, q) != before)
        #expect(Self.answer(e3, q).contains("987"))
        // A new topic file is a change too.
        try "facts: []\n".write(toFile: topics + "/zz_new.yaml", atomically: true, encoding: .utf8)
        #expect(try cache.engine(packDirectory: pack).outcome == .written)
        #expect(try cache.engine(packDirectory: pack).outcome == .read)
    }

    @Test func aDamagedCacheFileIsAMiss() throws {
        let pack = try Self.packCopy(), cacheDir = try Self.tempDir()
        let cache = CompiledPackCache(directory: cacheDir)
        _ = try cache.engine(packDirectory: pack)
        let file = cache.file(for: pack)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(try cache.engine(packDirectory: pack).outcome == .written)
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: file))
        #expect(try cache.engine(packDirectory: pack).outcome == .written)
        try Data().write(to: URL(fileURLWithPath: file))
        #expect(try cache.engine(packDirectory: pack).outcome == .written)
        #expect(try cache.engine(packDirectory: pack).outcome == .read)
    }

    @Test func aFIFOInPlaceOfTheCacheFileDoesNotHang() throws {
        let pack = try Self.packCopy(), cacheDir = try Self.tempDir()
        let cache = CompiledPackCache(directory: cacheDir)
        #expect(mkfifo(cache.file(for: pack), 0o600) == 0)
        // Read as a miss; the write then replaces the FIFO (a rename), and the next start-up reads it.
        #expect(try cache.engine(packDirectory: pack).outcome == .written)
        #expect(try cache.engine(packDirectory: pack).outcome == .read)
    }

    @Test func anUnwritableCacheStillAnswers() throws {
        let pack = try Self.packCopy(), dir = try Self.tempDir()
        // A regular file where the cache directory should be.
        try "x".write(toFile: dir + "/cache", atomically: true, encoding: .utf8)
        let cache = CompiledPackCache(directory: dir + "/cache")
        let (engine, outcome) = try cache.engine(packDirectory: pack)
        guard case .unwritten(let why) = outcome else { Issue.record("expected unwritten, got \(outcome)"); return }
        #expect(why.contains(dir + "/cache"))
        #expect(Self.answer(engine, "How many Japanese tourists visited Viet Nam in 2024?").contains("Japanese"))
    }

    @Test func aPackWithErrorsIsNeverCached() throws {
        let pack = try Self.packCopy(), cacheDir = try Self.tempDir()
        try "facts: [\n".write(toFile: pack + "/topics/broken.yaml", atomically: true, encoding: .utf8)
        let cache = CompiledPackCache(directory: cacheDir)
        #expect(throws: PackError.self) { _ = try cache.engine(packDirectory: pack) }
        #expect(!FileManager.default.fileExists(atPath: cache.file(for: pack)))
    }

    @Test func theCacheDirectoryFollowsTheEnvironment() {
        #expect(CompiledPackCache.defaultDirectory(environment: ["MONDO_CACHE_DIR": "/c", "HOME": "/h"]) == "/c")
        #expect(CompiledPackCache.defaultDirectory(environment: ["MONDO_CACHE_DIR": "", "HOME": "/h"]) == nil)
        #expect(CompiledPackCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/mondo")
        #expect(CompiledPackCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/mondo")
        #expect(CompiledPackCache.defaultDirectory(environment: [:]) == nil)
    }
}

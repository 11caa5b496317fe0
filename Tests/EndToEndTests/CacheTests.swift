import Foundation
import Testing

/// The built binary with the compiled pack cache: the second start-up reads what the first
/// wrote and answers alike; `--no-cache` leaves no file, `XDG_CACHE_HOME` places it; a cache
/// file that is garbage is replaced, not trusted.
@Suite("Compiled pack cache, end to end")
struct CacheTests {
    static let q = "How many Japanese tourists visited Viet Nam in 2024?"

    @Test func secondStartUpReadsTheCache() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["MONDO_CACHE_DIR": dir + "/cache", "MONDO_TIMING": "1", "MONDO_PACK": Mondo.fixture("mini")]
        let first = try Mondo.run(["-c", Self.q], environment: env)
        let second = try Mondo.run(["-c", Self.q], environment: env)
        #expect(first.stderr.contains("compiled, cache written"))
        #expect(second.stderr.contains("read from the cache"))
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")
        #expect(files.count == 1 && files[0].hasSuffix(".mondoc"))
        // Garbage in the cache file: recompiled and rewritten, same answer.
        try Data("not a compiled pack".utf8).write(to: URL(fileURLWithPath: dir + "/cache/" + files[0]))
        let third = try Mondo.run(["-c", Self.q], environment: env)
        #expect(third.stderr.contains("compiled, cache written"))
        #expect(third.stdout == first.stdout)
    }

    @Test func noCacheWritesNothingAndXDGCacheHomeIsUsed() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r1 = try Mondo.run(["--no-cache", "-c", Self.q], environment: ["MONDO_CACHE_DIR": dir + "/a", "MONDO_PACK": Mondo.fixture("mini")])
        let r2 = try Mondo.run(["-c", Self.q], environment: ["XDG_CACHE_HOME": dir + "/b", "MONDO_PACK": Mondo.fixture("mini")])
        #expect(r1.stdout == r2.stdout && r1.stdout.contains("Japanese"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/a"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/b/mondo").count == 1)
    }
}

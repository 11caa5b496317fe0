import Testing
@testable import MondoCore

/// The spelling index finds every pack word within the corrector's edit limit, as a scan of
/// the whole vocabulary would.
@Suite("Spelling index")
struct SpellingIndexTests {
    static func entries(_ words: [String]) -> [(word: String, bytes: [UInt8])] { words.map { ($0, Array($0.utf8)) } }

    @Test func findsDoubledAndDroppedLetters() {
        let index = SpellingIndex(words: Self.entries(["tokuyama", "william", "conquer", "hastings"]))
        func found(_ typed: String, _ limit: Int) -> Set<String> {
            Set(index.candidates(Array(typed.utf8), limit: limit).map { index.words[Int($0)].word })
        }
        #expect(found("tokuyamma", 2).contains("tokuyama"))
        #expect(found("wiliam", 1).contains("william"))
        #expect(found("conqure", 1).contains("conquer"), "a transposition is one edit")
        #expect(found("hastigns", 2).contains("hastings"))
        #expect(!found("zzzzzz", 1).contains("william"))
    }

    /// Random words and random edits: everything within the limit by byte distance is found.
    @Test func findsEverythingAScanFinds() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcdeilmnorst".utf8)
        func word(_ n: Int) -> [UInt8] { (0..<n).map { _ in letters.randomElement(using: &rng)! } }
        let vocab = Array(Set((0..<400).map { _ in String(decoding: word(Int.random(in: 3...11, using: &rng)), as: UTF8.self) })).sorted()
        let index = SpellingIndex(words: Self.entries(vocab))
        for _ in 0..<300 {
            var typed = Array(vocab.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                switch Int.random(in: 0...3, using: &rng) {
                case 0 where typed.count > 1: typed.remove(at: Int.random(in: 0..<typed.count, using: &rng))
                case 1: typed.insert(letters.randomElement(using: &rng)!, at: Int.random(in: 0...typed.count, using: &rng))
                case 2 where !typed.isEmpty: typed[Int.random(in: 0..<typed.count, using: &rng)] = letters.randomElement(using: &rng)!
                default: if typed.count > 1 { let i = Int.random(in: 0..<(typed.count - 1), using: &rng); typed.swapAt(i, i + 1) }
                }
            }
            guard typed.count >= 4 else { continue }
            let limit = typed.count >= 8 ? 2 : 1
            let scanned = Set(vocab.indices.filter { byteDistance(Array(vocab[$0].utf8), typed, limit: limit) <= limit })
            let found = Set(index.candidates(typed, limit: limit).map(Int.init))
            #expect(scanned.isSubset(of: found), "\(String(decoding: typed, as: UTF8.self)): missed \(scanned.subtracting(found).map { vocab[$0] })")
        }
    }
}

/// The byte distance agrees with the string distance (both only say "more than `limit`" beyond it).
@Suite("Byte distance")
struct ByteDistanceTests {
    @Test func agreesWithTheStringDistance() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcilmnw".utf8)
        for _ in 0..<2000 {
            let x = (0..<Int.random(in: 0...9, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
            let y = (0..<Int.random(in: 0...9, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
            let limit = Int.random(in: 1...2, using: &rng)
            let (sx, sy) = (String(decoding: x, as: UTF8.self), String(decoding: y, as: UTF8.self))
            #expect(min(byteDistance(x, y, limit: limit), limit + 1) == min(editDistance(sx, sy, limit: limit), limit + 1), "\(sx) \(sy)")
        }
        #expect(byteDistance(Array("william".utf8), Array("wiliam".utf8), limit: 1) == 1)
    }
}

@Suite("Spelling index of a pack")
struct PackSpellingTests {
    @Test func thePackCorrectsItsOwnWords() {
        let e = NormansPackTests.engine
        let words = e.index.spelling.words.map(\.word)
        #expect(words.contains("william"))
        let found = e.index.spelling.candidates(Array("wiliam".utf8), limit: 1).map { e.index.spelling.words[Int($0)].word }
        #expect(found.contains("william"), "\(found)")
        #expect(e.analyse("wat yr did wiliam conqure england").tokens.map(\.text).contains("william"))
    }
}

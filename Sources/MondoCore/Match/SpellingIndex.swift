/// The pack's words for spelling correction, indexed by their deletion neighbourhoods
/// (symmetric deletion, as in SymSpell): a word typed with at most `k` edits (insertions,
/// deletions, substitutions, adjacent transpositions) of a pack word shares with it a string
/// obtained by at most `k` deletions from each. Looking a typed word up costs O(L²) hash
/// lookups for a word of L letters, plus one distance per word found, whatever the size of the
/// vocabulary; scanning every word of a similar length grew with the pack.
struct SpellingIndex: Sendable {
    /// The indexed words (ASCII, three letters or more), with their bytes.
    let words: [(word: String, bytes: [UInt8])]
    /// A deletion string → positions in `words` (ascending) of the words it comes from.
    private var byDeletion: [String: [Int32]] = [:]

    /// The deepest neighbourhood a word of `length` bytes needs: typed words of eight letters
    /// or more are corrected within two edits (``Analyzer/correct(_:)``), so pack words of six
    /// or more are indexed two deletions deep, shorter ones one.
    static func depth(forLength length: Int) -> Int { length >= 6 ? 2 : 1 }

    /// Indexes `words`. O(words × L²) time and memory for words of L letters.
    init(words: [(word: String, bytes: [UInt8])]) {
        self.words = words
        for (pos, w) in words.enumerated() {
            let p = Int32(pos)
            Self.neighbourhood(w.bytes, depth: Self.depth(forLength: w.bytes.count)) { key in
                if byDeletion[key]?.last != p { byDeletion[key, default: []].append(p) }
            }
        }
    }

    /// No words.
    init() { words = [] }

    /// Positions in ``words`` of every word within `limit` edits of `typed` (and some further
    /// ones: the caller measures each), in no particular order. `typed` must be ASCII. O(L^limit).
    func candidates(_ typed: [UInt8], limit: Int) -> Set<Int32> {
        var out = Set<Int32>()
        Self.neighbourhood(typed, depth: limit) { key in
            if let p = byDeletion[key] { out.formUnion(p) }
        }
        return out
    }

    /// Calls `body` with `bytes` and every string made by deleting one byte (and, at depth 2,
    /// two bytes) of it; repeated strings may be given again.
    static func neighbourhood(_ bytes: [UInt8], depth: Int, _ body: (String) -> Void) {
        body(String(decoding: bytes, as: UTF8.self))
        guard depth >= 1, !bytes.isEmpty else { return }
        for i in bytes.indices {
            // Deleting one of a run of equal letters gives the same string: once is enough.
            if i > 0, bytes[i] == bytes[i - 1] { continue }
            var one = bytes
            one.remove(at: i)
            body(String(decoding: one, as: UTF8.self))
            guard depth >= 2 else { continue }
            for j in one.indices where j == 0 || one[j] != one[j - 1] {
                var two = one
                two.remove(at: j)
                body(String(decoding: two, as: UTF8.self))
            }
        }
    }
}

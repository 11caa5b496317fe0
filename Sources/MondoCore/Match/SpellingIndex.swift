import Foundation

/// The pack's words for spelling correction, indexed by their deletion neighbourhoods
/// (symmetric deletion, as in SymSpell): a word typed with at most `k` edits (insertions,
/// deletions, substitutions, adjacent transpositions) of a pack word shares with it a string
/// obtained by at most `k` deletions from each. Looking a typed word up costs O(L²) binary
/// searches for a word of L letters, plus one distance per word found, whatever the size of the
/// vocabulary; scanning every word of a similar length grew with the pack.
///
/// The index is two flat arrays (no per-key allocation), so that the compiled pack cache stores
/// and reads it as it is: the 64-bit FNV-1a hashes of every deletion string, sorted, and beside
/// each the position in `words` of a word it comes from. Two strings sharing a hash only bring a
/// word more to measure, never one less.
struct SpellingIndex: Sendable {
    /// The indexed words (ASCII, three letters or more), with their bytes.
    let words: [(word: String, bytes: [UInt8])]
    /// Deletion-string hashes, ascending (a hash appears once per word it comes from).
    private(set) var keys: [UInt64] = []
    /// For each of ``keys``, the position in ``words`` of the word it comes from.
    private(set) var positions: [Int32] = []

    /// The deepest neighbourhood a word of `length` bytes needs: typed words of eight letters
    /// or more are corrected within two edits (``Analyzer/correct(_:)``), so pack words of six
    /// or more are indexed two deletions deep, shorter ones one.
    static func depth(forLength length: Int) -> Int { length >= 6 ? 2 : 1 }

    /// Indexes `words`. O(n log n) time and O(n) memory for the n = words × L² deletion
    /// strings of words of L letters.
    init(words: [(word: String, bytes: [UInt8])]) {
        self.words = words
        var pairs: [(key: UInt64, position: Int32)] = []
        for (pos, w) in words.enumerated() {
            let p = Int32(pos)
            Self.neighbourhood(w.bytes, depth: Self.depth(forLength: w.bytes.count)) { pairs.append(($0, p)) }
        }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        keys.reserveCapacity(pairs.count)
        positions.reserveCapacity(pairs.count)
        for (i, pair) in pairs.enumerated() where i == 0 || pairs[i - 1] != pair {
            keys.append(pair.key)
            positions.append(pair.position)
        }
    }

    /// An index as ``keys`` and ``positions`` stored it (the compiled pack cache); nil when the
    /// arrays do not fit `words` (different lengths, a position out of range).
    init?(words: [(word: String, bytes: [UInt8])], keys: [UInt64], positions: [Int32]) {
        guard keys.count == positions.count, positions.allSatisfy({ $0 >= 0 && Int($0) < words.count }) else { return nil }
        self.words = words
        self.keys = keys
        self.positions = positions
    }

    /// No words.
    init() { words = [] }

    /// Positions in ``words`` of every word within `limit` edits of `typed` (and some further
    /// ones: the caller measures each), in no particular order. O(L^limit × log n).
    func candidates(_ typed: [UInt8], limit: Int) -> Set<Int32> {
        var out = Set<Int32>()
        Self.neighbourhood(typed, depth: limit) { key in
            // The first position of `key` in the sorted keys (binary search), then every equal one.
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            while lo < keys.count, keys[lo] == key { out.insert(positions[lo]); lo += 1 }
        }
        return out
    }

    /// Calls `body` with the hash of `bytes` and of every string made by deleting one byte (and,
    /// at depth 2, two bytes) of it; a repeated string may be given again. Allocates nothing.
    static func neighbourhood(_ bytes: [UInt8], depth: Int, _ body: (UInt64) -> Void) {
        let n = bytes.count
        body(hash(bytes, skipping: -1, -1))
        guard depth >= 1, n > 0 else { return }
        for i in 0..<n {
            // Deleting one of a run of equal letters gives the same string: once is enough.
            if i > 0, bytes[i] == bytes[i - 1] { continue }
            body(hash(bytes, skipping: i, -1))
            guard depth >= 2 else { continue }
            for j in (i + 1)..<max(i + 1, n) {
                // The same for the second deletion, among the bytes left after the first.
                if j > i + 1, bytes[j] == bytes[j - 1] { continue }
                if j == i + 1, i > 0, bytes[j] == bytes[i - 1] { continue }
                body(hash(bytes, skipping: i, j))
            }
            // Second deletions before the first one are made when that one comes first.
        }
    }

    /// FNV-1a over `bytes` without the bytes at positions `a` and `b` (-1: none).
    @inline(__always)
    static func hash(_ bytes: [UInt8], skipping a: Int, _ b: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in bytes.indices where k != a && k != b {
            h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3
        }
        return h
    }
}

/// A value made the first time it is asked for, then kept: the spelling index is built only
/// when a question first has a word to correct, not at every start-up. Thread-safe.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// A value already made.
    init(made value: Value) {
        made = value
        make = { value }
    }

    /// The value; the first call makes it (under the lock, so once).
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let v = made { return v }
        let v = make()
        made = v
        return v
    }
}

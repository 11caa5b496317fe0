import Foundation
internal import CStemmer

/// The Snowball English (Porter2) stemmer of libstemmer, made safe to share between threads.
///
/// libstemmer's stemmer object keeps its working buffer inside, so one object must not stem two
/// words at once. This wrapper owns one object behind a lock and remembers every stem it made:
/// a pack and its questions use a few thousand distinct words, so after the pack has loaded
/// nearly every call is one dictionary look-up under the lock. The memo is emptied when it passes
/// ``memoLimit`` words, so a long session of odd input cannot grow it without bound.
final class SnowballStemmer: @unchecked Sendable {
    /// The shared English stemmer, created on first use.
    static let english = SnowballStemmer(algorithm: "english")

    /// Words remembered before the memo is emptied.
    static let memoLimit = 200_000

    private let lock = NSLock()
    private let stemmer: OpaquePointer?
    private var memo: [String: String] = [:]

    /// Creates a stemmer for a libstemmer algorithm name (`english`) over UTF-8 text; if
    /// libstemmer does not know the name, ``stem(_:)`` returns words unchanged.
    init(algorithm: String) {
        stemmer = sb_stemmer_new(algorithm, "UTF_8")
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The Snowball stem of one lowercase word (`notes` → `note`, `names` → `name`).
    /// Thread-safe. O(length of the word) the first time, one hash look-up after.
    func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let s = memo[word] { return s }
        guard let stemmer else { return word }
        var w = word
        let out: String = w.withUTF8 { buf in
            guard let base = buf.baseAddress, let r = sb_stemmer_stem(stemmer, base, Int32(buf.count)) else { return word }
            let n = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: r, count: n), as: UTF8.self)
        }
        if memo.count >= Self.memoLimit { memo.removeAll(keepingCapacity: true) }
        memo[word] = out
        return out
    }
}

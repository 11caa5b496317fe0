import Foundation

/// A word or phrase related to a word typed, with the relation (``WordRelation``).
public struct Relative: Sendable, Hashable {
    /// The related word or phrase, folded, words joined by spaces ("manufacturing plant").
    public var words: String
    /// How it is related to the word typed.
    public var relation: WordRelation
}

/// The lexical relations of English words from WordNet 3.0: synonyms, derived forms, direct
/// hypernyms and hyponyms of each word's most frequent senses. The data is
/// `Resources/wordnet.txt` (written by `scripts/wordnet-relations` from Debian's `wordnet-base`;
/// format in Docs/language-data.md): one sorted line per word, memory-mapped and searched in
/// place, so loading costs nothing and a lookup is O(log n) in the number of words (86,000).
public struct WordRelations: Sendable {
    let data: Data
    /// Offset of the first entry (after the header comments).
    let start: Int

    /// Relations read from `data` in the format of `Resources/wordnet.txt`.
    public init(data: Data) {
        self.data = data
        var s = 0
        data.withUnsafeBytes { (b: UnsafeRawBufferPointer) in
            while s < b.count, b[s] == UInt8(ascii: "#") {
                while s < b.count, b[s] != 0x0A { s += 1 }
                s += 1
            }
        }
        start = min(s, data.count)
    }

    /// No relations at all.
    public static let none = WordRelations(data: Data())

    /// The relations of English, mapped from the MondoCore resource bundle once. A missing
    /// resource is a build defect: the engine then works without relations and says so on stderr.
    public static let english: WordRelations = {
        guard let url = Bundle.module.url(forResource: "wordnet", withExtension: "txt"),
              let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            FileHandle.standardError.write(Data("mondo: the resource wordnet.txt is missing; words a pack does not list get no relatives\n".utf8))
            return .none
        }
        return WordRelations(data: data)
    }()

    /// The relatives of `word` (folded, one word), synonyms first, or [] when WordNet has no line
    /// for it. O(log n + line length).
    public func relatives(of word: String) -> [Relative] {
        lookup(word) { b, from, to in parse(b, from, to) } ?? []
    }

    /// True when the most frequent noun sense of `word` (folded, one word, a dictionary form)
    /// names a person — WordNet's noun.person category ("trader", "monk", "envoy"). O(log n).
    public func namesPerson(_ word: String) -> Bool {
        let mark = Array("@person".utf8)
        return lookup(word) { b, from, to in
            to - from >= mark.count && mark.indices.allSatisfy { b[from + $0] == mark[$0] }
        } ?? false
    }

    /// True when WordNet has a line for `word` (relatives, a category, or both). O(log n).
    public func contains(_ word: String) -> Bool {
        lookup(word) { _, _, _ in true } ?? false
    }

    /// Binary search for the line of `word`; `read` gets the bytes after its tab.
    func lookup<T>(_ word: String, _ read: (UnsafeRawBufferPointer, Int, Int) -> T) -> T? {
        let key = Array(word.utf8)
        guard !key.isEmpty else { return nil }
        return data.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> T? in
            var lo = start, hi = b.count
            while lo < hi {
                var mid = (lo + hi) / 2
                while mid > lo, b[mid - 1] != 0x0A { mid -= 1 }
                var end = mid
                while end < b.count, b[end] != 0x0A { end += 1 }
                var tab = mid
                while tab < end, b[tab] != 0x09 { tab += 1 }
                switch compare(b, mid, tab, key) {
                case .orderedAscending: lo = end + 1
                case .orderedDescending: hi = mid
                case .orderedSame: return read(b, tab + 1, end)
                }
            }
            return nil
        }
    }

    func compare(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int, _ key: [UInt8]) -> ComparisonResult {
        var i = from, k = 0
        while i < to, k < key.count {
            if b[i] != key[k] { return b[i] < key[k] ? .orderedAscending : .orderedDescending }
            i += 1; k += 1
        }
        if i == to && k == key.count { return .orderedSame }
        return i == to ? .orderedAscending : .orderedDescending
    }

    func parse(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> [Relative] {
        guard from < to else { return [] }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        return line.split(separator: " ").compactMap { item in
            let relation: WordRelation
            switch item.first {
            case "=": relation = .synonym
            case "~": relation = .derived
            case "^": relation = .hypernym
            case "v": relation = .hyponym
            default: return nil
            }
            return Relative(words: item.dropFirst().replacingOccurrences(of: "_", with: " "), relation: relation)
        }
    }
}

/// The words a pack knows (its own vocabulary and its lexicon of English), grouped by stem: what
/// a pattern or `exclude` word matches once stemmed ("dams" → stem `dam` → dam, dams).
/// Built once, O(words) stemmer calls; lookups are O(1).
public struct StemFamilies: Sendable {
    let byStem: [String: [String]]

    /// Groups the words `engine`'s pack knows by their stem.
    public init(engine: Engine) {
        var groups: [String: Set<String>] = [:]
        for w in Set(engine.index.vocabulary.keys).union(engine.pack.lexicon) where w.allSatisfy(\.isLetter) {
            groups[Stemmer.stem(w), default: []].insert(w)
        }
        byStem = groups.mapValues { $0.sorted() }
    }

    /// The known words with stem `stem`, sorted; empty when none.
    public func words(withStem stem: String) -> [String] { byStem[stem] ?? [] }
}

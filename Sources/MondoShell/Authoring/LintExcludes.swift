import MondoCore

extension Lint {
    /// Notes on `exclude` words that block more than they say. Exclude terms are compared by
    /// stem, like every pattern term, so `exclude: [dams]` also blocks "dam". A single written word
    /// that is not a base form (its stem, or its stem plus "e": `trade` → `trad`) is reported with
    /// every other word of the pack's vocabulary and lexicon sharing the stem ("met" → meet,
    /// meeting …), unless the intent's excludes already list all of them (which says the author
    /// means them).
    /// - Complexity: one pass over the pack's words to group them by stem, then O(exclude terms).
    public static func excludeNotes(_ engine: Engine) -> [Diagnostic] {
        let pack = engine.pack
        let families = StemFamilies(engine: engine)
        let src = Authoring.SourceLines()
        var out: [Diagnostic] = []
        for intent in pack.intents {
            let writtenWords = Set(intent.exclude.flatMap { Normalizer.tokens(pack.written($0)).map(\.text) })
            var seen = Set<String>()
            for term in intent.exclude {
                guard case .word = term else { continue }
                let toks = Normalizer.tokens(pack.written(term))
                guard toks.count == 1, let tok = toks.first, tok.number == nil, tok.text != tok.stem,
                      tok.text != tok.stem + "e", seen.insert(tok.stem).inserted else { continue }
                let all = Set(families.words(withStem: tok.stem)).union([tok.text]).sorted()
                guard all.contains(where: { !writtenWords.contains($0) }) else { continue }
                let shown = all.prefix(8).joined(separator: ", ") + (all.count > 8 ? ", …" : "")
                out.append(src.diag(.note, "exclude '\(tok.text)' of '\(intent.id)' matches every word with stem '\(tok.stem)': \(shown); list the other forms too if they are meant, or exclude a longer phrase", at: intent.location))
            }
        }
        return out
    }
}

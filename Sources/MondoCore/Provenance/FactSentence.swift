/// Finds the sentence of a paragraph that holds a fact, for `:source`. Pure.
///
/// Each sentence is scored: the fact's value found in it counts most — its number in any form
/// the ``Normalizer`` reads ("12,400", "3.5 billion", "ten per cent"), a year, month or day
/// of its time, an item of a list, a name (compared folded, so with or without diacritics) —
/// then the words it shares with the fact's label (and a text fact's text), compared by stem.
public enum FactSentence {
    /// The index in `sentences` of the sentence that holds `fact`, or nil when no sentence shares
    /// anything with it.
    /// - Complexity: linear in the length of the sentences.
    public static func index(of fact: Fact, in sentences: [String], language: LanguageData) -> Int? {
        var best: (index: Int, score: Int)?
        let probes = Probes(fact, language: language)
        for (k, s) in sentences.enumerated() {
            let score = probes.score(s, language: language)
            if score > 0, score > (best?.score ?? 0) { best = (k, score) }
        }
        return best?.index
    }

    /// What to look for: numbers, names (folded) and label words (stems).
    struct Probes {
        var numbers: [Double] = []
        var names: [String] = []
        var stems: Set<String> = []

        init(_ fact: Fact, language: LanguageData) {
            var words = fact.label
            switch fact.value {
            case .quantity(let v, let unit): numbers = [v]; words += " " + unit
            case .money(let v, _), .factor(let v): numbers = [v]
            case .percentage(let lo, let hi): numbers = lo == hi ? [lo] : [lo, hi]
            case .rank(let v, let sup, let among): numbers = [Double(v)]; words += " \(sup) \(among)"
            case .date(let t, _): numbers = Self.numbers(of: t)
            case .period(let a, _, let b, _): numbers = Self.numbers(of: a) + Self.numbers(of: b)
            case .list(let items): names = items.map(Fold.text)
            case .person(let n, let role, _): names = [Fold.text(n)]; words += " " + role
            case .organisation(let n, _, _), .place(let n, _): names = [Fold.text(n)]
            case .text(let t): words += " " + t
            }
            if let t = fact.time, numbers.isEmpty { numbers = [Double(t.year)] }
            stems = Set(Normalizer.tokens(words, language: language)
                .filter { $0.number == nil && !language.functionWords.contains($0.text) }.map(\.stem))
        }

        /// The years, month and day a time names (a year before Christ as written: 56, not -55).
        static func numbers(of t: TimeRef) -> [Double] {
            var out = [Double(t.year > 0 ? t.year : 1 - t.year)]
            if let e = t.endYear, e != t.year { out.append(Double(e > 0 ? e : 1 - e)) }
            if let d = t.day { out.append(Double(d)) }
            return out
        }

        func score(_ sentence: String, language: LanguageData) -> Int {
            let tokens = Normalizer.tokens(sentence, language: language)
            var score = 0
            for n in numbers where tokens.contains(where: { t in t.number.map { Self.same($0, n) } ?? false }) { score += 10 }
            // "third-largest": an ordinal word is the number too.
            for n in numbers where tokens.contains(where: { t in t.text.split(separator: "-").contains { language.ordinals[String($0)].map { Double($0) == n } ?? false } }) { score += 10 }
            let folded = Fold.text(sentence)
            for name in names where !name.isEmpty && folded.contains(name) { score += 10 }
            let sentenceStems = Set(tokens.map(\.stem))
            score += stems.intersection(sentenceStems).count
            return score
        }

        /// Equal numbers, allowing for rounding in the document ("about 12,400" of 12,380 is not
        /// equal; "3.5 billion" and 3,500,000,000 are).
        static func same(_ a: Double, _ b: Double) -> Bool {
            abs(a - b) <= max(abs(a), abs(b)) * 1e-9
        }
    }
}

import Foundation

/// The compiled, read-only form of a pack that matching needs: concept lookup tables, the
/// vocabulary for spelling correction, and per-intent weighted vocabularies with IDF weights.
/// Built once per pack load; O(size of pack) time and memory.
public struct PackIndex: Sendable {
    /// Per-intent compiled data, parallel to `pack.intents`.
    public struct CompiledIntent: Sendable {
        /// Entity concepts this intent may be asked about.
        public var scope: SortedStrings
        /// Years and halves the intent can answer for (empty: any).
        public var times: [TimeRef]
        /// Numbers mentioned in its vocabulary (a year written in an example is in scope).
        public var numbers: SortedStrings
        /// Who does what to whom in the intent's examples (``RoleReader``).
        public var roles: [RoleFrame] = []
        /// The same, read from the sentences of its text facts.
        public var factRoles: [RoleFrame] = []
        /// Participants its examples name (matching keys), in any role or none.
        public var participants: SortedStrings = []
        /// The event phases its vocabulary names (a word, or a concept with a term, of the language
        /// data's `event_phases`): a when-question about another phase does not reach it.
        public var phases: Set<EventPhase> = []
        /// Entity concepts its facts name: what its answer can name ("which city fell?" of an
        /// intent whose fact names the city).
        public var factEntities: SortedStrings = []
    }

    /// The pack's language data: function words, stemmer, question words (see ``LanguageData``).
    public let language: LanguageData
    /// Concept terms keyed by their first stem: (stems of the term, folded words of the term, concept).
    var termsByFirst: [String: [(stems: [String], words: [String], concept: String)]] = [:]
    /// Multi-word terms, for fuzzy phrase completion.
    var phrases: [(stems: [String], words: [String], concept: String)] = []
    /// Stem → (phrase position in `phrases`, word offset in the phrase).
    var phraseIndex: [String: [(phrase: Int, offset: Int)]] = [:]
    /// Concept → the concepts that include it (transitively), itself first.
    var closure: [String: [String]] = [:]
    /// Stems that never count.
    var stopStems: Set<String> = []
    /// Folded words of the pack (concept terms, examples, patterns, facts, answers) with counts.
    var vocabulary: [String: Int] = [:]
    /// The pack's lexicon of common English words (``Pack/lexicon``, shared, not copied).
    var lexicon: Set<String> = []
    /// The vocabulary's ASCII words of three letters or more, for the corrector (``SpellingIndex``),
    /// indexed when first needed.
    var spelling: SpellingIndex { lazySpelling.value }
    var lazySpelling = Lazy { SpellingIndex() }
    /// Inverse document frequency of each key over intents.
    var idf: [String: Double] = [:]
    /// Compiled intents, parallel to `pack.intents`.
    public var intents: [CompiledIntent] = []
    /// Entity concepts in the scope of some intent: what the document talks about (a pack also
    /// lists entities it never mentions, so that questions about them are recognised and declined).
    public var knownEntities: Set<String> = []
    /// Entity concepts some intent names in a `source` or `target` slot: they take direction roles.
    public var slotEntities: Set<String> = []
    /// Countries and nationalities by the country they stand for.
    var countryOf: [String: String] = [:]
    /// Intent position by id.
    var position: [String: Int] = [:]
    /// Inverted index: matching key → positions of the intents whose vocabulary has it. The
    /// matcher scores only intents sharing a key with the utterance or the dialogue context.
    var postings: [String: [Int32]] = [:]
    /// Every matching key of the pack, interned: key → small integer.
    var keyIndex: [String: Int] = [:]
    /// Every intent's vocabulary, in one table rather than a dictionary per intent (a dictionary
    /// of 20 keys takes about 600 bytes more, which at 10,000 intents was a third of the memory):
    /// the keys of intent `i` are `vocabKeys[vocabStart[i] ..< vocabStart[i + 1]]`, interned ids
    /// (``keyIndex``) in ascending order, and their weights in (0, 1] are beside them in
    /// `vocabWeights` (require 1.0, cues 0.9, examples 0.8, facts 0.5). See ``weight(intent:id:)``.
    var vocabStart: [Int32] = [0]
    var vocabKeys: [Int32] = []
    var vocabWeights: [Double] = []
    /// Numeric facts with the matching keys that describe them (label, and the examples of the
    /// intents that answer with them first), for comparisons between any two facts.
    var factVocab: [(fact: String, vocab: [String: Double])] = []
    /// The same for facts that carry a date (a date or period value, or a `time`).
    var datedFactVocab: [(fact: String, vocab: [String: Double])] = []
    /// Entity names, person roles and fact-vocabulary postings (``FactLookups``).
    var lookups = FactLookups()

    /// Builds the index for `pack`.
    public init(pack: Pack, policy: ScoringPolicy = .standard) {
        language = pack.language
        for w in language.functionWords { stopStems.insert(language.stemmer.stem(w)) }
        for w in pack.settings.stopwords { for t in Normalizer.tokens(w, language: language) { stopStems.insert(t.stem) } }
        // Concepts and their inclusion closure.
        var parents: [String: [String]] = [:]
        for c in pack.concepts.values {
            for t in c.terms where t.hasPrefix("~") { parents[String(t.dropFirst()), default: []].append(c.name) }
        }
        for name in pack.concepts.keys.sorted() {
            var seen = [name], queue = [name]
            while let n = queue.popLast() {
                for p in parents[n] ?? [] where !seen.contains(p) { seen.append(p); queue.append(p) }
            }
            closure[name] = seen
        }
        for c in pack.concepts.values.sorted(by: { $0.name < $1.name }) {
            for t in c.terms where !t.hasPrefix("~") {
                let toks = Normalizer.tokens(t, language: language)
                guard let first = toks.first else { continue }
                let entry = (stems: toks.map(\.stem), words: toks.map(\.text), concept: c.name)
                termsByFirst[first.stem, default: []].append(entry)
                if toks.count > 1 {
                    for (k, st) in entry.stems.enumerated() { phraseIndex[st, default: []].append((phrases.count, k)) }
                    phrases.append(entry)
                }
                for w in toks.map(\.text) { vocabulary[w, default: 0] += 1 }
            }
        }
        for k in termsByFirst.keys { termsByFirst[k]!.sort { $0.stems.count > $1.stems.count } }
        // Vocabulary from intents and facts.
        // Pack text repeats (fact labels used by several intents): tokenise each text once.
        var tokenCache: [String: [Token]] = [:]
        func tokens(_ text: String) -> [Token] {
            if let t = tokenCache[text] { return t }
            let t = Normalizer.tokens(text, language: language)
            tokenCache[text] = t
            return t
        }
        func addWords(_ text: String) { for t in tokens(text) where t.number == nil { vocabulary[t.text, default: 0] += 1 } }
        for f in pack.facts.values { addWords(f.label); addWords(Self.factText(f)) }
        for i in pack.intents { i.examples.forEach(addWords) }
        lexicon = pack.lexicon
        lazySpelling = Self.spellingIndex(of: vocabulary.keys.filter { $0.count >= 3 && $0.utf8.count == $0.count }.sorted())
        // Per-intent vocabularies.
        position = Dictionary(pack.intents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let analyzer = Analyzer(index: self, pack: pack)
        // An intent's examples and fact texts are read by several passes in a row: each is
        // analysed once (the analyzer is fixed from here on, so the result cannot change). The
        // cache is emptied when it holds 4,096 texts, so that a large pack's load does not keep
        // every analysis at once (peak memory).
        var analysisCache: [String: (units: [Unit], entities: [EntityMention])] = [:]
        func analysed(_ text: String) -> (units: [Unit], entities: [EntityMention]) {
            if let a = analysisCache[text] { return a }
            let a = analyzer.unitsAndEntities(tokens(text))
            if analysisCache.count >= 4096 { analysisCache.removeAll(keepingCapacity: true) }
            analysisCache[text] = a
            return a
        }
        // The event phases each concept's terms name.
        var conceptPhases: [String: Set<EventPhase>] = [:]
        for c in pack.concepts.values {
            for t in c.terms where !t.hasPrefix("~") {
                for tok in tokens(t) { for (p, stems) in language.eventPhases where stems.contains(tok.stem) { conceptPhases[c.name, default: []].insert(p) } }
            }
        }
        var compiled: [CompiledIntent] = []
        var vocabs: [[String: Double]] = []
        for i in pack.intents {
            var vocab: [String: Double] = [:]
            var scope = Set<String>(i.entities)
            var numbers = Set<String>()
            func put(_ key: String, _ w: Double) { vocab[key] = max(vocab[key] ?? 0, w) }
            func putTerm(_ t: Term, _ w: Double) {
                switch t {
                case .word(let s): put("w:" + s, w)
                case .phrase(let ss): ss.forEach { put("w:" + $0, w * policy.phraseWordFactor) }
                case .concept(let c):
                    put("c:" + c, w)
                    if pack.concepts[c]?.entityClass != nil { scope.insert(c) }
                }
            }
            var factEntities = Set<String>()
            func putText(_ text: String, _ w: Double, numbersInScope: Bool = false, isFact: Bool = false) {
                let a = analysed(text)
                for u in a.units where !u.isStop {
                    for k in u.keys { put(k, w) }
                    if numbersInScope, let n = u.number { numbers.insert(Normalizer.canonical(n)) }
                }
                for e in a.entities { scope.insert(e.concept); if isFact { factEntities.insert(e.concept) } }
            }
            i.require.flatMap { $0 }.forEach { putTerm($0, policy.requireWeight) }
            i.cues.forEach { putTerm($0, policy.cueWeight) }
            for e in i.entities { put("c:" + e, policy.entityWeight) }
            i.examples.forEach { putText($0, policy.exampleWeight, numbersInScope: true) }
            for t in i.require.flatMap({ $0 }) + i.cues { if case .word(let w) = t, Double(w) != nil { numbers.insert(w) } }
            for f in i.facts.compactMap({ pack.facts[$0] }) {
                putText(f.label, policy.factWeight)
                // What the answer names as its own: a place, organisation or text fact's entities,
                // a person fact's name (not the countries of the role, "Ambassador of X to Y").
                switch f.value {
                case .person(let n, _, _):
                    putText(Self.factText(f), policy.factWeight)
                    for e in analysed(n).entities { factEntities.insert(e.concept) }
                case .place, .organisation, .text: putText(Self.factText(f), policy.factWeight, isFact: true)
                default: putText(Self.factText(f), policy.factWeight)
                }
            }
            // The answer template is never vocabulary: how an answer is worded must not change
            // which intent a question reaches.
            for v in [i.slots["source"], i.slots["target"]].compactMap({ $0 }) { scope.insert(v); slotEntities.insert(v) }
            var times = i.facts.compactMap { pack.facts[$0]?.time }
            if let t = i.slots["time"].flatMap({ TimeRef($0, referenceYear: pack.settings.thisYear) }) { times.append(t) }
            for f in i.facts.compactMap({ pack.facts[$0] }) {
                if case .date(let t, _) = f.value { times.append(t) }
                if case .period(let a, _, let b, _) = f.value { times.append(a); times.append(b) }
            }
            knownEntities.formUnion(scope)
            vocabs.append(vocab)
            var ci = CompiledIntent(scope: SortedStrings(scope), times: times, numbers: SortedStrings(numbers))
            ci.factEntities = SortedStrings(factEntities)
            var participants = Set<String>()
            for e in i.examples {
                let t = tokens(e), read = analysed(e)
                ci.roles += analyzer.roles(t, analysed: read)
                for m in read.entities { participants.insert("c:" + m.concept) }
            }
            // The sentences of its text facts say who did what too ("Anna ordered Ben to …").
            for f in i.facts.compactMap({ pack.facts[$0] }) {
                guard case .text(let body) = f.value else { continue }
                for sentence in body.split(whereSeparator: { ".;:!?".contains($0) }) { ci.factRoles += analyzer.roles(tokens(String(sentence)), analysed: analysed(String(sentence))) }
            }
            for e in i.entities { participants.insert("c:" + e) }
            for k in vocab.keys {
                if k.hasPrefix("w:") { for (p, stems) in language.eventPhases where stems.contains(String(k.dropFirst(2))) { ci.phases.insert(p) } }
                else if k.hasPrefix("c:") { ci.phases.formUnion(conceptPhases[String(k.dropFirst(2))] ?? []) }
            }
            for f in ci.roles { participants.formUnion(f.participant) }
            ci.participants = SortedStrings(participants)
            compiled.append(ci)
        }
        intents = compiled
        for (name, c) in pack.concepts { if let country = c.country { countryOf[name] = country } }
        for (pos, vocab) in vocabs.enumerated() {
            var row: [(id: Int32, weight: Double)] = []
            for (k, w) in vocab {
                postings[k, default: []].append(Int32(pos))
                let id = keyIndex[k] ?? keyIndex.count
                keyIndex[k] = id
                row.append((Int32(id), w))
            }
            row.sort { $0.id < $1.id }
            vocabKeys += row.map(\.id)
            vocabWeights += row.map(\.weight)
            vocabStart.append(Int32(vocabKeys.count))
        }
        // Fact vocabularies: what each numeric fact is called, in the pack's own words.
        var fv: [String: [String: Double]] = [:]
        // Draft facts (`draft: true`, written by `mondo new`) answer only through an intent that
        // names them: they take no part in built-in comparisons and durations.
        for f in pack.facts.values where !f.draft && f.value.number != nil && f.value.unitKey(in: language) != nil {
            var v: [String: Double] = [:]
            for u in analysed(f.label).units where !u.isStop { for k in u.keys { v[k] = policy.factLabelWeight } }
            fv[f.id] = v
        }
        for i in pack.intents where i.compute.isEmpty {
            guard let first = i.facts.first, fv[first] != nil, i.facts.filter({ fv[$0] != nil }).count == 1 else { continue }
            for e in i.examples {
                for u in analysed(e).units where !u.isStop { for k in u.keys where fv[first]![k] == nil { fv[first]![k] = policy.factExampleWeight } }
            }
        }
        factVocab = fv.keys.sorted().map { ($0, fv[$0]!) }
        // Dated facts: what each is called (its label), and the examples of the intents that
        // answer with it, so that "between the treaty and Hastings" can find two of them.
        var dv: [String: [String: Double]] = [:]
        for f in pack.facts.values where !f.draft && Self.when(f) != nil {
            var v: [String: Double] = [:]
            for u in analysed(f.label).units where !u.isStop { for k in u.keys { v[k] = policy.factLabelWeight } }
            dv[f.id] = v
        }
        for i in pack.intents where i.compute.isEmpty {
            for d in i.facts where dv[d] != nil {
                for e in i.examples {
                    for u in analysed(e).units where !u.isStop { for k in u.keys where dv[d]![k] == nil { dv[d]![k] = policy.factExampleWeight } }
                }
            }
        }
        datedFactVocab = dv.keys.sorted().map { ($0, dv[$0]!) }
        var df: [String: Int] = [:]
        for v in vocabs { for k in v.keys { df[k, default: 0] += 1 } }
        let n = Double(max(1, compiled.count))
        for (k, d) in df { idf[k] = log((n + 1) / (Double(d) + 0.5)) }
        lookups = FactLookups(pack: pack, factVocab: factVocab, datedFactVocab: datedFactVocab)
    }

    /// The spelling index of `words`, built when first needed.
    static func spellingIndex(of words: [String]) -> Lazy<SpellingIndex> {
        Lazy { SpellingIndex(words: words.map { ($0, Array($0.utf8)) }) }
    }

    /// The words of a fact's value, for vocabulary (names, list items, text).
    static func factText(_ f: Fact) -> String {
        switch f.value {
        case .list(let items): return items.joined(separator: " , ")
        case .person(let n, let r, _): return n + " " + r
        case .organisation(let n, let k, let r): return [n, k ?? "", r ?? ""].joined(separator: " ")
        case .place(let n, let k): return n + " " + (k ?? "")
        case .text(let t): return t
        case .rank(_, let s, let a): return s + " " + a
        default: return ""
        }
    }

    /// The weight of interned key `id` in the vocabulary of the intent at `intent`, or nil when it
    /// has none. O(log k) for an intent of k keys (a binary search of its row).
    @inline(__always)
    func weight(intent: Int, id: Int) -> Double? {
        var lo = Int(vocabStart[intent]), hi = Int(vocabStart[intent + 1])
        let key = Int32(truncatingIfNeeded: id)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let k = vocabKeys[mid]
            if k == key { return vocabWeights[mid] }
            if k < key { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The weight of matching key `key` in the vocabulary of the intent at `intent`, or nil. O(log k).
    func weight(intent: Int, key: String) -> Double? {
        keyIndex[key].flatMap { weight(intent: intent, id: $0) }
    }

    /// True for a word the corrector leaves alone: a word of the pack's vocabulary or lexicon, a
    /// function word, or a word of the language's opposites. O(1).
    func knows(_ w: String) -> Bool {
        vocabulary[w] != nil || lexicon.contains(w) || language.functionWords.contains(w) || language.oppositeWords.contains(w)
    }

    /// Weight of a unit's most informative known key, or nil when no intent knows any of its keys.
    func weight(_ u: Unit) -> Double? {
        u.keys.compactMap { idf[$0] }.max()
    }

    /// The value an entity gives a direction slot: a country or nationality gives its country
    /// (`french` → `france`); any other entity some intent names in a slot gives itself; others
    /// take no role. O(1).
    public func slotValue(_ concept: String) -> String? {
        countryOf[concept] ?? (slotEntities.contains(concept) ? concept : nil)
    }

    /// When a fact happened: a date's time, a period's start, or the fact's `time`.
    static func when(_ f: Fact) -> TimeRef? {
        switch f.value {
        case .date(let t, _): return t
        case .period(let from, _, _, _): return from
        default: return f.time
        }
    }
}

/// Turns an utterance into an ``Analysis``: tokens, spelling corrections, concept units, question
/// kind, entities with direction roles, times, asserted ranks and numbers.
/// Linear in the utterance length (times the small number of concept terms sharing a first stem).
public struct Analyzer: Sendable {
    let index: PackIndex
    let concepts: [String: Concept]
    let timeExpressions: TimeExpressions
    let roleReader: RoleReader
    let relations: WordRelations

    /// Creates an analyser over a compiled pack, with the lexical relations of `relations` for
    /// words the pack never lists.
    public init(index: PackIndex, pack: Pack, relations: WordRelations = .english) {
        self.index = index
        self.relations = relations
        self.concepts = pack.concepts
        self.timeExpressions = TimeExpressions(thisYear: pack.settings.thisYear, language: index.language)
        self.roleReader = RoleReader(language: index.language)
    }

    /// The pack's language data (question words, fillers, pronouns, ordinals, stemmer).
    var language: LanguageData { index.language }

    /// The units and entities of pack text (examples, fact text, answers): what the index needs,
    /// without spelling correction, kinds or times.
    func unitsAndEntities(_ tokens: [Token]) -> (units: [Unit], entities: [EntityMention]) {
        let units = self.units(tokens, fuzzy: false)
        return (units, entities(units, words: tokens.map(\.text)).0)
    }

    /// The role frames of pack text (an intent's examples, a fact's sentences).
    func roles(_ tokens: [Token]) -> [RoleFrame] {
        roles(tokens, analysed: unitsAndEntities(tokens))
    }

    /// The same, given what ``unitsAndEntities(_:)`` gave for `tokens`.
    func roles(_ tokens: [Token], analysed: (units: [Unit], entities: [EntityMention])) -> [RoleFrame] {
        roleReader.frames(analysed.units, tokens: tokens, entities: analysed.entities)
    }

    /// Analyses `utterance`. With `correct`, unknown words are corrected against the pack's vocabulary.
    public func analyse(_ utterance: String, correct: Bool = true) -> Analysis {
        var tokens = Normalizer.tokens(utterance, language: language)
        var corrections: [(String, String)] = []
        if correct {
            corrections = splitRunTogether(&tokens)
            corrections += self.correct(&tokens)
        }
        var units = self.units(tokens, fuzzy: correct)
        relate(&units)
        let words = tokens.map(\.text)
        let kind = Self.kind(words, language: language)
        let (entities, reverse) = self.entities(units, words: words)
        let (times, timeWords) = timeExpressions.find(tokens)
        // Words that only name an era ("century", "bc", "ago") count neither for nor against.
        if !timeWords.isEmpty {
            for k in units.indices where units[k].length == 1 && units[k].concepts.isEmpty && timeWords.contains(units[k].start) { units[k].isStop = true }
        }
        // A kind noun right after "which"/"what" ("in which decade") gives the kind: when the pack
        // never uses the word, it neither counts for nor against.
        for k in units.indices where k > 0 && units[k].length == 1 && units[k].concepts.isEmpty
            && ["which", "what"].contains(units[k - 1].text) && language.questionNouns[units[k].text] != nil
            && index.weight(units[k]) == nil { units[k].isStop = true }
        var rank: Int?
        for (i, w) in words.enumerated() {
            if let o = language.ordinals[w], i + 1 < words.count, ["largest", "biggest", "largest", "most", "highest", "top", "place", "rank", "ranked", "spot", "position"].contains(words[i + 1]) || (i > 0 && ["ranked", "ranks", "rank", "the"].contains(words[i - 1]) && o <= 10) {
                rank = o
            } else if rank == nil, language.superlatives.contains(w), !(i > 0 && language.ordinals[words[i - 1]] != nil) {
                if w == "number" { if i + 1 < words.count, words[i + 1] == "1" || words[i + 1] == "one" { rank = 1 } } else { rank = 1 }
            }
        }
        let yearValues = Set(times.compactMap(\.year))
        let numbers = tokens.compactMap { t -> Double? in
            guard let n = t.number else { return nil }
            if let k = Normalizer.wholeNumber(n), yearValues.contains(k) { return nil }
            return n
        }
        let content = units.filter { !$0.isStop }
        // Anaphoric: a pronoun, an elliptical opening ("and …", "what about …") or a reversal.
        var anaphoric = reverse
        if words.first.map({ ["and", "also"].contains($0) }) ?? false { anaphoric = true }
        if words.starts(with: ["what", "about"]) || words.starts(with: ["how", "about"]) { anaphoric = true }
        if words.contains(where: { language.followUpPronouns.contains($0) }) && !words.starts(with: ["are", "there"]) && !words.starts(with: ["is", "there"]) { anaphoric = true }
        let clause = roleReader.read(units, tokens: tokens, entities: entities)
        var a = Analysis(utterance: utterance, tokens: tokens, corrections: corrections, units: units, kind: kind,
                        entities: entities, roles: clause.frames, verbUnit: clause.verb, focusUnit: clause.focus,
                        phases: phases(tokens), times: times, assertedRank: rank, numbers: numbers, reverse: reverse,
                        looksLikeFollowUp: anaphoric || content.count <= 2, isAnaphoric: anaphoric)
        a.countedUnit = countedUnit(a)
        return a
    }

    /// The noun a how-many question counts: the first content unit after "how many" or "number
    /// of" (within two words) that is no entity, no number, no past form and no noun for people,
    /// when the pack knows the word. O(units).
    func countedUnit(_ a: Analysis) -> Int? {
        guard a.kind == .number else { return nil }
        let words = a.tokens.map(\.text)
        guard let at = (0..<max(0, words.count - 1)).first(where: { i in
            language.countPhrases.contains([words[i], words[i + 1]])
        }) else { return nil }
        let entityUnits = Set(a.entities.map(\.unit))
        guard let k = a.units.indices.first(where: { a.units[$0].start >= at + 2 && !a.units[$0].isStop && !entityUnits.contains($0) && a.units[$0].number == nil }),
              a.units[k].start <= at + 3 else { return nil }
        let u = a.units[k]
        // A word no intent knows may be a paraphrase the pack never heard ("outfits" for
        // companies): only a word the pack uses elsewhere tells that something else is counted.
        // People are counted under many names ("guys", "folks", "men", "participants"): a noun
        // for people (WordNet's noun.person) does not tell what else is counted.
        return index.weight(u) != nil && !u.text.hasSuffix("ed") && !namesPerson(u.text) ? k : nil
    }

    /// The event phases named by `tokens` (``Analysis/phases``). O(n).
    func phases(_ tokens: [Token]) -> Set<EventPhase> {
        var out = Set<EventPhase>()
        for (i, t) in tokens.enumerated() {
            // "by the end of 2025", "at the start of the war": a time, not a phase.
            if i > 0, i + 1 < tokens.count, tokens[i - 1].text == "the", tokens[i + 1].text == "of" { continue }
            for (phase, stems) in language.eventPhases where stems.contains(t.stem) { out.insert(phase) }
        }
        return out
    }

    // MARK: - Spelling

    /// Splits a word the pack does not know that is two words of the pack written together
    /// ("newyork" → "new york", when the pack has both words): both parts must
    /// be words of the pack's own text (not merely English), of two letters or more. The split
    /// with the longest first part wins. O(word length) per unknown word.
    func splitRunTogether(_ tokens: inout [Token]) -> [(String, String)] {
        var out: [(String, String)] = []
        var i = 0
        while i < tokens.count {
            let w = tokens[i].text
            if tokens[i].number == nil, w.count >= 5, w.allSatisfy(\.isLetter), !index.knows(w), !isEnglishWord(w) {
                let chars = Array(w)
                for cut in stride(from: chars.count - 2, through: 2, by: -1) {
                    let a = String(chars[..<cut]), b = String(chars[cut...])
                    guard index.vocabulary[a] != nil, index.vocabulary[b] != nil,
                          !language.functionWords.contains(a), !language.functionWords.contains(b) else { continue }
                    var ta = Token(a, stem: language.stemmer.stem(a)), tb = Token(b, stem: language.stemmer.stem(b))
                    ta.correctedFrom = w; tb.correctedFrom = w
                    tokens.replaceSubrange(i...i, with: [ta, tb])
                    out.append((w, a + " " + b))
                    i += 1
                    break
                }
            }
            i += 1
        }
        return out
    }

    /// Replaces unknown words by the nearest pack word: edit distance 1 for words of 4–7 letters,
    /// 2 for longer ones; candidates that keep the first letter win ties, then the more frequent.
    /// Words in the lexicon, words WordNet knows, function words and numbers are never changed.
    func correct(_ tokens: inout [Token]) -> [(String, String)] {
        var out: [(String, String)] = []
        for i in tokens.indices {
            let w = tokens[i].text
            guard tokens[i].number == nil, w.count >= 4, w.allSatisfy(\.isLetter), !index.knows(w) else { continue }
            // A word of English the pack never uses ("tusks") is not a misspelt pack word ("turks").
            if isEnglishWord(w) { continue }
            let limit = w.count >= 8 ? 2 : 1
            var best: (word: String, d: Int, sameFirst: Bool, freq: Int)?
            let wb = Array(w.utf8)
            // The pack words within `limit` edits: those the spelling index reaches (an ASCII
            // word), else all of them (each is measured; the window of lengths is the same).
            let lengths = (w.count - limit)...(w.count + limit)
            let reached: [Int] = wb.allSatisfy { $0 < 0x80 }
                ? index.spelling.candidates(wb, limit: limit).map(Int.init)
                : Array(index.spelling.words.indices)
            for p in reached {
                let (c, cb) = index.spelling.words[p]
                guard lengths.contains(cb.count) else { continue }
                let d = byteDistance(cb, wb, limit: limit)
                guard d <= limit else { continue }
                let cand = (word: c, d: d, sameFirst: c.first == w.first, freq: index.vocabulary[c] ?? 0)
                if let b = best {
                    if (cand.d, cand.sameFirst ? 0 : 1, -cand.freq, cand.word) < (b.d, b.sameFirst ? 0 : 1, -b.freq, b.word) { best = cand }
                } else { best = cand }
            }
            // Function words, for "wich", "wat", "whos".
            if best == nil || best!.d > 1 {
                for c in language.correctedFunctionWords where withinOneEdit(w, c) {
                    best = (c, 1, true, 0); break
                }
            }
            if let b = best {
                out.append((w, b.word))
                var t = Token(b.word, stem: language.stemmer.stem(b.word))
                t.correctedFrom = w
                tokens[i] = t
            }
        }
        return out
    }

    // MARK: - Lexical relations

    /// Gives each content word that no intent knows the pack's keys its WordNet relatives reach
    /// (``Unit/relatives``): "kids" reaches `w:child`, "outlay" the concept whose term is
    /// "spending". Only words of three or more letters that name no concept; relatives that are
    /// stop words or ``LanguageData/generalRelatives`` are skipped. O(words × log n).
    func relate(_ units: inout [Unit]) {
        for k in units.indices {
            let u = units[k]
            guard u.length == 1, u.concepts.isEmpty, !u.isStop, u.number == nil, u.text.count >= 3,
                  u.text.allSatisfy(\.isLetter), index.weight(u) == nil else { continue }
            units[k].relatives = relatedKeys(u.text)
        }
    }

    /// True when `word` (or its first dictionary form WordNet knows) names a person: WordNet's
    /// noun.person category. O(log n).
    func namesPerson(_ word: String) -> Bool {
        language.baseForms(of: word).first(where: relations.contains).map(relations.namesPerson) ?? false
    }

    /// The pack keys that the WordNet relatives of `word` (its first dictionary form WordNet
    /// knows) reach: a concept term with the relative's stems, or the stem of a one-word relative
    /// that some intent uses. At most ``maxRelatives``, best relation first.
    func relatedKeys(_ word: String) -> [RelatedKey] {
        var rels: [Relative] = []
        for base in language.baseForms(of: word) {
            rels = relations.relatives(of: base)
            if !rels.isEmpty { break }
        }
        var out: [RelatedKey] = [], seen = Set<String>()
        for r in rels {
            let stems = r.words.split(separator: " ").map { language.stemmer.stem(String($0)) }
            guard let first = stems.first else { continue }
            if stems.count == 1, index.stopStems.contains(first) || language.generalRelatives.contains(first) { continue }
            var keys: [String] = []
            for entry in index.termsByFirst[first] ?? [] where entry.stems == stems {
                keys += conceptsWithClosure(entry.concept).map { "c:" + $0 }
            }
            if stems.count == 1, index.keyIndex["w:" + first] != nil { keys.append("w:" + first) }
            for key in keys where seen.insert(key).inserted { out.append(RelatedKey(key: key, relation: r.relation, word: r.words)) }
            if out.count >= Self.maxRelatives { break }
        }
        return out
    }

    /// Whether WordNet has a line for `word` or one of its dictionary forms. O(forms × log n).
    func isEnglishWord(_ word: String) -> Bool {
        language.baseForms(of: word).contains { !relations.relatives(of: $0).isEmpty }
    }

    /// The most pack keys one typed word may reach through WordNet.
    static let maxRelatives = 6

    // MARK: - Units and concepts

    func conceptsWithClosure(_ c: String) -> [String] { index.closure[c] ?? [c] }

    /// Whether the concept term `entry` is at position `i`: its stems are the tokens' stems, and a
    /// one-word term is the word itself or an inflection of it (``LanguageData/inflects(_:_:)``).
    /// Snowball also stems across derivations ("operational" and "operates", "monthly" and
    /// "months", "manufacturer" and "manufacturing" share a stem); a pack lists the derived
    /// words it means as terms of their own. O(term length).
    func matches(_ entry: (stems: [String], words: [String], concept: String), at i: Int, _ tokens: [Token], _ stems: [String]) -> Bool {
        let n = entry.stems.count
        guard i + n <= tokens.count, stems[i..<(i + n)].elementsEqual(entry.stems) else { return false }
        return n > 1 || language.inflects(tokens[i].text, entry.words[0])
    }

    func units(_ tokens: [Token], fuzzy: Bool) -> [Unit] {
        var units: [Unit] = []
        var i = 0
        let stems = tokens.map(\.stem)
        while i < tokens.count {
            var best: (len: Int, concepts: [String])?
            for entry in index.termsByFirst[stems[i]] ?? [] where matches(entry, at: i, tokens, stems) {
                let n = entry.stems.count
                if best == nil || n > best!.len { best = (n, conceptsWithClosure(entry.concept)) }
                else if n == best!.len { best!.concepts += conceptsWithClosure(entry.concept) }
            }
            // Fuzzy phrase completion: one word of a multi-word term may be off by one letter.
            if fuzzy, best == nil || best!.len == 1 {
                // Phrases with some word matching exactly at its place, starting here.
                var seen = Set<Int>()
                var cands: [Int] = []
                for k in 0..<3 where i + k < tokens.count {
                    for (p, off) in index.phraseIndex[stems[i + k]] ?? [] where off == k && seen.insert(p).inserted { cands.append(p) }
                }
                for entry in cands.map({ index.phrases[$0] }) where entry.stems.count > (best?.len ?? 0) && i + entry.stems.count <= tokens.count {
                    var misses = 0, ok = true
                    for (k, s) in entry.stems.enumerated() where stems[i + k] != s {
                        let typed = tokens[i + k].text, want = entry.words[k]
                        if misses == 0, typed.count >= 3, want.count >= 3, tokens[i + k].number == nil,
                           withinOneEdit(typed, want), !(index.stopStems.contains(tokens[i + k].stem)) { misses += 1 }
                        else { ok = false; break }
                    }
                    if ok, misses == 1, stems[i] == entry.stems[0] || entry.stems.count > 2 {
                        best = (entry.stems.count, conceptsWithClosure(entry.concept))
                    }
                }
            }
            // "more than 700,000", "less than 10%": a qualifier of the number, not a concept.
            if best != nil, best!.len == 1, ["more", "less", "fewer", "over", "under", "exceed", "exceeded", "exceeds", "above", "below", "surpass", "surpassed", "top", "topped"].contains(tokens[i].text),
               (i + 1 < tokens.count && tokens[i + 1].number != nil) || (i + 2 < tokens.count && tokens[i + 1].text == "than" && tokens[i + 2].number != nil) {
                best = nil
            }
            // …and the number after such a qualifier is a threshold, not the figure it may name
            // elsewhere ("over a million" is not the one-million target).
            if best != nil, tokens[i].number != nil, i > 0,
               ["over", "than", "above", "below", "under"].contains(tokens[i - 1].text) {
                best = nil
            }
            if best != nil, tokens[i].text == "than", i > 0, ["more", "less", "fewer"].contains(tokens[i - 1].text),
               i + 1 < tokens.count, tokens[i + 1].number != nil {
                best = nil
            }
            if let b = best {
                var seen = Set<String>()
                let cs = b.concepts.filter { seen.insert($0).inserted }
                var inner: [String] = []
                // Shorter terms inside a phrase keep their concepts too.
                if b.len > 1 {
                    for s in i..<(i + b.len) {
                        for entry in index.termsByFirst[stems[s]] ?? [] where matches(entry, at: s, tokens, stems) {
                            let n = entry.stems.count
                            guard s + n <= i + b.len, n < b.len else { continue }
                            for c in conceptsWithClosure(entry.concept) where seen.insert(c).inserted { inner.append(c) }
                        }
                    }
                }
                let text = tokens[i..<(i + b.len)].map(\.text).joined(separator: " ")
                var unit = Unit(start: i, length: b.len, text: text, stem: b.len == 1 ? stems[i] : nil,
                                concepts: cs, number: b.len == 1 ? tokens[i].number : nil,
                                isStop: b.len == 1 && index.stopStems.contains(stems[i]))
                unit.innerConcepts = inner
                unit.stems = Array(stems[i..<(i + b.len)]).filter { !index.stopStems.contains($0) }
                units.append(unit)
                i += b.len
            } else {
                let t = tokens[i]
                var unit = Unit(start: i, length: 1, text: t.text, stem: t.stem, concepts: [], number: t.number,
                                isStop: index.stopStems.contains(t.stem))
                unit.stems = [t.stem]
                units.append(unit)
                i += 1
            }
        }
        return units
    }

    // MARK: - Question kind

    /// Detects the kind from the question words of `language`: number phrases ("how many",
    /// "how much", "what percentage", "number of") anywhere win; then the first question word or
    /// phrase ("how come" is why), where a noun after "what"/"which" may decide ("what year" is
    /// when); then an auxiliary verb at the start makes a yes/no question; anything else is `what`.
    /// Filler openings ("could you tell me") are skipped first. O(n) in the number of words.
    static func kind(_ w: [String], language: LanguageData) -> QuestionKind {
        var words = w
        // Strip polite openings ("could you tell me", "do you know") before judging.
        var changed = true
        while changed {
            changed = false
            for f in language.fillerOpenings where words.starts(with: f) && words.count > f.count { words.removeFirst(f.count); changed = true }
        }
        if zip(words, words.dropFirst()).contains(where: { language.numberPhrases.contains([$0, $1]) })
            || zip(words, words.dropFirst()).contains(where: { $0 == "which" && $1 == "place" }) && words.contains("rank") { return .number }
        for i in words.indices {
            guard let phrase = language.questionWords[words[i]]?.first(where: { words[i...].starts(with: $0.words) }) else { continue }
            switch phrase.kind {
            case .whereKind:
                // "where does Japan rank among investors?" asks for a position, not a place.
                if words[i...].contains(where: { language.rankWords.contains($0) }) { return .number }
                return .whereKind
            case .what:
                // "what year", "which city"; one word may stand before a place or person noun
                // ("which coastal city", "what foreign leader"; but "what full-year growth").
                let next = i + phrase.words.count < words.count ? words[i + phrase.words.count] : ""
                let next2 = i + phrase.words.count + 1 < words.count ? words[i + phrase.words.count + 1] : ""
                if let k = language.questionNouns[next] { return k }
                if !language.functionWords.contains(next), let k = language.questionNouns[next2], k == .whereKind || k == .who { return k }
                return .what
            default:
                return phrase.kind
            }
        }
        if let f = words.first, language.yesNoOpenings.contains(f) { return .yesno }
        return .what
    }

    // MARK: - Entities and roles



    /// Entities named in the utterance, with direction roles for the entities that fill direction
    /// slots (countries and nationalities, and any entity some intent names in a `source` or
    /// `target` slot): a preposition before one decides (`from`, `by` → source; `to`, `in`,
    /// `into`, after `visit` → target); a nationality is the source ("French visitors"); a bare
    /// entity takes the role left free, or with a receiving verb ("Spain received …") the target.
    func entities(_ units: [Unit], words: [String]) -> ([EntityMention], Bool) {
        var out: [EntityMention] = []
        let between = units.contains { $0.text == "between" || $0.text == "both" }
        for (ui, u) in units.enumerated() {
            for c in u.concepts {
                guard let concept = concepts[c], let cls = concept.entityClass else { continue }
                var role: String?
                if index.slotValue(c) != nil && !between {
                    var j = ui - 1
                    while j >= 0, ["the", "a"].contains(units[j].text) { j -= 1 }
                    // The last word of the previous unit ("went to" ends in "to").
                    let prev = j >= 0 ? String(units[j].text.split(separator: " ").last ?? "") : ""
                    let next = ui + 1 < units.count ? units[ui + 1].text : ""
                    if cls == "nationality" {
                        role = language.towardWords.contains(prev) && language.placeNouns.contains(next) ? "target" : "source"
                    } else if language.fromWords.contains(prev) {
                        role = "source"
                    } else if language.towardWords.contains(prev) {
                        role = "target"
                    }
                }
                var m = EntityMention(concept: c, entityClass: cls, role: role, unit: ui)
                if cls == "nationality", role == "source" { m.roleIsExplicit = false }
                out.append(m)
            }
        }
        let isCountry = { (m: EntityMention) in self.index.slotValue(m.concept) != nil }
        let bare = out.indices.filter { isCountry(out[$0]) && out[$0].role == nil && !between }
        if !bare.isEmpty {
            let receiving = words.contains { language.receiveVerbs.contains($0) }
            let taken = Set(out.compactMap { isCountry($0) ? $0.role : nil })
            if receiving {
                // "How many visitors did France receive from Japan?": the bare subject receives.
                for b in bare { out[b].role = taken.contains("target") ? "source" : "target" }
            } else if taken.count == 1 {
                let free = taken.contains("source") ? "target" : "source"
                let takenCountry = out.first { isCountry($0) && $0.role != nil }.flatMap { index.slotValue($0.concept) }
                for b in bare where index.slotValue(out[b].concept) != takenCountry { out[b].role = free }
            } else if taken.isEmpty, bare.count == 2,
                      index.slotValue(out[bare[0]].concept) != index.slotValue(out[bare[1]].concept) {
                out[bare[0]].role = "source"; out[bare[1]].role = "target"
            }
        }
        let reverse = language.reverseMarkers.contains { m in words.indices.contains { words[$0...].starts(with: m) } }
        return (out, reverse)
    }
}

import Foundation

/// The start or the end of an event, as a when-question may ask for one.
public enum EventPhase: String, Sendable, Hashable, CaseIterable {
    case start, end
}

/// The engine's knowledge of English, read from data (`Resources/english.yaml`, extended by a
/// pack's `language.yaml`): function words, filler openings, question words, number and month
/// words, contractions, irregular forms, counting units. See Docs/language-data.md.
///
/// The normaliser, the analyser and the pack index read these tables from the value they are
/// given; ``english`` is the default, loaded once from the MondoCore resource bundle.
public struct LanguageData: Sendable {
    /// The entries as read, kept so that a pack's file can be merged in (``merging(_:)``).
    public private(set) var entries: LanguageEntries

    /// Words that never count for or against a match and are never spelling-corrected.
    public private(set) var functionWords: Set<String> = []
    /// Openings skipped before the question kind is judged ("could you tell me").
    public private(set) var fillerOpenings: [[String]] = []
    /// Question words and phrases by first word, longest first: `how` → [(how come, why), (how, how)].
    public private(set) var questionWords: [String: [(words: [String], kind: QuestionKind)]] = [:]
    /// Nouns after "what"/"which" that give the question another kind (`year` → when).
    public private(set) var questionNouns: [String: QuestionKind] = [:]
    /// Two-word phrases that ask for a number, as "first second" pairs.
    public private(set) var numberPhrases: Set<[String]> = []
    /// Two-word phrases followed by the noun counted ("how many", "number of").
    public private(set) var countPhrases: Set<[String]> = []
    /// Words asking for a position ("where does it rank?" asks for a number).
    public private(set) var rankWords: Set<String> = []
    /// Auxiliary verbs that open a yes/no question.
    public private(set) var yesNoOpenings: Set<String> = []
    /// Pronouns that point at a person ("he", "her"): the person in focus in the dialogue.
    public private(set) var personPronouns: Set<String> = []
    /// Pronouns and pointing words that make a question lean on the previous turn.
    public private(set) var followUpPronouns: Set<String> = []
    /// Counting noun → the category of what it counts (`visitors` → `people`).
    public private(set) var unitCategories: [String: String] = [:]
    /// Words before a number that make it a quantity, not a year ("more than 2000").
    public private(set) var quantityMarkersBefore: Set<String> = []
    /// Words after a number that make it a quantity, not a year ("2000 companies").
    public private(set) var quantityMarkersAfter: Set<String> = []
    /// Contractions and abbreviations → the words they stand for (`whats` → what is).
    public private(set) var expansions: [String: [String]] = [:]
    /// Number words and their values (`twelve` → 12).
    public private(set) var numberWords: [String: Double] = [:]
    /// Scale words and suffixes (`thousand`, `k` → 1000).
    public private(set) var numberScales: [String: Double] = [:]
    /// Ordinal words and their values (`third` → 3).
    public private(set) var ordinals: [String: Int] = [:]
    /// Ordinal values and their words (3 → `third`).
    public private(set) var ordinalNames: [Int: String] = [:]
    /// Month names and abbreviations (`sept` → 9).
    public private(set) var months: [String: Int] = [:]
    /// Superlatives that assert first rank ("the largest investor"; "number" only in "number one").
    public private(set) var superlatives: Set<String> = []
    /// Words after which a country is the target of a direction ("to", "in", "visiting").
    public private(set) var towardWords: Set<String> = []
    /// Words after which a country is the source of a direction ("from", "by").
    public private(set) var fromWords: Set<String> = []
    /// Phrases that reverse the direction of the previous question ("the other way round").
    public private(set) var reverseMarkers: [[String]] = []
    /// Nouns of places: a nationality after a toward word and before one is the target's ("to Japanese cities").
    public private(set) var placeNouns: Set<String> = []
    /// Verbs whose subject receives ("France received …" makes a bare country the target).
    public private(set) var receiveVerbs: Set<String> = []
    /// Words that make an answer deny rather than confirm ("not", "failed"): with one of them, a
    /// yes/no question gets no automatic "Yes".
    public private(set) var negativeWords: Set<String> = []
    /// Words before a number of three or more digits that make it a year ("in 1347", "c. 1300").
    public private(set) var yearPrepositions: Set<String> = []
    /// Words after a number that make it a count of time or a rate, not a year ("2 years", "5 per").
    public private(set) var countedAfterNumbers: Set<String> = []
    /// Words before a year that make it approximate ("circa 1300", "around 1300").
    public private(set) var approximateWords: Set<String> = []
    /// Era words after a year before Christ ("44 BC") and around a year of our era ("AD 79").
    public private(set) var beforeChrist: Set<String> = []
    public private(set) var annoDomini: Set<String> = []
    /// Opposite words by stem (`east` → [`west`]): a question's word whose opposite the answer
    /// uses instead ("western" asked, "eastern" answered) is a near miss.
    public private(set) var opposites: [String: Set<String>] = [:]
    /// The words of ``opposites`` as written: real words the spelling corrector leaves alone
    /// (never "southern" → "northern").
    public private(set) var oppositeWords: Set<String> = []
    /// Verbs after which "more than" intensifies rather than compares ("more than doubled"), by stem.
    public private(set) var intensifiedVerbs: Set<String> = []
    /// Endings that make an inflection of a word ("s", "ed", "ing"), for ``inflects(_:_:)``.
    public private(set) var inflectionalEndings: [String] = []
    /// True when every ending is ASCII, so ``bases(_:)`` may compare bytes.
    private var endingsAreASCII = true
    /// Stems of words for the start and the end of an event (`event_phases`), by phase.
    public private(set) var eventPhases: [EventPhase: Set<String>] = [:]
    /// Function words a misspelt word may be when no pack word is within one edit ("wich" →
    /// "which"), in the order tried (`corrected_function_words`).
    public private(set) var correctedFunctionWords: [String] = []
    /// Nouns that say nothing of what a which/what question asks for ("which kind of …").
    public private(set) var genericNouns: Set<String> = []
    /// Nouns that stand for a person ("poet", "ruler"): with the titles of ``roleWords`` and the
    /// who-nouns of ``questionNouns``, a which/what question with one asks for a person.
    public private(set) var personNouns: Set<String> = []
    /// Stems of ``personNouns`` and of the `roles` titles, for plurals ("judges", "kings").
    public private(set) var personNounStems: Set<String> = []
    /// Phrases that make a question a summary question ("sum up", "in a nutshell").
    public private(set) var summaryMarkers: [[String]] = []
    /// Verbs of "what does he say about …" summary questions.
    public private(set) var summaryVerbs: Set<String> = []
    /// Words that make a question about two entities one question ("between", "combined", "more").
    public private(set) var comparisonWords: Set<String> = []
    /// Words that read who did what to whom in a question (see ``RoleReader``).
    public private(set) var roleWords = RoleWords()
    /// Endings that an inflected word drops to give its dictionary form, in the order tried, with
    /// what replaces them ("ies" → "y", "ing" → "e"): how a typed word is looked up in WordNet.
    public private(set) var baseFormEndings: [(ending: String, replacement: String)] = []
    /// Words too general to stand for a word typed ("do", "thing", "act"): WordNet relatives
    /// that are never used, by stem.
    public private(set) var generalRelatives: Set<String> = []
    /// Words that open a noun phrase ("the", "its"): after "and", they start a second phrase.
    public private(set) var determiners: Set<String> = []
    /// Words after which a `.` ends no sentence ("mr", "st", "c"), folded, without the dot
    /// (``Sentences``).
    public private(set) var sentenceAbbreviations: Set<String> = []
    /// Words and signs that name a currency, with its code ("dollars" → `USD`, "€" → `EUR`),
    /// for the draft facts of `mondo new`.
    public private(set) var currencyWords: [String: String] = [:]
    /// Words that make a number a percentage ("percent", "per cent", "%").
    public private(set) var percentWords: [String] = []
    /// Lowercase words that may stand inside a proper name ("Duke of Wellington", "Charles de Gaulle").
    public private(set) var nameConnectors: Set<String> = []
    /// The stemmer, with this language's irregular forms.
    public private(set) var stemmer = Stemmer(irregularForms: [:])

    /// Builds the tables from checked entries (see ``LanguageFile`` for reading them from YAML).
    public init(entries: LanguageEntries) {
        self.entries = entries
        let e = entries
        functionWords = Set(e.list("function_words"))
        fillerOpenings = e.list("filler_openings").map(Self.words)
        for (kindName, phrases) in e.group("question_words") {
            guard let kind = QuestionKind(name: kindName) else { continue }
            for p in phrases {
                let w = Self.words(p)
                if let first = w.first { questionWords[first, default: []].append((w, kind)) }
            }
        }
        for k in questionWords.keys { questionWords[k]!.sort { $0.words.count > $1.words.count } }
        for (kindName, nouns) in e.group("question_nouns") {
            guard let kind = QuestionKind(name: kindName) else { continue }
            for n in nouns { questionNouns[n] = kind }
        }
        numberPhrases = Set(e.list("number_phrases").map(Self.words))
        countPhrases = Set(e.list("count_phrases").map(Self.words))
        rankWords = Set(e.list("rank_words"))
        yesNoOpenings = Set(e.list("yes_no_openings"))
        followUpPronouns = Set(e.list("follow_up_pronouns"))
        personPronouns = Set(e.list("person_pronouns"))
        for (category, units) in e.group("unit_categories") { for u in units { unitCategories[u] = category } }
        quantityMarkersBefore = Set(e.group("quantity_markers")["before"] ?? [])
        quantityMarkersAfter = Set(e.group("quantity_markers")["after"] ?? [])
        for key in ["contractions", "abbreviations"] {
            for (w, meaning) in e.map(key) { expansions[w] = Self.words(meaning) }
        }
        numberWords = e.map("number_words").compactMapValues(Double.init)
        numberScales = e.map("number_scales").compactMapValues(Double.init)
        ordinals = e.map("ordinals").compactMapValues { Int($0) }
        ordinalNames = Dictionary(ordinals.map { ($1, $0) }, uniquingKeysWith: { a, b in a.count <= b.count ? a : b })
        months = e.map("months").compactMapValues { Int($0) }
        superlatives = Set(e.list("superlatives"))
        towardWords = Set(e.group("direction_words")["toward"] ?? [])
        fromWords = Set(e.group("direction_words")["from"] ?? [])
        reverseMarkers = e.list("reverse_markers").map(Self.words)
        placeNouns = Set(e.list("place_nouns"))
        receiveVerbs = Set(e.list("receive_verbs"))
        stemmer = Stemmer(irregularForms: e.map("irregular_forms"))
        inflectionalEndings = e.list("inflectional_endings").sorted { $0.count > $1.count }
        endingsAreASCII = inflectionalEndings.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        let time = e.group("time_words")
        yearPrepositions = Set(time["year_prepositions"] ?? [])
        countedAfterNumbers = Set(time["counted_after"] ?? [])
        approximateWords = Set(time["approximate"] ?? [])
        beforeChrist = Set(time["before_christ"] ?? [])
        annoDomini = Set(time["anno_domini"] ?? [])
        negativeWords = Set(e.list("negative_words"))
        for pair in e.list("opposites").map(Self.words) where pair.count == 2 {
            oppositeWords.formUnion(pair)
            let (x, y) = (stemmer.stem(pair[0]), stemmer.stem(pair[1]))
            opposites[x, default: []].insert(y)
            opposites[y, default: []].insert(x)
        }
        intensifiedVerbs = Set(e.list("intensified_verbs").map { stemmer.stem($0) })
        for (name, ws) in e.group("event_phases") {
            if let phase = EventPhase(rawValue: name) { eventPhases[phase] = Set(ws.map { stemmer.stem($0) }) }
        }
        genericNouns = Set(e.list("generic_nouns"))
        correctedFunctionWords = e.list("corrected_function_words")
        comparisonWords = Set(e.list("comparison_words"))
        summaryMarkers = (e.group("summary")["markers"] ?? []).map(Self.words).sorted { $0.count > $1.count }
        summaryVerbs = Set(e.group("summary")["verbs"] ?? [])
        personNouns = Set(e.list("person_nouns"))
        let r = e.group("roles")
        roleWords = RoleWords(activeAuxiliaries: Set(r["active_auxiliaries"] ?? []), beAuxiliaries: Set(r["be_auxiliaries"] ?? []),
                              titles: Set(r["titles"] ?? []), adverbs: Set(r["adverbs"] ?? []),
                              symmetricWords: Set((r["symmetric"] ?? []).map { stemmer.stem($0) }),
                              recipientPrepositions: Set(r["recipient_prepositions"] ?? []),
                              agentPrepositions: Set(r["agent_prepositions"] ?? []), clauseBreaks: Set(r["clause_breaks"] ?? []))
        personNounStems = Set((personNouns.union(roleWords.titles)).map { stemmer.stem($0) })
        baseFormEndings = e.list("base_form_endings").map { rule in
            let w = Self.words(rule)
            return (w.first ?? "", w.count > 1 ? w[1] : "")
        }
        generalRelatives = Set(e.list("general_relatives").map { stemmer.stem($0) })
        determiners = Set(e.list("determiners"))
        sentenceAbbreviations = Set(e.list("sentence_abbreviations"))
        currencyWords = e.map("currency_words").mapValues { $0.uppercased() }
        percentWords = e.list("percent_words")
        nameConnectors = Set(e.list("name_connectors"))
    }

    /// The dictionary forms `word` may have, the word itself first: its irregular base, then the
    /// word with each matching ``baseFormEndings`` rule applied ("studies" → "study", "kids" →
    /// "kid", "closing" → "close", "clos"). O(number of rules).
    public func baseForms(of word: String) -> [String] {
        var out = [word]
        if let base = stemmer.irregularForms[word] { out.append(base) }
        for (ending, replacement) in baseFormEndings where word.count > ending.count + 2 && word.hasSuffix(ending) {
            let base = String(word.dropLast(ending.count)) + replacement
            if !out.contains(base) { out.append(base) }
        }
        return out
    }

    /// This language with a pack's additions and removals applied (see ``LanguageEntries/merging(_:)``).
    public func merging(_ change: LanguageChange) -> LanguageData {
        LanguageData(entries: entries.merging(change))
    }

    /// The category of a counting unit: `people` for visitors, participants, residents …; the
    /// unit itself (lowercased) when no category lists it. O(1).
    public func unitCategory(_ unit: String) -> String {
        let u = unit.lowercased()
        return unitCategories[u] ?? u
    }

    /// Whether two folded words are one word up to inflection: the same word, or forms of one base
    /// by an irregular form or an inflectional ending (with a final "e" dropped, a consonant
    /// doubled, "y" made "i": plans/planned/planning, study/studies, go/went). Words the stemmer
    /// relates only by derivation are not ("operates"/"operational", "year"/"yearly").
    /// O(number of endings).
    public func inflects(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let bb = bases(b)
        return bases(a).contains(where: bb.contains)
    }

    /// The word, its irregular base, and the words it may inflect.
    /// (A few short strings, possibly repeated: compared by ``inflects(_:_:)`` without hashing.)
    func bases(_ word: String) -> [String] {
        var out = [word]
        if let base = stemmer.irregularForms[word] { out.append(base) }
        if endingsAreASCII, let done = Self.asciiBases(word, endings: inflectionalEndings, into: &out), done {
            return out
        }
        let length = word.count
        for e in inflectionalEndings where length > e.count + 1 && word.hasSuffix(e) {
            let base = String(word.dropLast(e.count))
            out.append(base)
            out.append(base + "e")
            if e.first == "i" { out.append(base + "y") }
            if let last = base.last, base.dropLast().last == last { out.append(String(base.dropLast())) }
        }
        return out
    }

    /// ``bases(_:)`` for an ASCII word and ASCII endings, on bytes (the hot path of matching:
    /// no grapheme breaking). Nil when the word is not ASCII (the caller takes the general path).
    private static func asciiBases(_ word: String, endings: [String], into out: inout [String]) -> Bool? {
        var word = word
        return word.withUTF8 { w -> Bool? in
            guard !w.contains(where: { $0 >= 0x80 }) else { return nil }
            let n = w.count
            for e in endings {
                let k = e.utf8.count
                guard n > k + 1, w[(n - k)...].elementsEqual(e.utf8) else { continue }
                let stem = UnsafeBufferPointer(rebasing: w[..<(n - k)])
                let base = String(decoding: stem, as: UTF8.self)
                out.append(base)
                out.append(base + "e")
                if e.utf8.first == UInt8(ascii: "i") { out.append(base + "y") }
                if stem[stem.count - 1] == stem[stem.count - 2] {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: stem.dropLast()), as: UTF8.self))
                }
            }
            return true
        }
    }

    /// The default English data, read once from the MondoCore resource bundle.
    /// A missing or broken resource is a build defect and stops the program with its diagnostics.
    public static let english: LanguageData = {
        guard let url = Bundle.module.url(forResource: "english", withExtension: "yaml") else {
            fatalError("MondoCore resource english.yaml is missing from \(Bundle.module.bundlePath)")
        }
        do {
            return LanguageData(entries: try LanguageFile.read(path: url.path).additions)
        } catch {
            fatalError("MondoCore resource english.yaml does not load:\n\(error)")
        }
    }()

    static func words(_ phrase: String) -> [String] {
        phrase.split(separator: " ").map(String.init)
    }
}

extension QuestionKind {
    /// The kind named in language data (`when`, `where`, `who`, `why`, `how`, `what`, `number`, `yesno`).
    init?(name: String) {
        self.init(rawValue: name)
    }
}

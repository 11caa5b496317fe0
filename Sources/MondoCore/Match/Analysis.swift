/// A unit of an analysed utterance: one token, or a span of tokens matched by a multi-word
/// concept term ("new york city" → one unit tagged `~nyc`).
public struct Unit: Sendable, Hashable {
    /// Index of the first token of the unit.
    public var start: Int
    /// Number of tokens covered.
    public var length: Int
    /// The folded words of the unit.
    public var text: String
    /// Stem of a single-token unit (phrases have none).
    public var stem: String?
    /// Concepts that tag this unit (with the concepts that include them).
    public var concepts: [String]
    /// Concepts of shorter terms inside a phrase ("go to university" is also ~visit and
    /// ~university). They can satisfy patterns, but never name entities or trigger excludes.
    public var innerConcepts: [String] = []
    /// Stems of all the unit's tokens.
    public var stems: [String] = []
    /// Number value, when the unit is a number.
    public var number: Double?
    /// True for function words and pack stop words, which count neither for nor against a match.
    public var isStop: Bool
    /// For a word no intent knows: the pack's keys reached through WordNet ("kids" → `w:child`),
    /// best relation first. They count at the policy's relation weight (``ScoringPolicy``).
    public var relatives: [RelatedKey] = []

    /// The matching keys of this unit: `w:<stem>` and `c:<concept>`.
    public var keys: [String] {
        var k = (concepts + innerConcepts).map { "c:" + $0 }
        if let stem { k.append("w:" + stem) }
        else { k += stems.map { "w:" + $0 } }
        return k
    }
}

/// A matching key of the pack reached from a question's word through a lexical relation.
public struct RelatedKey: Sendable, Hashable {
    /// The key (`w:<stem>` or `c:<concept>`).
    public var key: String
    /// How the pack's word is related to the word typed.
    public var relation: WordRelation
    /// The pack's word or phrase that gave the key ("child"), for `:why`.
    public var word: String
}

/// A country or nationality named in a question, with the direction role it plays.
public struct EntityMention: Sendable, Hashable {
    /// The entity concept (`france`, `swedish`, `acme`).
    public var concept: String
    /// Its class (`country`, `nationality`, `person`, …).
    public var entityClass: String
    /// For countries and nationalities: `source` ("from France", "French visitors") or `target`
    /// ("to Spain", "in Spain"), when the wording decides it.
    public var role: String?
    /// True when the wording states the role (a preposition, a verb of visiting, a receiving
    /// verb); false when it is only the default reading of a nationality ("French …" as source).
    public var roleIsExplicit: Bool = true
    /// Unit index.
    public var unit: Int
}

/// A time named in a question: a year of any era, a span (decade, century, "1510–12"), a half,
/// a month ("in April"); relative times are resolved against the pack's reference date ("last
/// year" → 2018). Years are astronomical (44 BC is −43).
public struct QuestionTime: Sendable, Hashable, CustomStringConvertible {
    /// The (first) year, or nil for a bare month or half.
    public var year: Int?
    /// Month 1–12.
    public var month: Int?
    /// 1 or 2: the first or second half of the year.
    public var half: Int?
    /// The last year of a span, decade or century.
    public var endYear: Int?
    /// True for "c. 1300", "65 million years ago".
    public var approximate = false
    /// For deep time: years before the reference date.
    public var yearsAgo: Int?
    /// The words it came from ("last year").
    public var words: String

    /// A time with the given parts.
    public init(year: Int?, month: Int? = nil, half: Int? = nil, words: String) {
        self.year = year
        self.month = month
        self.half = half
        self.words = words
    }

    /// The time as a ``TimeRef``, taking `defaultYear` for a bare month or half.
    public func ref(defaultYear: Int) -> TimeRef {
        var q = TimeRef(year: year ?? defaultYear, month: month, half: half)
        if let endYear { q.endYear = endYear; q.precision = .span }
        q.approximate = approximate
        if let yearsAgo { q.yearsAgo = yearsAgo; q.precision = .deepTime }
        return q
    }

    public var description: String {
        var parts: [String] = []
        if let year { parts.append(endYear.map { "\(year)…\($0)" } ?? String(year)) }
        if let half { parts.append("H\(half)") }
        if let month { parts.append("month \(month)") }
        if approximate { parts.append("approximate") }
        return parts.joined(separator: " ") + " (\"\(words)\")"
    }
}

/// Everything the matcher knows about an utterance before scoring, shown by `:why`.
public struct Analysis: Sendable {
    /// The raw utterance.
    public var utterance: String
    /// Normalised tokens (after spelling correction).
    public var tokens: [Token]
    /// Spelling corrections made, as (typed, corrected).
    public var corrections: [(from: String, to: String)]
    /// Units, in order.
    public var units: [Unit]
    /// The question kind.
    public var kind: QuestionKind
    /// Entities named, with roles.
    public var entities: [EntityMention]
    /// Who does what to whom, as far as the word order tells (``RoleReader``).
    public var roles: [RoleFrame] = []
    /// The unit of the clause's verb, when the word order shows one.
    public var verbUnit: Int?
    /// The unit of the noun a which/what question asks for ("which **pope** blessed …").
    public var focusUnit: Int?
    /// The unit of the noun a how-many question counts ("how many **kanji** …", "the number of
    /// **staff**"), when it is a word the pack knows.
    public var countedUnit: Int? = nil
    /// The phases of an event the question names ("when did it end?" → end), from the language
    /// data's `event_phases`; "the end of 2025" names a time, not a phase.
    public var phases: Set<EventPhase> = []
    /// Times named.
    public var times: [QuestionTime]
    /// Ordinal or superlative asserted by the question ("largest" → 1, "third" → 3), for yes/no.
    public var assertedRank: Int?
    /// Numbers in the question that are not years.
    public var numbers: [Double]
    /// True when the wording asks to swap direction ("the other way round", "vice versa").
    public var reverse: Bool
    /// True when the utterance leans on the previous turn (pronoun, "what about …", very short).
    public var looksLikeFollowUp: Bool
    /// True when the utterance points back explicitly: a pronoun ("when did he …"), an elliptical
    /// opening ("and …", "what about …") or a reversal. Only then does the previous topic get a bonus.
    public var isAnaphoric: Bool

    /// Units that count for matching (not stop words).
    public var contentUnits: [Unit] { units.filter { !$0.isStop } }
}

/// How a word of a question is related to a word the pack uses, when the pack never lists the
/// question's word itself (from WordNet; see ``WordRelations``).
public enum WordRelation: String, Sendable, Hashable, CaseIterable {
    /// Same sense ("kid" and "child").
    case synonym
    /// A derived form, pertainym or similar adjective ("invest" and "investment").
    case derived
    /// The question's word is a kind of the pack's word ("subway" and "railway").
    case hypernym
    /// The pack's word is a kind of the question's word ("needlework" and "embroidery").
    case hyponym
}

/// Every weight the matcher uses, in one place. A candidate's score is
///
///     score = clamp(coverage × requireFactor + bonuses − penalties, 0, 1)
///
/// where `coverage` (0…1) is the IDF-weighted share of the question's content units that the
/// intent's vocabulary holds, each unit counted at the vocabulary weight of its best key
/// (`require` … `factWeight`), times the relation weight when the key is only a WordNet relative
/// of the word typed. Candidates are ordered by the unclamped value (``Candidate/fit``), so two
/// intents that both cover the whole question are still told apart by their bonuses. An intent
/// answers when it is not blocked and its score reaches ``threshold``.
public struct ScoringPolicy: Sendable {
    // MARK: Vocabulary of an intent (PackIndex)

    /// A term of a `require` group.
    public var requireWeight = 1.0
    /// A term of `cues`.
    public var cueWeight = 0.9
    /// A word of one of its `examples`.
    public var exampleWeight = 0.8
    /// An entity the intent names in `entities`.
    public var entityWeight = 0.6
    /// A word of its facts' labels and values.
    public var factWeight = 0.5
    /// Each word of a multi-word pattern term, relative to the term's weight.
    public var phraseWordFactor = 0.8

    // MARK: Words of the question

    /// A content word no intent knows (it counts against every intent).
    public var unknownWordWeight = 1.0
    /// A function word tagged by a concept ("more" ~grow), which counts only when it helps.
    public var taggedStopWeight = 0.3
    /// What a key reached only through a WordNet relation is worth, relative to the word itself.
    public var relationWeights: [WordRelation: Double] = [.synonym: 0.9, .derived: 0.85, .hypernym: 0.75, .hyponym: 0.7]

    // MARK: Adjustments

    /// The score an answer needs.
    public var threshold = 0.5
    /// A score at which an intent accounts for the whole question: a yes/no question it answers may
    /// then be confirmed ("Yes.") when its answer denies nothing.
    public var coveredScore = 0.85
    /// Coverage factor of an intent with no `require` groups (it matches on words alone).
    public var noRequireFactor = 0.85
    /// Bonus of an intent whose `ask` names the question's kind.
    public var askBonus = 0.02
    /// Bonus per direction slot that agrees with a role the question states.
    public var slotBonus = 0.03
    /// Penalty of an intent whose facts are about another time (a yes/no question still reaches it).
    public var timeConflictPenalty = 0.3
    /// Penalty of an intent whose words never name the noun a which/what question asks for.
    public var focusPenalty = 0.2
    /// For a question that leans on the previous turn: bonus when a require group came from it…
    public var contextGroupBonus = 0.1
    /// …and when the intent continues the previous answer's topic.
    public var followTopicBonus = 0.1
    /// For a question that does not lean on the previous turn: penalty for taking require groups
    /// from it (scaled by the share of groups taken).
    public var contextPenalty = 0.1

    // MARK: Decisions of the engine

    /// Below this standalone score an elliptical follow-up may be the previous question with new slots.
    public var slotFollowUpBelow = 0.8
    /// Taken from an intent that answers a where/who question only because its facts name a
    /// place/person (its author did not list that kind): one that lists it wins.
    public var impliedKindPenalty = 0.1
    /// An intent blocked for what the question asks (not for a missing pattern word) that fits
    /// this much better than the one chosen is the question's reading: the turn is declined
    /// rather than answered with a neighbouring fact.
    public var blockedReadingMargin = 0.15
    /// Two unrelated intents closer than this are ambiguous.
    public var tieMargin = 0.005
    /// A blocked intent this far above the threshold makes a decline "not in the pack" (understood).
    public var tellingMargin = 0.1
    /// Clarifying questions ("Do you mean …?", ``Engine/clarifies``). A decline that cannot
    /// name what is missing is offered back its leading readings — the candidates scoring at
    /// least this and within ``clarifyLead`` of the best — when they are one or two and each
    /// would take the question but for what it leaves unsaid: it accounts for every content
    /// word of the question and is blocked only for a `require` group the question does not
    /// name (or scores below ``threshold`` with no time or focus penalty). At the threshold's
    /// value, a reading accounts for at least half of what was typed.
    public var clarifyScore = 0.5
    /// …and a third reading within this of the best makes the question too vague to guess at:
    /// it is declined as before. The same margin as ``tellingMargin``: a reading this far ahead
    /// of the rest stands out.
    public var clarifyLead = 0.1
    /// Intents above this score are offered as suggestions in a decline.
    public var suggestionScore = 0.2
    /// The IDF-weighted share of the previous question's words an intent must know to answer a
    /// kind-only follow-up about it ("where?", "who?").
    public var kindOnlyShare = 0.5
    /// Intents of the chosen topic above this score join a summary answer.
    public var summaryScore = 0.3

    // MARK: Which intents are scored at all

    /// A key (a word stem or concept) shared by more intents than this does not by itself bring
    /// them to be scored: like a stop word in a search engine, it says too little to choose
    /// among them, and scoring them all would make every question cost as much as the pack is
    /// large. The intents a question reaches through its rarer keys are still scored with it.
    /// When a question (with its dialogue context) has only such keys, the first this many
    /// intents of each are scored, so a vague question costs a bounded amount and is declined
    /// or answered among them. The packs shipped have no key this common (their largest is
    /// about 190 intents), so for them every intent sharing a key is scored.
    public var commonKeyPostings = 256
    /// How many of the best candidates get the text of their block (``Candidate/blocked``, shown
    /// by `:why` and in JSON): the rest are only ranked, and described when `:why all` or
    /// `:why INTENT_ID` asks (``Matcher/candidates(for:contextKeys:followTopic:describeAll:)``).
    public var describedCandidates = 8

    // MARK: Facts found by their names (comparisons and time between two events)

    /// A fact's own label words, in the vocabulary that finds it for a comparison.
    public var factLabelWeight = 1.0
    /// The words of the examples of the intents answering with the fact, in the same vocabulary.
    public var factExampleWeight = 0.6
    /// The share of a side of a comparison a numeric fact's vocabulary must cover…
    public var comparedFactFit = 0.7
    /// …and how far below the best fact another may be and still be offered.
    public var comparedFactMargin = 0.15
    /// Added to a pair of compared facts measured in the same unit.
    public var sameUnitPairBonus = 0.3
    /// The share of an event's words a dated fact's vocabulary must cover ("between the treaty and …").
    public var datedFactFit = 0.6
    /// What each further key a unit shares with a dated fact adds, to break ties.
    public var sharedKeyTieBreak = 0.05

    /// The policy Mondo uses.
    public static let standard = ScoringPolicy()

    /// The weight of a key reached through `relation`, 0…1.
    public func weight(_ relation: WordRelation) -> Double { relationWeights[relation] ?? 0 }
}

/// A named set of terms that mean the same thing for matching (`~visit`: visit, visitor, trip …).
/// A concept with a ``Concept/entityClass`` is an entity: naming it in a question matters for scope.
public struct Concept: Sendable, Hashable {
    /// The name, without the `~`.
    public var name: String
    /// The terms as written in the pack.
    public var terms: [String]
    /// `country`, `nationality`, `language`, `person`, `organisation`, `place`, `event`, `measure`, or nil.
    public var entityClass: String?
    /// For a nationality: the country concept it belongs to (`french` → `france`).
    public var of: String?
    /// Where the concept is defined.
    public var location: SourceLocation?

    /// The country this entity stands for in direction slots (a country is itself; a nationality its `of`).
    public var country: String? {
        switch entityClass {
        case "country": return name
        case "nationality": return of
        default: return nil
        }
    }
}

/// The typed value of a fact. Numbers are plain `Double`s; display forms are made by ``FactFormatter``.
public enum FactValue: Sendable, Hashable {
    /// A count of things: `value` in `unit`s (plural noun, e.g. "people").
    case quantity(value: Double, unit: String)
    /// An amount of money.
    case money(value: Double, currency: String)
    /// A percentage (`value`) or a range of percentages (`low`…`high`).
    case percentage(low: Double, high: Double)
    /// "N times" growth.
    case factor(value: Double)
    /// An ordinal position: the `value`-th `superlative` (largest) among `among`.
    case rank(value: Int, superlative: String, among: String)
    /// A point in time with its precision, and an optional qualifier (`early`, `mid`, `late`, `end`).
    /// (Its times are kept out of line, as are a period's: a `TimeRef` is large, and inline it
    /// would make every fact value, and so every fact, as large.)
    indirect case date(TimeRef, qualifier: String?)
    /// A span between two points in time.
    indirect case period(from: TimeRef, fromQualifier: String?, to: TimeRef, toQualifier: String?)
    /// Items in the document's order.
    case list(items: [String])
    /// A person with a role.
    case person(name: String, role: String, country: String?)
    /// A company, university, magazine …
    case organisation(name: String, kind: String?, role: String?)
    /// A city, province, region …
    case place(name: String, kind: String?)
    /// A statement in the pack's own words.
    case text(String)

    /// The type name used in pack files.
    public var typeName: String {
        switch self {
        case .quantity: "quantity"
        case .money: "money"
        case .percentage: "percentage"
        case .factor: "factor"
        case .rank: "rank"
        case .date: "date"
        case .period: "period"
        case .list: "list"
        case .person: "person"
        case .organisation: "organisation"
        case .place: "place"
        case .text: "text"
        }
    }

    /// The number a computation uses, for numeric types (a range gives its low end).
    public var number: Double? {
        switch self {
        case .quantity(let v, _), .money(let v, _), .factor(let v): v
        case .percentage(let low, _): low
        case .rank(let v, _, _): Double(v)
        default: nil
        }
    }

    /// What "same unit" means for computations: `people`, `USD`, `%`, `times`. Counting nouns
    /// that measure the same thing share a key through the language's `unit_categories`
    /// (visitors, participants and learners are all people, so they can be compared).
    public func unitKey(in language: LanguageData) -> String? {
        switch self {
        case .quantity(_, let u): "quantity:" + language.unitCategory(u)
        case .money(_, let c): "money:" + c
        case .percentage: "percentage"
        case .factor: "factor"
        default: nil
        }
    }

    /// ``unitKey(in:)`` with the default English data (``LanguageData/english``).
    public var unitKey: String? { unitKey(in: .english) }
}

/// One typed record from the document, with where it comes from and when it holds.
public struct Fact: Sendable, Hashable {
    /// Unique id (`[a-z0-9_]+`).
    public var id: String
    /// What the fact is about, in a few words ("foreign visitors to the capital").
    public var label: String
    /// The value.
    public var value: FactValue
    /// `about`, `more than`, … as displayed; nil when exact.
    public var approx: String?
    /// The time the fact refers to.
    public var time: TimeRef? {
        get { storedTime.value }
        set { storedTime = OutOfLine(newValue) }
    }
    private var storedTime: OutOfLine<TimeRef>
    /// Where in the document it comes from, free-form (`Q2 ¶4`, `¶17`, `p. 12`).
    public var source: String
    /// Where the fact is defined in the pack.
    public var location: SourceLocation?
    /// Where its `source` value is written (for lint's locator checks).
    public var sourceLocation: SourceLocation? = nil
    /// `draft: true`: written by `mondo new` from the document and not yet confirmed by an
    /// author. Lint counts drafts in a note instead of warning that no intent uses them.
    public var draft = false

    /// Creates a fact.
    public init(id: String, label: String, value: FactValue, approx: String?, time: TimeRef?, source: String,
                location: SourceLocation?, sourceLocation: SourceLocation? = nil, draft: Bool = false) {
        self.id = id
        self.label = label
        self.value = value
        self.approx = approx
        storedTime = OutOfLine(time)
        self.source = source
        self.location = location
        self.sourceLocation = sourceLocation
        self.draft = draft
    }
}

/// An optional value kept behind a reference, so that a struct with a large member that is
/// usually absent stays small (a fact's `time`: a fact dictionary of 10,000 entries took 9 MB
/// with it inline, 3 MB without).
enum OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    case none
    indirect case some(Value)

    init(_ value: Value?) { self = value.map { .some($0) } ?? .none }

    var value: Value? {
        if case .some(let v) = self { return v }
        return nil
    }
}

/// A question kind, detected from the question words.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable {
    case number, when, whereKind = "where", who, why, how, what, yesno

    /// Entity classes whose members answer this kind of question: places and countries for
    /// where, people and organisations for who; empty for the other kinds.
    public var answerClasses: Set<String> {
        switch self {
        case .whereKind: ["place", "country"]
        case .who: ["person", "organisation"]
        default: []
        }
    }

    /// What this kind of question asks for, in a decline ("I have no date for that").
    public var answerNoun: String {
        switch self {
        case .number: "figure"
        case .when: "date"
        case .whereKind: "place"
        case .who: "name"
        case .why: "reason"
        default: "answer"
        }
    }
}

/// One term of a pattern: a stemmed word, a stemmed phrase, or a concept.
public enum Term: Sendable, Hashable, CustomStringConvertible {
    case word(String)
    case phrase([String])
    case concept(String)

    public var description: String {
        switch self {
        case .word(let w): w
        case .phrase(let p): p.joined(separator: " ")
        case .concept(let c): "~" + c
        }
    }
}

/// A value computed from facts at answer time (see Docs/pack-format.md, "Computed values").
public struct Computation: Sendable, Hashable {
    /// The operation: difference, sum, ratio, share, scale, divide, elapsed, compare.
    public var op: String
    /// Operand fact ids (`now` stands for the pack's reference date in `elapsed`).
    public var operands: [String]
    /// The multiplier for `scale`.
    public var by: Double?
}

/// A computation an intent names for its template (`compute: {name: {op: …}}`).
public struct NamedComputation: Sendable, Hashable {
    /// The name the template refers to (`{{gap}}`).
    public var name: String
    /// What is computed.
    public var computation: Computation

    /// Creates a named computation.
    public init(name: String, computation: Computation) {
        self.name = name
        self.computation = computation
    }
}

/// What a question may ask and how it is answered: patterns, slots, facts and a template.
public struct Intent: Sendable {
    /// Unique id, shown by `:why` and in JSON output.
    public var id: String
    /// Question kinds answered.
    public var ask: Set<QuestionKind>
    /// Groups of alternatives; each group must be matched.
    public var require: [[Term]]
    /// Terms that make this intent likelier.
    public var cues: [Term]
    /// Terms that block this intent.
    public var exclude: [Term]
    /// Slot values this intent answers for (`source`, `target`, `time`).
    public var slots: [String: String]
    /// Intents differing only in slots share a family.
    public var family: String?
    /// Extra entity concepts in scope.
    public var entities: [String]
    /// Facts used, by id.
    public var facts: [String]
    /// Named computations.
    public var compute: [NamedComputation]
    /// The Mustache template text.
    public var answer: String
    /// Example questions.
    public var examples: [String]
    /// Tie-breaker, higher wins.
    public var priority: Int
    /// The answer to a yes/no question that reaches this intent, when the pack fixes it
    /// ("Is the plant finished?" → no); nil lets the engine decide from ranks, numbers and times.
    public var yesno: Bool? = nil
    /// Where the intent is defined.
    public var location: SourceLocation?
    /// Where each example is, for tests and lint.
    public var exampleLocations: [SourceLocation]
    /// Near-miss questions that must NOT reach this intent (another country, year, direction or
    /// measure); checked by the tests and by `mondo lint`.
    public var counterexamples: [String] = []
    /// Where each counterexample is.
    public var counterexampleLocations: [SourceLocation] = []
}

/// Something the pack's document never tells ("births", "how anyone died"): a question that
/// names one of its terms is declined with `what` as the reason, unless an intent names that
/// term itself in its `require` or `cues`.
public struct NotCovered: Sendable, Hashable {
    /// The terms (words, phrases or `~concepts`) that name the missing thing.
    public var terms: [Term]
    /// What is missing, as a noun phrase for the decline ("births or birthplaces").
    public var what: String
}

/// Pack-wide settings from `pack.yaml`.
public struct PackSettings: Sendable {
    /// The pack's name (banner, `:help`).
    public var name: String = "knowledge pack"
    /// The source document, as a citation.
    public var source: String = ""
    /// One line on what the pack covers, for `:help` and "what is this about?".
    public var description: String = ""
    /// The document's own "now": "this year", "last year" and "N years ago" in a question, and
    /// `now` in an `elapsed` computation, are resolved against it. Nil for a document with no
    /// present of its own (an encyclopedia article): those questions then name no time.
    public var referenceDate: TimeRef?
    /// The year of ``referenceDate``.
    public var thisYear: Int? { referenceDate?.year }
    /// Words that never count for or against a match.
    public var stopwords: [String] = []
    /// The decline text for a question nothing resembles.
    public var notUnderstood: String = "Sorry, I did not understand that question."
    /// The decline text for a question the pack has no answer to.
    public var notInPack: String = "The document does not say."
    /// How many "you could ask" suggestions a decline offers.
    public var suggestions: Int = 3
    /// The concept a pronoun with no antecedent refers to (an interviewee, the people an article
    /// is about), if any.
    public var subject: String?
    /// The pronouns that refer to ``subject`` (`he`, `him`, `his`; `they`, `them`, `their`).
    public var subjectPronouns: [String] = []
    /// Things the document never tells; see ``NotCovered``.
    public var notCovered: [NotCovered] = []
    /// `comparisons: on|off` in pack.yaml: whether the engine's built-in comparisons of two facts
    /// (`computed.compare`, `computed.difference`, `computed.ratio`, `computed.sum`) may answer.
    /// Default true (on).
    public var comparisons: Bool = true
    /// `manners:` in pack.yaml: the pack's own texts for small talk and clarifying questions,
    /// by name (`greeting`, `clarify_one` …), replacing the language data's `texts`.
    public var mannerTexts: [String: String] = [:]
    /// `document:` in pack.yaml: the source document and how its locators count (``DocumentLink``).
    public var document: DocumentLink?
}

/// A named set of terms that mean the same thing for matching (`~visit`: visit, visitor, trip …).
/// A concept with a ``Concept/entityClass`` is an entity: naming it in a question matters for scope.
public struct Concept: Sendable, Hashable {
    /// The name, without the `~`.
    public var name: String
    /// The terms as written in the pack.
    public var terms: [String]
    /// `country`, `nationality`, `person`, `organisation`, `place`, `event`, `measure`, or nil.
    public var entityClass: String?
    /// For a nationality: the country concept it belongs to (`japanese` → `japan`).
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

/// When a fact holds, or what a question asks about: a year, a half, a month, a day, or a span.
public struct TimeRef: Sendable, Hashable, CustomStringConvertible {
    /// First year covered.
    public var year: Int
    /// Month (1–12) when the precision is a month or a day.
    public var month: Int?
    /// Day of the month when the precision is a day.
    public var day: Int?
    /// 1 or 2 for the first or second half of the year.
    public var half: Int?
    /// Last year of a span (`2015/2025`), nil for a single year.
    public var endYear: Int?
    /// Season name (`autumn`) when the fact says only that.
    public var season: String?

    /// Parses `2024`, `2025-04`, `2024-05-17`, `2025-H1`, `2025-autumn`, `2015/2025`. Nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        if parts.count == 2 {
            guard let a = TimeRef(String(parts[0])), let b = TimeRef(String(parts[1])) else { return nil }
            self = a
            endYear = b.year
            return
        }
        let f = text.split(separator: "-").map(String.init)
        guard let y = f.first.flatMap({ Int($0) }), (1000...3000).contains(y) else { return nil }
        year = y
        if f.count >= 2 {
            if f[1].uppercased() == "H1" || f[1].uppercased() == "H2" { half = Int(f[1].dropFirst()) }
            else if ["spring", "summer", "autumn", "winter"].contains(f[1].lowercased()) { season = f[1].lowercased() }
            else if let m = Int(f[1]), (1...12).contains(m) { month = m } else { return nil }
        }
        if f.count == 3 {
            guard month != nil, let d = Int(f[2]), (1...31).contains(d) else { return nil }
            day = d
        }
        if f.count > 3 { return nil }
    }

    /// A year (and optionally a month or half).
    public init(year: Int, month: Int? = nil, half: Int? = nil) {
        self.year = year
        self.month = month
        self.half = half
    }

    /// The years this time covers.
    public var years: ClosedRange<Int> { year...(endYear ?? year) }

    /// Whether a question's time `q` can refer to this fact's time: the year ranges overlap; a
    /// half asked of a whole-year fact does not fit; halves and months must agree.
    public func admits(_ q: TimeRef) -> Bool {
        guard years.overlaps(q.years) else { return false }
        if let h = q.half, let m = month, ((m - 1) / 6 + 1) != h { return false }
        if let h = q.half, let mine = half, mine != h { return false }
        if q.half != nil, half == nil, month == nil, endYear == nil { return false }
        if let m = q.month, let mine = month, mine != m { return false }
        if let m = q.month, let h = half, ((m - 1) / 6 + 1) != h { return false }
        return true
    }

    /// ISO-like form: `2025-H1`, `2024-05-17`.
    public var description: String {
        var s = String(year)
        if let half { s += "-H\(half)" }
        if let season { s += "-\(season)" }
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        if let endYear { s += "/\(endYear)" }
        return s
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
    case date(TimeRef, qualifier: String?)
    /// A span between two points in time.
    case period(from: TimeRef, fromQualifier: String?, to: TimeRef, toQualifier: String?)
    /// Items in the interview's order.
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

/// One typed record from the interview, with where it comes from and when it holds.
public struct Fact: Sendable, Hashable {
    /// Unique id (`[a-z0-9_]+`).
    public var id: String
    /// What the fact is about, in a few words ("Japanese visitors to France").
    public var label: String
    /// The value.
    public var value: FactValue
    /// `about`, `more than`, … as displayed; nil when exact.
    public var approx: String?
    /// The time the fact refers to.
    public var time: TimeRef?
    /// The locator in the interview (`Q2 ¶4`).
    public var source: String
    /// Where the fact is defined in the pack.
    public var location: SourceLocation?
}

/// A question kind, detected from the question words.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable {
    case number, when, whereKind = "where", who, why, how, what, yesno
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
    /// Operand fact ids (`now` stands for the interview date in `elapsed`).
    public var operands: [String]
    /// The multiplier for `scale`.
    public var by: Double?
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
    public var compute: [(name: String, computation: Computation)]
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

/// Pack-wide settings from `pack.yaml`.
public struct PackSettings: Sendable {
    public var name: String = "knowledge pack"
    public var source: String = ""
    public var thisYear: Int = 2025
    public var interviewDate: TimeRef = TimeRef(year: 2025)
    public var stopwords: [String] = []
    public var notUnderstood: String = "I did not understand that question."
    public var notInPack: String = "The interview does not say."
    public var suggestions: Int = 3
    /// The concept a pronoun with no antecedent refers to (the interviewee), if any.
    public var subject: String?
}

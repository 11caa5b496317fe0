/// When a fact holds, or what a question asks about, in any era: a day, a month, a season, a half
/// year, a year, a span of years, a decade, a century (or part of one), or deep time ("240 million
/// years ago"); possibly approximate ("c. 1300").
///
/// Years are astronomical: AD years are themselves, 1 BC is 0, 44 BC is −43, so differences
/// between years are plain subtraction. Display turns them back into "44 BC".
public struct TimeRef: Sendable, Hashable, CustomStringConvertible {
    /// How precise the time is; decides how it is shown.
    public enum Precision: String, Sendable, Hashable {
        case day, month, season, half, year, span, decade, century, deepTime
    }

    /// First year covered (astronomical numbering).
    public var year: Int
    /// Month (1–12) when the precision is a month or a day.
    public var month: Int?
    /// Day of the month when the precision is a day.
    public var day: Int?
    /// 1 or 2 for the first or second half of the year.
    public var half: Int?
    /// Last year covered, for spans, decades and centuries; nil for a single year.
    public var endYear: Int?
    /// Season name (`autumn`) when the fact says only that.
    public var season: String?
    /// How precise the time is.
    public var precision: Precision = .year
    /// True for "c. 1300", "about 65 million years ago".
    public var approximate = false
    /// For a century: the part meant (`first half`, `second half`, `early`, `mid`, `late`).
    public var part: String?
    /// For deep time: how many years before the reference date (65000000).
    public var yearsAgo: Int?
    /// True when the text wrote the era ("AD 79"), so display keeps it.
    public var markedAD = false

    /// A year (and optionally a month or half).
    public init(year: Int, month: Int? = nil, half: Int? = nil) {
        self.year = year
        self.month = month
        self.half = half
        precision = month != nil ? .month : half != nil ? .half : .year
    }

    /// A span of whole years.
    public init(from first: Int, to last: Int, precision: Precision = .span) {
        year = min(first, last)
        endYear = max(first, last)
        self.precision = precision
    }

    /// Parses a time as written in a pack (see Docs/pack-format.md, "Times"): `2018`, `1347`,
    /// `2019-04`, `2018-05-17`, `2019-H1`, `2019-autumn`, `2009/2019`, `1510–12`, `c. 1300`,
    /// `1320s`, `14th century`, `first half of the 15th century`, `early 15th century`, `44 BC`,
    /// `AD 79`, and, given `referenceYear`, `65 million years ago`. Nil when malformed.
    public init?(_ text: String, referenceYear: Int? = nil) {
        guard let t = TimeText.parse(text, referenceYear: referenceYear) else { return nil }
        self = t
    }

    /// The last year covered.
    public var lastYear: Int { endYear ?? year }

    /// The years this time covers.
    public var years: ClosedRange<Int> { year...lastYear }

    /// The years an approximate time may stand for: ±5 years around "c. 1300", ±10% around deep
    /// time; the plain range otherwise.
    public var looseYears: ClosedRange<Int> {
        guard approximate else { return years }
        let slack = precision == .deepTime ? max(1, (yearsAgo ?? 0) / 10) : 5
        return (year &- slack)...(lastYear &+ slack)
    }

    /// Whether a question's time `q` can refer to this fact's time: the year ranges overlap (an
    /// approximate time admits a few years either side); a half asked of a whole-year fact does
    /// not fit; halves and months must agree.
    public func admits(_ q: TimeRef) -> Bool {
        guard looseYears.overlaps(q.looseYears) else { return false }
        if let h = q.half, let m = month, ((m - 1) / 6 + 1) != h { return false }
        if let h = q.half, let mine = half, mine != h { return false }
        if q.half != nil, half == nil, month == nil, endYear == nil { return false }
        if let m = q.month, let mine = month, mine != m { return false }
        if let m = q.month, let h = half, ((m - 1) / 6 + 1) != h { return false }
        return true
    }

    /// ISO-like form for slots and `:why`: `2019-H1`, `2018-05-17`, `-43` (44 BC), `1320/1329`.
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

import Foundation

/// Reading and writing times as text: the forms a pack author writes (`c. 1300`, `1320s`,
/// `first half of the 15th century`, `44 BC`, `65 million years ago`) and the forms an answer
/// shows ("the 1320s", "the first half of the 15th century", "44 BC", "17 May 2018").
/// Pure functions; O(length of the text).
public enum TimeText {
    static let seasons: Set<String> = ["spring", "summer", "autumn", "winter"]
    static let approxWords: [String] = ["c.", "ca.", "circa", "c", "ca", "about", "around", "approximately", "approx.", "~"]
    static let centuryParts: [String] = ["first half of", "second half of", "early", "mid", "late"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// The years of the `n`th century (1-based): the 14th century is 901–1000, the 1st century BC
    /// is 100 BC – 1 BC (astronomical −99…0).
    public static func century(_ n: Int, bc: Bool) -> ClosedRange<Int> {
        bc ? (1 - n * 100)...(1 - (n - 1) * 100 - 1) : ((n - 1) * 100 + 1)...(n * 100)
    }

    /// The part of a century's years: `first half` of 1001–1100 is 1001–1050; `early`, `mid` and
    /// `late` are its thirds.
    public static func centuryPart(_ r: ClosedRange<Int>, _ part: String) -> ClosedRange<Int> {
        let n = r.count
        switch part {
        case "first half": return r.lowerBound...(r.lowerBound + n / 2 - 1)
        case "second half": return (r.lowerBound + n / 2)...r.upperBound
        case "early": return r.lowerBound...(r.lowerBound + n / 3 - 1)
        case "mid": return (r.lowerBound + n / 3)...(r.lowerBound + 2 * n / 3 - 1)
        case "late": return (r.lowerBound + 2 * n / 3)...r.upperBound
        default: return r
        }
    }

    /// Parses a pack's time text; nil when it is none of the documented forms.
    public static func parse(_ raw: String, referenceYear: Int?) -> TimeRef? {
        var s = raw.lowercased().trimmingCharacters(in: .whitespaces)
        var approximate = false
        for a in approxWords where s.hasPrefix(a + " ") || (a.hasSuffix(".") && s.hasPrefix(a)) {
            s = String(s.dropFirst(a.count)).trimmingCharacters(in: .whitespaces)
            approximate = true
            break
        }
        if s.hasPrefix("the ") { s.removeFirst(4) }
        guard !s.isEmpty else { return nil }
        var t: TimeRef?
        if let r = yearsAgo(s, referenceYear: referenceYear) { t = r }
        else if let r = span(s, referenceYear: referenceYear) { t = r }
        else if let r = centuryText(s) { t = r }
        else if let r = decade(s) { t = r }
        else if let r = eraYear(s) { t = r }
        else { t = iso(s) }
        if approximate { t?.approximate = true }
        return t
    }

    /// `65 million years ago`, `12,000 years ago`.
    static func yearsAgo(_ s: String, referenceYear: Int?) -> TimeRef? {
        guard s.hasSuffix(" years ago") else { return nil }
        let words = s.dropLast(" years ago".count).split(separator: " ").map(String.init)
        guard let first = words.first, let n = Double(first.replacingOccurrences(of: ",", with: "")) else { return nil }
        let scale: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9]
        var v = n
        if words.count == 2 { guard let k = scale[words[1]] else { return nil }; v *= k } else if words.count > 2 { return nil }
        guard v >= 0, v < 1e13, let ago = Normalizer.wholeNumber(v) else { return nil }
        // Deep time does not need the document's date: a few years either way are lost in it.
        guard let ref = referenceYear ?? (ago >= 10_000 ? 2000 : nil) else { return nil }
        var t = TimeRef(year: ref - ago)
        t.yearsAgo = ago
        if ago >= 10_000 { t.precision = .deepTime; t.approximate = true }
        return t
    }

    /// `1510/1512`, `1510–1512`, `1510–12`, `44 BC/50 BC`, `1492 to 1087`.
    static func span(_ s: String, referenceYear: Int?) -> TimeRef? {
        for sep in ["/", "–", "—", " to ", "-"] {
            guard let r = s.range(of: sep) else { continue }
            let a = String(s[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            var b = String(s[r.upperBound...]).trimmingCharacters(in: .whitespaces)
            // "1510-40": a plain hyphen only between two year numbers (ISO dates use it too).
            if sep == "-" && !(a.allSatisfy(\.isNumber) && b.allSatisfy(\.isNumber) && b.count < a.count && a.count >= 3) { continue }
            // "1510–12": the second year borrows the first one's leading digits.
            if b.allSatisfy(\.isNumber), a.allSatisfy(\.isNumber), b.count < a.count { b = String(a.prefix(a.count - b.count)) + b }
            // "56–50 BC": the era written once, at the end, covers both.
            var left = a
            for era in [" bc", " bce"] where b.hasSuffix(era) && !a.hasSuffix(era) && a.allSatisfy(\.isNumber) { left = a + era }
            guard let x = parse(left, referenceYear: referenceYear), let y = parse(b, referenceYear: referenceYear) else { return nil }
            if sep == "/" || sep == "-" || x.precision == .year || x.precision == .span {
                var t = x
                t.endYear = y.lastYear
                t.precision = x.month == nil && y.month == nil ? .span : x.precision
                guard t.year <= t.lastYear else { return nil }
                return t
            }
            return nil
        }
        return nil
    }

    /// `14th century`, `15th-century`, `1st century bc`, `first half of the 15th century`, `early 16th century`.
    static func centuryText(_ s: String) -> TimeRef? {
        var rest = s
        var part: String?
        for p in centuryParts where rest.hasPrefix(p + " ") {
            part = p.hasSuffix(" of") ? String(p.dropLast(3)) : p
            rest = String(rest.dropFirst(p.count + 1))
            if rest.hasPrefix("the ") { rest.removeFirst(4) }
            if rest.hasPrefix("-") { rest.removeFirst() }
            break
        }
        rest = rest.replacingOccurrences(of: "-", with: " ")
        let w = rest.split(separator: " ").map(String.init)
        guard w.count >= 2, w[1] == "century" || w[1] == "centuries" else { return nil }
        let bc = w.count == 3 && (w[2] == "bc" || w[2] == "bce")
        guard w.count == 2 || bc else { return nil }
        guard let n = ordinalNumber(w[0]), n >= 1, n < 100_000 else { return nil }
        var r = century(n, bc: bc)
        if let part { r = centuryPart(r, part) }
        var t = TimeRef(from: r.lowerBound, to: r.upperBound, precision: .century)
        t.part = part
        return t
    }

    /// `11th`, `eleventh`, `1st` → 11, 11, 1.
    static func ordinalNumber(_ w: String) -> Int? {
        if let n = Normalizer.ordinals[w] { return n }
        for suf in ["st", "nd", "rd", "th"] where w.hasSuffix(suf) { return Int(w.dropLast(2)) }
        return nil
    }

    /// `1320s`, `1340s`; `1100s` is a century's first hundred years (1100–1199).
    static func decade(_ s: String) -> TimeRef? {
        guard s.hasSuffix("s"), let n = Int(s.dropLast()), n >= 10, n % 10 == 0 else { return nil }
        if n % 100 == 0, n >= 1000 { return TimeRef(from: n, to: n + 99, precision: .decade) }
        return TimeRef(from: n, to: n + 9, precision: .decade)
    }

    /// `44 BC`, `44 BCE`, `AD 79`, `14 AD`, `14 CE`.
    static func eraYear(_ s: String) -> TimeRef? {
        let w = s.split(separator: " ").map(String.init)
        guard w.count == 2 else { return nil }
        if let n = Int(w[0]), n >= 1, ["bc", "bce", "b.c.", "b.c.e."].contains(w[1]) { return TimeRef(year: 1 - n) }
        if let n = Int(w[0]), n >= 1, ["ad", "ce", "a.d."].contains(w[1]) { var t = TimeRef(year: n); t.markedAD = true; return t }
        if let n = Int(w[1]), n >= 1, ["ad", "a.d."].contains(w[0]) { var t = TimeRef(year: n); t.markedAD = true; return t }
        return nil
    }

    /// `2018`, `1347`, `2019-04`, `2018-05-17`, `2019-H1`, `2019-autumn`.
    static func iso(_ s: String) -> TimeRef? {
        let f = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let y = f.first.flatMap({ Int($0) }), y >= 1, y <= 99_999, f[0].allSatisfy(\.isNumber) else { return nil }
        var t = TimeRef(year: y)
        if f.count >= 2 {
            if f[1] == "h1" || f[1] == "h2" { t.half = Int(f[1].dropFirst()); t.precision = .half }
            else if seasons.contains(f[1]) { t.season = f[1]; t.precision = .season }
            else if let m = Int(f[1]), (1...12).contains(m) { t.month = m; t.precision = .month } else { return nil }
        }
        if f.count == 3 {
            guard t.month != nil, let d = Int(f[2]), (1...31).contains(d) else { return nil }
            t.day = d; t.precision = .day
        }
        if f.count > 3 { return nil }
        return t
    }

    /// A year for display: `1492`, `1347`, `AD 79` (when written so), `44 BC`.
    public static func year(_ y: Int, markedAD: Bool = false) -> String {
        if y <= 0 { return "\(1 - y) BC" }
        return markedAD ? "AD \(y)" : String(y)
    }

    /// A time for display: `2018`, `May 2018`, `17 May 2018`, `the first half of 2019`,
    /// `autumn 2019`, `1510–1512`, `the 1320s`, `the 14th century`, `the first half of the 11th
    /// century`, `44 BC`, `around 1000`, `about 65 million years ago`.
    public static func display(_ t: TimeRef) -> String {
        let y = year(t.year, markedAD: t.markedAD)
        var s: String
        switch t.precision {
        case .deepTime:
            return "about " + FactFormatter.scaled(Double(t.yearsAgo ?? 0)) + " years ago"
        case .century:
            let bc = t.year <= 0
            // The century of the first year (AD) or of the last year (BC, counted backwards).
            let n = bc ? (1 - t.lastYear - 1) / 100 + 1 : (t.year - 1) / 100 + 1
            let c = "the \(numericOrdinal(n)) century" + (bc ? " BC" : "")
            switch t.part {
            case "first half", "second half": s = "the \(t.part!) of " + c
            case let p?: s = "the \(p) " + c.dropFirst(4)
            case nil: s = c
            }
        case .decade:
            s = "the \(t.year)s"
        case .span:
            let bothBC = t.year <= 0 && t.lastYear <= 0
            s = bothBC ? "\(1 - t.year)–\(1 - t.lastYear) BC" : "\(y)–\(year(t.lastYear))"
        default:
            if let d = t.day, let m = t.month { s = "\(d) \(monthNames[m - 1]) \(y)" }
            else if let m = t.month { s = "\(monthNames[m - 1]) \(y)" }
            else if let h = t.half { s = "the \(h == 1 ? "first" : "second") half of \(y)" }
            else if let season = t.season { s = "\(season) \(y)" }
            else { s = y }
            if let e = t.endYear { s = "\(y)–\(year(e))" }
        }
        return t.approximate ? "around " + s : s
    }

    /// `1` → `1st`, `11` → `11th`, `22` → `22nd`.
    public static func numericOrdinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}

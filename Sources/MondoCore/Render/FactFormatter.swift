import Foundation

/// Display forms of facts and numbers, in the pack's house style: thousands separators
/// ("540,000"), scale words for money ("USD 31.4 billion"), day-month-year dates ("17 May 2018").
public enum FactFormatter {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// `540000` → `540,000`; `6.25` → `6.25`; up to `decimals` decimals, trailing zeros dropped.
    public static func number(_ v: Double, decimals: Int = 2) -> String {
        let rounded = (v * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        let neg = rounded < 0
        let a = abs(rounded)
        // Past what an Int64 holds exactly (no pack figure should be), scientific notation.
        if !a.isFinite || a >= 1e15 { return String(format: "%.4g", v) }
        let intPart = Int64(a.rounded(.towardZero))
        var frac = String(format: "%.\(decimals)f", a - Double(intPart))
        frac = String(frac.dropFirst(1))  // ".52"
        while frac.hasSuffix("0") { frac.removeLast() }
        if frac == "." { frac = "" }
        let digits = Array(String(intPart))
        var grouped = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(d)
        }
        return (neg ? "-" : "") + grouped + frac
    }

    /// Large amounts with a scale word: `31400000000` → `31.4 billion`, `450000000` → `450 million`,
    /// `10000000` → `10 million`; below a million the plain grouped number.
    public static func scaled(_ v: Double) -> String {
        let a = abs(v)
        if a >= 1e12 { return number(v / 1e12) + " trillion" }
        if a >= 1e9 { return number(v / 1e9) + " billion" }
        if a >= 1e6 { return number(v / 1e6) + " million" }
        return number(v)
    }

    /// `3` → `third`.
    public static func ordinal(_ n: Int) -> String {
        let words = [1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
                     8: "eighth", 9: "ninth", 10: "tenth", 15: "fifteenth", 50: "fiftieth"]
        if let w = words[n] { return w }
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// A time for display (see ``TimeText/display(_:)``), with an optional qualifier: `the end of
    /// April 2019`, `early May 2019`, `mid-2019`.
    public static func time(_ t: TimeRef, qualifier: String? = nil) -> String {
        let s = TimeText.display(t)
        switch qualifier {
        case "end": return "the end of " + s
        case "early", "mid", "late": return qualifier! + (t.month != nil && t.day == nil ? " " : "-") + s
        default: return s
        }
    }

    /// The field names a template may use for a value of this type.
    public static func fields(of v: FactValue) -> [String] {
        var f = ["display", "Display", "label", "time", "source", "approx", "id"]
        switch v {
        case .quantity, .money, .percentage, .factor: f += ["value", "with_unit", "unit", "currency", "low", "high"]
        case .rank: f += ["value", "ordinal", "superlative", "among"]
        case .date, .period: f += ["year", "month", "from", "to"]
        case .list: f += ["joined", "count", "items", "or_joined"]
        case .person, .organisation, .place: f += ["name", "role", "kind", "country"]
        case .text: f += ["text"]
        }
        return f
    }

    /// Joins items in English: `A`, `A and B`, `A, B and C`.
    public static func join(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }

    /// The template context of one fact: every field of ``fields(of:)`` with its display string
    /// (and `items` as an array of strings).
    public static func context(_ fact: Fact) -> [String: Any] {
        var c: [String: Any] = ["label": fact.label, "source": fact.source, "id": fact.id,
                                "approx": fact.approx ?? "",
                                "time": fact.time.map { time($0) } ?? ""]
        let pre = fact.approx.map { $0 + " " } ?? ""
        var display: String
        switch fact.value {
        case .quantity(let v, let unit):
            c["value"] = number(v); c["unit"] = unit
            display = pre + (v >= 1e7 ? scaled(v) : number(v))
            c["with_unit"] = display + (unit.isEmpty ? "" : " " + unit)
        case .money(let v, let cur):
            c["value"] = scaled(v); c["currency"] = cur
            display = pre + cur + " " + scaled(v)
            c["with_unit"] = display
        case .percentage(let lo, let hi):
            c["low"] = number(lo); c["high"] = number(hi)
            c["value"] = lo == hi ? number(lo) : number(lo) + "–" + number(hi)
            display = pre + (c["value"] as! String) + "%"
            c["with_unit"] = display
        case .factor(let v):
            c["value"] = number(v); display = pre + number(v) + " times"; c["with_unit"] = display
        case .rank(let v, let sup, let among):
            c["value"] = String(v); c["ordinal"] = ordinal(v); c["superlative"] = sup; c["among"] = among
            display = v == 1 ? sup : ordinal(v) + "-" + sup
        case .date(let t, let q):
            c["year"] = TimeText.year(t.year, markedAD: t.markedAD); c["month"] = t.month.map { months[$0 - 1] } ?? ""
            display = time(t, qualifier: q)
        case .period(let f, let fq, let t, let tq):
            c["year"] = TimeText.year(f.year, markedAD: f.markedAD); c["month"] = f.month.map { months[$0 - 1] } ?? ""
            let sameYear = f.year == t.year && f.day == nil && t.day == nil
            var from = time(f, qualifier: fq)
            if sameYear, f.precision != .span { from = from.replacingOccurrences(of: " \(TimeText.year(f.year, markedAD: f.markedAD))", with: "") }
            c["from"] = from; c["to"] = time(t, qualifier: tq)
            display = from + " to " + time(t, qualifier: tq)
        case .list(let items):
            c["items"] = items; c["count"] = String(items.count)
            c["joined"] = join(items); c["or_joined"] = join(items, conjunction: "or")
            display = join(items)
        case .person(let name, let role, let country):
            c["name"] = name; c["role"] = role; c["country"] = country ?? ""
            display = name
        case .organisation(let name, let kind, let role):
            c["name"] = name; c["kind"] = kind ?? ""; c["role"] = role ?? ""
            display = name
        case .place(let name, let kind):
            c["name"] = name; c["kind"] = kind ?? ""
            display = name
        case .text(let t):
            c["text"] = t; display = t
        }
        c["display"] = display
        c["Display"] = display.prefix(1).uppercased() + display.dropFirst()
        return c
    }
}

import Foundation

/// The result of a computation, ready for a template: `value`, `display`, `working`, and for
/// comparisons `winner`/`loser`.
public struct ComputedValue: Sendable, Hashable {
    /// The number (nil for comparisons and elapsed times).
    public var number: Double?
    /// Template fields.
    public var fields: [String: String]
}

/// Evaluates ``Computation``s over facts. Results are computed at answer time from the fact
/// values; nothing is typed into templates by hand.
public enum Computer {
    /// Checks operands: they exist, are numeric (or dates for `elapsed`) and share a unit (units
    /// of one `unit_categories` group of `language` count as one).
    /// - Returns: a problem description, or nil when the computation is well formed.
    public static func check(_ c: Computation, facts: [String: Fact], language: LanguageData = .english) -> String? {
        for id in c.operands where id != "now" && facts[id] == nil {
            let hint = nearest(id, in: facts.keys.sorted(), limit: 4).map { "; did you mean '\($0)'?" } ?? ""
            return "unknown fact '\(id)'\(hint)"
        }
        let fs = c.operands.compactMap { facts[$0] }
        switch c.op {
        case "elapsed":
            guard c.operands.count == 2 else { return "elapsed needs two operands (dates, or a date and 'now')" }
            for f in fs {
                switch f.value { case .date, .period: continue; default: return "'\(f.id)' is a \(f.value.typeName) fact, not a date" }
            }
        case "scale":
            guard fs.count == 1, fs[0].value.number != nil else { return "scale needs one numeric fact" }
            guard c.by != nil else { return "scale needs 'by' (a number such as 1.1)" }
        case "divide":
            if fs.count == 1, fs[0].value.number != nil, let by = c.by, by != 0 { return nil }
            guard fs.count == 2, fs[0].value.number != nil, case .factor = fs[1].value else {
                return "divide needs a numeric fact and either a factor fact or 'by' (a non-zero number)"
            }
        default:
            let minimum = c.op == "sum" || c.op == "compare" ? 2 : 2
            guard fs.count >= minimum, c.op == "sum" || c.op == "compare" || fs.count == 2 else {
                return "\(c.op) needs \(c.op == "sum" || c.op == "compare" ? "two or more" : "exactly two") facts"
            }
            for f in fs where f.value.number == nil { return "'\(f.id)' is a \(f.value.typeName) fact, not a number" }
            if c.op != "share" {
                let units = Set(fs.compactMap { $0.value.unitKey(in: language) })
                if units.count > 1 { return "operands have different units (\(units.sorted().joined(separator: ", "))): they cannot be combined" }
            }
        }
        return nil
    }

    static func show(_ f: Fact, _ v: Double) -> String {
        switch f.value {
        case .money(_, let cur): return cur + " " + FactFormatter.scaled(v)
        case .percentage: return FactFormatter.number(v) + "%"
        case .quantity:
            // Counts are whole: 540,000 ÷ 7 shows as 77,100 (three significant figures), not 77,142.86.
            let r = v == v.rounded() ? v : roundSignificant(v, 3)
            return r >= 1e6 ? FactFormatter.scaled(r) : FactFormatter.number(r)
        default: return v >= 1e7 ? FactFormatter.scaled(v) : FactFormatter.number(v)
        }
    }

    /// `v` rounded to `digits` significant figures (77,142.86 → 59,200).
    static func roundSignificant(_ v: Double, _ digits: Int) -> Double {
        guard v != 0 else { return 0 }
        let magnitude = pow(10, Double(digits) - ceil(log10(abs(v))))
        return (v * magnitude).rounded() / magnitude
    }

    static func withUnit(_ f: Fact, _ s: String) -> String {
        if case .quantity(_, let u) = f.value, !u.isEmpty { return s + " " + u }
        return s
    }

    /// Evaluates `c`. `now` is the pack's reference date (nil when it has none: `now` then has no value). Returns nil when an operand is missing (a pack
    /// that loaded cleanly never does this).
    public static func evaluate(_ c: Computation, facts: [String: Fact], now: TimeRef?) -> ComputedValue? {
        let fs = c.operands.compactMap { facts[$0] }
        func num(_ i: Int) -> Double? { i < fs.count ? fs[i].value.number : nil }
        switch c.op {
        case "difference":
            guard let a = num(0), let b = num(1) else { return nil }
            let r = a - b
            let v = show(fs[0], abs(r))
            let pointy = { if case .percentage = fs[0].value { return true } else { return false } }()
            return ComputedValue(number: r, fields: [
                "value": pointy ? FactFormatter.number(abs(r)) : v,
                "display": pointy ? FactFormatter.number(abs(r)) + " percentage points" : withUnit(fs[0], v),
                "working": "\(show(fs[0], a)) − \(show(fs[1], b)) = \(pointy ? FactFormatter.number(r) : show(fs[0], r))",
                "sign": r >= 0 ? "more" : "fewer"])
        case "sum":
            let vals = fs.compactMap(\.value.number)
            let r = vals.reduce(0, +)
            let v = show(fs[0], r)
            return ComputedValue(number: r, fields: [
                "value": v, "display": withUnit(fs[0], v),
                "working": zip(fs, vals).map { show($0.0, $0.1) }.joined(separator: " + ") + " = " + v])
        case "ratio":
            guard let a = num(0), let b = num(1), b != 0 else { return nil }
            let r = a / b
            let v = FactFormatter.number(r, decimals: 1)
            return ComputedValue(number: r, fields: [
                "value": v, "display": "about \(v) times",
                "working": "\(show(fs[0], a)) ÷ \(show(fs[1], b)) ≈ \(v)"])
        case "share":
            guard let a = num(0), let b = num(1), b != 0 else { return nil }
            let r = a / b * 100
            let v = FactFormatter.number(r, decimals: 1)
            return ComputedValue(number: r, fields: [
                "value": v, "display": v + "%",
                "working": "\(show(fs[0], a)) ÷ \(show(fs[1], b)) = \(v)%"])
        case "scale":
            guard let a = num(0), let by = c.by else { return nil }
            let r = a * by
            let v = show(fs[0], r)
            return ComputedValue(number: r, fields: [
                "value": v, "display": withUnit(fs[0], v),
                "working": "\(show(fs[0], a)) × \(FactFormatter.number(by, decimals: 3)) = \(v)"])
        case "divide":
            if fs.count == 1, let a = num(0), let by = c.by, by != 0 {
                // An even split: USD 12 billion over 8 projects, 540,000 visitors over 12 months.
                let r = a / by
                let v = show(fs[0], r)
                return ComputedValue(number: r, fields: [
                    "value": v, "display": "about " + withUnit(fs[0], v),
                    "working": "\(show(fs[0], a)) ÷ \(FactFormatter.number(by)) ≈ \(v)"])
            }
            guard let a = num(0), let f = num(1), f != 0 else { return nil }
            let r = a / f
            let v = show(fs[0], r)
            let precise = FactFormatter.number(r / (r >= 1e9 ? 1e9 : r >= 1e6 ? 1e6 : 1), decimals: 1)
            return ComputedValue(number: r, fields: [
                "value": v, "display": "roughly " + withUnit(fs[0], v), "rounded": precise,
                "working": "\(show(fs[0], a)) ÷ \(FactFormatter.number(f)) ≈ \(v)"])
        case "growth":
            // The rise needed (or seen) from b to a, in per cent: 1,000,000 from 800,000 is +25%.
            guard let a = num(0), let b = num(1), b != 0 else { return nil }
            let r = (a - b) / b * 100
            let v = FactFormatter.number(r, decimals: 1)
            return ComputedValue(number: r, fields: [
                "value": v, "display": "about \(v)%",
                "working": "(\(show(fs[0], a)) − \(show(fs[1], b))) ÷ \(show(fs[1], b)) ≈ \(v)%"])
        case "compare":
            let pairs = fs.compactMap { f in f.value.number.map { (f, $0) } }
            guard let best = pairs.max(by: { $0.1 < $1.1 }), let worst = pairs.min(by: { $0.1 < $1.1 }) else { return nil }
            return ComputedValue(number: nil, fields: [
                "winner": best.0.label, "loser": worst.0.label,
                "winner_value": FactFormatter.context(best.0)["with_unit"] as? String ?? withUnit(best.0, show(best.0, best.1)),
                "loser_value": FactFormatter.context(worst.0)["with_unit"] as? String ?? withUnit(worst.0, show(worst.0, worst.1)),
                "value": best.0.label, "display": best.0.label,
                "working": pairs.map { "\(show($0.0, $0.1))" }.joined(separator: " vs ")])
        case "elapsed":
            func ref(_ id: String) -> TimeRef? {
                if id == "now" { return now }
                switch facts[id]?.value {
                case .date(let t, _): return t
                case .period(let f, _, _, _): return f
                default: return nil
                }
            }
            guard c.operands.count == 2, let a = ref(c.operands[0]), let b = ref(c.operands[1]) else { return nil }
            let (from, to) = a.year * 12 + (a.month ?? 1) <= b.year * 12 + (b.month ?? 1) ? (a, b) : (b, a)
            var months = (to.year - from.year) * 12 + ((to.month ?? 1) - (from.month ?? 1))
            if let d1 = from.day, let d2 = to.day, d2 < d1 { months -= 1 }
            let y = months / 12, m = months % 12
            var parts: [String] = []
            if y > 0 { parts.append("\(y) year\(y == 1 ? "" : "s")") }
            if m > 0 { parts.append("\(m) month\(m == 1 ? "" : "s")") }
            let v = parts.isEmpty ? "less than a month" : parts.joined(separator: " and ")
            let exactYears = from.month == nil && to.month == nil
            return ComputedValue(number: Double(months), fields: [
                "value": v, "display": (exactYears ? "" : "about ") + v, "years": String(y), "months": String(months),
                "working": "from \(FactFormatter.time(from)) to \(FactFormatter.time(to))"])
        default:
            return nil
        }
    }
}

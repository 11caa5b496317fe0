/// Finds the times a question names, in any era: years ("in 1492", "by 2035", "in 1347"),
/// "44 BC", "AD 79", decades ("the 1320s"), centuries ("the 14th century", "in the first half of
/// the 15th century", "early 16th-century"), spans ("1510–12", "between 1510 and 1512"),
/// approximate years ("c. 1300"), deep time ("65 million years ago"), and times relative to the
/// pack's reference date ("last year", "this year", "three years ago", "a decade ago"), months
/// and halves ("in April", "first half of 2019"). O(number of tokens).
struct TimeExpressions: Sendable {
    /// The pack's reference year, for relative times; nil when the document has none.
    let thisYear: Int?
    /// Month names, era and time words, and the words that mark a number as a quantity.
    let language: LanguageData

    /// The times in `tokens`, merged so that a bare month or half takes the year named beside it,
    /// and the indices of the words that only serve to name an era-style time ("century", "bc",
    /// "ago", "1320s"), which then count neither for nor against a match.
    func find(_ tokens: [Token]) -> (times: [QuestionTime], timeWords: Set<Int>) {
        let w = tokens.map(\.text)
        var out: [QuestionTime] = []
        var months: [Int] = []
        // Centuries first: "the first half of the 15th century" is not the first half of a year.
        var consumed = Set<Int>()
        for k in w.indices { if let c = century(tokens, at: k) { out.append(c.time); consumed.formUnion(c.span) } }
        var timeWords = consumed
        var i = 0
        func word(_ k: Int) -> String { k >= 0 && k < w.count ? w[k] : "" }
        while i < w.count {
            let x = w[i], next = word(i + 1), prev = word(i - 1)
            if consumed.contains(i) { i += 1; continue }
            if let d = TimeText.decade(x) {
                var t = QuestionTime(year: d.year, words: (prev == "the" ? "the " : "") + x)
                t.endYear = d.lastYear
                out.append(t); timeWords.insert(i); i += 1; continue
            }
            if let n = tokens[i].number, let k = Normalizer.wholeNumber(n) {
                // "44 BC", "AD 79", "14 AD".
                if k >= 1, language.beforeChrist.contains(next) {
                    out.append(QuestionTime(year: 1 - k, words: "\(k) BC")); timeWords.insert(i + 1); i += 2; continue
                }
                if k >= 1, language.annoDomini.contains(prev) || (language.annoDomini.contains(next) && next != "and") {
                    out.append(QuestionTime(year: k, words: "AD \(k)"))
                    timeWords.insert(language.annoDomini.contains(next) ? i + 1 : i - 1)
                    i += language.annoDomini.contains(next) ? 2 : 1; continue
                }
                // "65 million years ago", "three years ago".
                if ["year", "years"].contains(next), word(i + 2) == "ago", k >= 0 {
                    let deep = k >= 10_000
                    if let base = thisYear ?? (deep ? 2000 : nil) {
                        var t = QuestionTime(year: base - k, words: "\(deep ? FactFormatter.scaled(Double(k)) : String(k)) years ago")
                        t.approximate = deep
                        t.yearsAgo = deep ? k : nil
                        out.append(t)
                        timeWords.formUnion([i, i + 1, i + 2])
                    }
                    i += 3; continue
                }
                if isYear(k, at: i, tokens) {
                    var t = QuestionTime(year: k, words: (language.approximateWords.contains(prev) ? "around " : "") + String(k))
                    t.approximate = language.approximateWords.contains(prev)
                    // "1510-40", "1510 to 1512", "between 1510 and 1512": a span.
                    var j = i + 1
                    if ["to", "and", "until", "till"].contains(word(j)) { j += 1 }
                    if j < tokens.count, let m = tokens[j].number.flatMap(Normalizer.wholeNumber), m > 0 {
                        let digits = String(k).count, md = String(m).count
                        let end = md < digits ? Int(String(String(k).prefix(digits - md)) + String(m)) ?? m : m
                        if end > k, end - k <= 200, j == i + 1 || ["to", "and", "until", "till"].contains(word(i + 1)) {
                            t.endYear = end
                            t.words = "\(k)–\(end)"
                            out.append(t); timeWords.formUnion((i + 1)..<j); i = j + 1; continue
                        }
                    }
                    out.append(t); i += 1; continue
                }
            }
            if let y = thisYear, ["last", "previous", "past"].contains(x), next == "year" {
                out.append(QuestionTime(year: y - 1, words: "\(x) year")); i += 2; continue
            }
            if let y = thisYear, ["this", "current"].contains(x), next == "year" {
                out.append(QuestionTime(year: y, words: "\(x) year")); i += 2; continue
            }
            if let y = thisYear, x == "next", next == "year" {
                out.append(QuestionTime(year: y + 1, words: "next year")); i += 2; continue
            }
            if let y = thisYear, x == "ago", prev == "decade" {
                out.append(QuestionTime(year: y - 10, words: "a decade ago")); i += 1; continue
            }
            if ["first", "second"].contains(x), next == "half" {
                out.append(QuestionTime(year: nil, half: x == "first" ? 1 : 2, words: "\(x) half")); i += 2; continue
            }
            if let m = language.months[x], x.count > 3 || ["in", "of", "since", "by", "until"].contains(prev),
               !(x == "may" && !["in", "of", "since", "by", "until", "late", "early", "mid", "end"].contains(prev)) {
                months.append(m)
            }
            i += 1
        }
        if months.contains(1) && months.contains(6) && months.count == 2 {
            out.append(QuestionTime(year: nil, half: 1, words: "January to June"))
        } else {
            for m in months { out.append(QuestionTime(year: nil, month: m, words: FactFormatter.months[m - 1])) }
        }
        // Merge a bare half or month with a year named alongside it ("first half of 2019").
        if let y = out.first(where: { $0.year != nil && $0.half == nil && $0.month == nil && $0.endYear == nil }) {
            for k in out.indices where out[k].year == nil { out[k].year = y.year }
            if out.contains(where: { $0.half != nil || $0.month != nil }) {
                out.removeAll { $0.year == y.year && $0.half == nil && $0.month == nil && $0.words == y.words }
            }
        }
        return (out, timeWords)
    }

    /// Whether the whole number at `i` is a year: after a time preposition ("in 1347"), or a
    /// four-digit number from 1000 to 2999 standing alone; never after a quantity word ("more than
    /// 2,000") or before a counted noun ("2,000 companies", "in 2 years").
    func isYear(_ k: Int, at i: Int, _ tokens: [Token]) -> Bool {
        guard k >= 1, k <= 9999, tokens[i].text == String(k) else { return false }
        let prev = i > 0 ? tokens[i - 1].text : ""
        let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
        if language.quantityMarkersBefore.contains(prev), !language.approximateWords.contains(prev) { return false }
        if i >= 2, ["more", "less", "fewer"].contains(tokens[i - 2].text), prev == "than" { return false }
        if language.quantityMarkersAfter.contains(next) || language.countedAfterNumbers.contains(next) { return false }
        // A counted plural noun after it ("2000 companies"), but not "in 1492 was".
        let countedNoun = next.count > 3 && next.hasSuffix("s") && !next.hasSuffix("ss") && tokens[i + 1].number == nil
            && !["was", "has", "does", "is", "its", "this", "thus"].contains(next)
        // Three digits or more after a time preposition ("in 1347"); "example of one" is no year.
        if language.yearPrepositions.contains(prev), k >= 100 { return !countedNoun || k >= 1000 && ["in", "by", "since", "until", "before", "after", "during"].contains(prev) }
        return (1000...2999).contains(k) && !countedNoun
    }

    /// "the 14th century", "the first half of the 15th century", "early 16th-century", "the
    /// 1st century BC": the time and the token indices it covers.
    func century(_ tokens: [Token], at i: Int) -> (time: QuestionTime, span: ClosedRange<Int>)? {
        let w = tokens.map(\.text)
        guard i + 1 < w.count, ["century", "centuries"].contains(w[i + 1]) else { return nil }
        guard let n = tokens[i].number.flatMap(Normalizer.wholeNumber) ?? TimeText.ordinalNumber(w[i]), n >= 1, n < 100 else { return nil }
        let bc = i + 2 < w.count && language.beforeChrist.contains(w[i + 2])
        var r = TimeText.century(n, bc: bc)
        var start = i
        if start > 0, w[start - 1] == "the" { start -= 1 }
        var part: String?
        if start > 0, ["early", "mid", "late", "middle"].contains(w[start - 1]) {
            part = w[start - 1] == "middle" ? "mid" : w[start - 1]; start -= 1
        } else if start >= 3, w[start - 1] == "of", w[start - 2] == "half", ["first", "second"].contains(w[start - 3]) {
            part = w[start - 3] + " half"; start -= 3
            if start > 0, w[start - 1] == "the" { start -= 1 }
        } else if start >= 2, w[start - 1] == "of", ["beginning", "start"].contains(w[start - 2]) {
            part = "early"; start -= 2
        } else if start >= 2, w[start - 1] == "of", w[start - 2] == "end" {
            part = "late"; start -= 2
        }
        if let part { r = TimeText.centuryPart(r, part) }
        var words = "the \(TimeText.numericOrdinal(n)) century" + (bc ? " BC" : "")
        if let part { words = part.hasSuffix("half") ? "the \(part) of " + words : "the \(part) " + words.dropFirst(4) }
        var t = QuestionTime(year: r.lowerBound, words: words)
        t.endYear = r.upperBound
        return (t, start...(i + (bc ? 2 : 1)))
    }
}

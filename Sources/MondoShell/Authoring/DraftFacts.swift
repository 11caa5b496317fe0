import Foundation
import MondoCore

/// One fact `mondo new` proposes from a sentence of the document, for an author to confirm.
public struct DraftFact: Sendable, Hashable {
    /// What was found.
    public enum Kind: String, Sendable, Hashable {
        /// A year ("in 1347", "1990"), a decade ("the 1320s") or a century ("the 14th century").
        case date
        /// A number with a percent word or sign.
        case percentage
        /// A number with a currency word or sign.
        case money
        /// Any other number, with the noun after it as its unit when there is one.
        case quantity
        /// A capitalised word sequence.
        case name
    }
    /// What was found.
    public var kind: Kind
    /// The number (with "million", "billion" applied), for every kind but `date` and `name`.
    public var value: Double?
    /// The time as a pack writes it (`1347`, `1320s`, `14th century`), for `date`.
    public var time: String?
    /// The counted noun of a quantity (`people`), or the currency code of money (`USD`).
    public var unit: String?
    /// The name, for `name`.
    public var name: String?
    /// A name in the same sentence (the first other than this one's own), for labels.
    public var nearName: String?
    /// The sentence it was found in.
    public var sentence: String
}

/// Finds draft facts in a sentence: every number, date, quantity, percentage and amount of money
/// written in digits, and every proper name (Docs/authoring.md, "Start a pack: mondo new"). Pure.
public enum DraftFacts {
    /// A word of a sentence: its text without surrounding punctuation, and what surrounded it.
    struct Word {
        var core: String
        var folded: String
        var endsClause: Bool
        /// Opened with a bracket or quote: no name runs on into it.
        var opensClause: Bool = false
        var capitalised: Bool { core.first?.isUppercase == true && !core.contains(where: \.isNumber) }
    }

    static func words(_ sentence: String, language: LanguageData) -> [Word] {
        let leading = CharacterSet(charactersIn: "“\"‘'([«")
        let trailing = CharacterSet(charactersIn: ".,;:!?”\"’')]»")
        return sentence.split(whereSeparator: { $0.isWhitespace || $0 == "—" }).compactMap { raw in
            let s = String(raw)
            var core = s.trimmingCharacters(in: leading).trimmingCharacters(in: trailing)
            // A possessive ends a name: "Velmora’s Mayor" names Velmora, then a title.
            var possessive = false
            for mark in ["’s", "'s"] where core.hasSuffix(mark) && core.count > 2 { core.removeLast(2); possessive = true }
            guard !core.isEmpty else { return nil }
            // "U.S.", "St.": an abbreviation keeps its dot and ends no name ("St. Brigid").
            var abbreviation = false
            if s.hasSuffix("."), core.last?.isLetter == true,
               core.contains(".") || language.sentenceAbbreviations.contains(Fold.text(core)) {
                core += "."; abbreviation = true
            }
            let after = !abbreviation && possessive || !abbreviation && (s.unicodeScalars.last.map { trailing.contains($0) && $0 != "’" && $0 != "'" } ?? false)
            let before = s.unicodeScalars.first.map { leading.contains($0) } ?? false
            return Word(core: core, folded: Fold.text(core), endsClause: after, opensClause: before)
        }
    }

    /// The proper names of `sentence`: runs of capitalised words (with the language's
    /// `name_connectors` between two of them, "Duke of Wellington"), without a leading
    /// function word ("The", "In") or a lone month name. `atStart` tells a name that opens the
    /// sentence, which counts only when the document also names it elsewhere.
    public static func names(in sentence: String, language: LanguageData) -> [(name: String, atStart: Bool)] {
        let ws = words(sentence, language: language)
        var out: [(String, Bool)] = []
        var i = 0
        while i < ws.count {
            guard ws[i].capitalised else { i += 1; continue }
            var j = i
            var run: [Int] = [i]
            while !ws[j].endsClause, j + 1 < ws.count {
                if ws[j + 1].opensClause { break }
                if ws[j + 1].capitalised { j += 1; run.append(j); continue }
                if language.nameConnectors.contains(ws[j + 1].folded), j + 2 < ws.count, ws[j + 2].capitalised, !ws[j + 1].endsClause {
                    run.append(j + 1); run.append(j + 2); j += 2; continue
                }
                break
            }
            // Leading function words and question words ("The", "In", "What") are no part of a name.
            while let f = run.first, language.functionWords.contains(ws[f].folded) || language.questionWords[ws[f].folded] != nil { run.removeFirst() }
            while let l = run.last, language.nameConnectors.contains(ws[l].folded) { run.removeLast() }
            if let f = run.first {
                let name = run.map { ws[$0].core }.joined(separator: " ")
                let lone = run.count == 1 && (language.months[ws[f].folded] != nil || language.functionWords.contains(ws[f].folded)
                    || language.currencyWords[ws[f].folded] != nil)
                if !lone && name.count > 1 { out.append((name, f == 0)) }
            }
            i = j + 1
        }
        return out
    }

    /// A calendar date starting at word `i`: month day [year], day month [year], or month year.
    /// - Returns: the time as a pack writes it (`2019-03-03`, `2019-06`; nil without a year) and
    ///   how many words it spans; nil when no date starts there.
    static func calendarDate(_ ws: [Word], at i: Int, language: LanguageData) -> (time: String?, length: Int)? {
        func month(_ k: Int) -> Int? {
            guard k < ws.count, ws[k].core.first?.isUppercase == true, ws[k].core.count > 2 else { return nil }
            return language.months[ws[k].folded]
        }
        func day(_ k: Int) -> Int? { k < ws.count ? Int(ws[k].core).flatMap { (1...31).contains($0) ? $0 : nil } : nil }
        func year(_ k: Int) -> Int? {
            guard k < ws.count, ws[k].core.count == 4, let y = Int(ws[k].core), (1000...2199).contains(y) else { return nil }
            return y
        }
        func time(_ y: Int, _ m: Int, _ d: Int?) -> String {
            String(format: "%04d-%02d", y, m) + (d.map { String(format: "-%02d", $0) } ?? "")
        }
        if let m = month(i), let d = day(i + 1) {
            if let y = year(i + 2) { return (time(y, m, d), 3) }
            return (nil, 2)
        }
        if let d = day(i), let m = month(i + 1) {
            if let y = year(i + 2) { return (time(y, m, d), 3) }
            return (nil, 2)
        }
        if let m = month(i), let y = year(i + 1) { return (time(y, m, nil), 2) }
        return nil
    }

    /// What a number counts: among the (up to three) words after it, before a function word or
    /// a punctuation mark, a counting noun of the language data ("people", "companies"), else
    /// the first plural-looking word ("projects" in "15 energy investment projects"), else the
    /// first lowercase word; nil when none follows.
    static func countedNoun(_ ws: [Word], from k: Int, language: LanguageData) -> String? {
        var phrase: [Word] = []
        var j = k
        while j < ws.count, phrase.count < 3, ws[j].core.allSatisfy({ $0.isLetter || $0 == "-" }),
              !language.functionWords.contains(ws[j].folded) {
            phrase.append(ws[j])
            if ws[j].endsClause { break }
            j += 1
        }
        let lower = phrase.filter { $0.core.first?.isLowercase == true }
        let units = Set(language.unitCategories.keys).union(language.quantityMarkersAfter)
        return (lower.first { units.contains($0.folded) } ?? lower.first { $0.folded.hasSuffix("s") } ?? lower.first)?.folded
    }

    /// The numeric drafts of `sentence` (dates, percentages, money, quantities), with `nearName`
    /// left empty (the caller knows the sentence's names).
    public static func numbers(in sentence: String, language: LanguageData) -> [DraftFact] {
        let ws = words(sentence, language: language)
        var out: [DraftFact] = []
        var i = 0
        while i < ws.count {
            let w = ws[i]
            // Calendar dates: "March 3, 2019", "3 March 2019", "June 2019". A day and month with no
            // year make no time a pack can write: they are left to the author.
            if let d = calendarDate(ws, at: i, language: language) {
                if let time = d.time { out.append(DraftFact(kind: .date, time: time, sentence: sentence)) }
                i += d.length; continue
            }
            var core = w.core
            var currency: String?
            for (sign, code) in language.currencyWords where !sign.allSatisfy(\.isLetter) && core.hasPrefix(sign) && core.count > sign.count {
                if core.dropFirst(sign.count).first?.isNumber == true { currency = code; core = String(core.dropFirst(sign.count)); break }
            }
            var percent = false
            if core.hasSuffix("%") { percent = true; core.removeLast() }
            let prev = i > 0 ? ws[i - 1].folded : ""
            let next = i + 1 < ws.count ? ws[i + 1].folded : ""
            // Ordinals before "century": "the 10th century".
            if let n = Int(core.dropLast(2)), ["st", "nd", "rd", "th"].contains(String(core.suffix(2))), next.hasPrefix("centur") {
                out.append(DraftFact(kind: .date, time: "\(n)\(core.suffix(2)) century", sentence: sentence))
                i += 2; continue
            }
            // Decades: "the 1320s", "the 1960s".
            if core.hasSuffix("s"), let n = Int(core.dropLast()), n % 10 == 0, core.count >= 4 {
                out.append(DraftFact(kind: .date, time: "\(n)s", sentence: sentence))
                i += 1; continue
            }
            let digits = core.replacingOccurrences(of: ",", with: "")
            guard core.first?.isNumber == true, core.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }),
                  !core.hasSuffix("."), let value = Double(digits) else { i += 1; continue }
            var v = value
            var k = i + 1
            // "3.5 billion"
            if k < ws.count, let scale = language.numberScales[ws[k].folded], ws[k].folded.count > 2 { v *= scale; k += 1 }
            if !percent, k < ws.count {
                let two = k + 1 < ws.count ? ws[k].folded + " " + ws[k + 1].folded : ""
                if language.percentWords.contains(two) { percent = true; k += 2 }
                else if language.percentWords.contains(ws[k].folded) { percent = true; k += 1 }
            }
            if currency == nil, k < ws.count, let c = language.currencyWords[ws[k].folded] { currency = c; k += 1 }
            if currency == nil, let c = language.currencyWords[prev] { currency = c }
            let nextNoun = Self.countedNoun(ws, from: k, language: language)
            let whole = !core.contains(",") && !core.contains(".") && v == value
            if percent {
                out.append(DraftFact(kind: .percentage, value: v, sentence: sentence))
            } else if let currency {
                out.append(DraftFact(kind: .money, value: v, unit: currency, sentence: sentence))
            } else if whole, (core.count == 4 && (1000...2199).contains(Int(value)) || core.count == 3 && language.yearPrepositions.contains(prev)),
                      nextNoun == nil || !language.quantityMarkersAfter.contains(nextNoun!) && nextNoun!.last != "s" {
                out.append(DraftFact(kind: .date, time: digits, sentence: sentence))
            } else {
                out.append(DraftFact(kind: .quantity, value: v, unit: nextNoun, sentence: sentence))
            }
            i = k
        }
        return out
    }
}

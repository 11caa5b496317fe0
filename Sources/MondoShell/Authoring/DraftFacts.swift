import Foundation
import MondoCore

/// One fact `mondo new` proposes from a sentence of the document, for an author to confirm.
public struct DraftFact: Sendable, Hashable {
    /// What was found.
    public enum Kind: String, Sendable, Hashable {
        /// A year ("in 911", "2024"), a decade ("the 880s") or a century ("the 10th century").
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
    /// The time as a pack writes it (`911`, `880s`, `10th century`), for `date`.
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

    static func words(_ sentence: String) -> [Word] {
        let leading = CharacterSet(charactersIn: "“\"‘'([«")
        let trailing = CharacterSet(charactersIn: ".,;:!?”\"’')]»")
        return sentence.split(whereSeparator: \.isWhitespace).compactMap { raw in
            let s = String(raw)
            let core = s.trimmingCharacters(in: leading).trimmingCharacters(in: trailing)
            guard !core.isEmpty else { return nil }
            let after = s.unicodeScalars.last.map { trailing.contains($0) && $0 != "’" && $0 != "'" } ?? false
            let before = s.unicodeScalars.first.map { leading.contains($0) } ?? false
            return Word(core: core, folded: Fold.text(core), endsClause: after, opensClause: before)
        }
    }

    /// The proper names of `sentence`: runs of capitalised words (with the language's
    /// `name_connectors` between two of them, "Charles III of West Francia"), without a leading
    /// function word ("The", "In") or a lone month name. `atStart` tells a name that opens the
    /// sentence, which counts only when the document also names it elsewhere.
    public static func names(in sentence: String, language: LanguageData) -> [(name: String, atStart: Bool)] {
        let ws = words(sentence)
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
                let lone = run.count == 1 && (language.months[ws[f].folded] != nil || language.functionWords.contains(ws[f].folded))
                if !lone && name.count > 1 { out.append((name, f == 0)) }
            }
            i = j + 1
        }
        return out
    }

    /// The numeric drafts of `sentence` (dates, percentages, money, quantities), with `nearName`
    /// left empty (the caller knows the sentence's names).
    public static func numbers(in sentence: String, language: LanguageData) -> [DraftFact] {
        let ws = words(sentence)
        var out: [DraftFact] = []
        var i = 0
        while i < ws.count {
            let w = ws[i]
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
            // Decades: "the 880s", "the 1060s".
            if core.hasSuffix("s"), let n = Int(core.dropLast()), n % 10 == 0, core.count >= 4 {
                out.append(DraftFact(kind: .date, time: "\(n)s", sentence: sentence))
                i += 1; continue
            }
            let digits = core.replacingOccurrences(of: ",", with: "")
            guard core.first?.isNumber == true, core.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }),
                  !core.hasSuffix("."), let value = Double(digits) else { i += 1; continue }
            var v = value
            var k = i + 1
            // "77.7 billion"
            if k < ws.count, let scale = language.numberScales[ws[k].folded], ws[k].folded.count > 2 { v *= scale; k += 1 }
            if !percent, k < ws.count {
                let two = k + 1 < ws.count ? ws[k].folded + " " + ws[k + 1].folded : ""
                if language.percentWords.contains(two) { percent = true; k += 2 }
                else if language.percentWords.contains(ws[k].folded) { percent = true; k += 1 }
            }
            if currency == nil, k < ws.count, let c = language.currencyWords[ws[k].folded] { currency = c; k += 1 }
            if currency == nil, let c = language.currencyWords[prev] { currency = c }
            let nextNoun = k < ws.count && ws[k].core.allSatisfy(\.isLetter) && ws[k].core.first?.isLowercase == true
                && !language.functionWords.contains(ws[k].folded) ? ws[k].folded : nil
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

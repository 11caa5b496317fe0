import Foundation

/// One word of a normalised utterance.
public struct Token: Sendable, Hashable {
    /// The folded word (lowercase, no diacritics); numbers in canonical digits (`540000`, `6.25`).
    public var text: String
    /// The stem used for matching (see ``Stemmer``); numbers are their own stem.
    public var stem: String
    /// The value of a number token (`"540k"`, `"ten"` and `"2.5x"` all give numbers).
    public var number: Double?
    /// When the spelling corrector replaced this word, the word as typed.
    public var correctedFrom: String?
    /// True when the word was written with a possessive "'s" ("Dora's nephew").
    public var possessive = false

    /// Creates a token; unless given, the stem is computed with the default English data
    /// (``Stemmer/stem(_:)``; the normaliser passes its language's stem).
    public init(_ text: String, stem: String? = nil, number: Double? = nil) {
        self.text = text
        self.stem = stem ?? Stemmer.stem(text)
        self.number = number
    }
}

/// Turns raw text into tokens: folding (``Fold``), contractions, punctuation, and number forms
/// ("540,000", "540k", "ten percent", "USD 15bn", "2.5x", "two thousand"). The words it knows
/// (contractions, number words, scales, ordinals) and the stemmer come from ``LanguageData``.
/// O(n) in the text length.
public enum Normalizer {
    /// Ordinal words and their values in the default English data ("third" → 3); digits with a
    /// suffix ("3rd") become these words. A pack's own ordinals are in ``LanguageData/ordinals``.
    public static var ordinals: [String: Int] { LanguageData.english.ordinals }

    /// Canonical digits for a number: `540000`, `6.25`, `31400000000`.
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// Splits folded text into raw word pieces: letters/digits runs, with digit groups
    /// ("540,000"), decimals ("6.25") and the symbols `%` and `$` kept as pieces.
    static func pieces(_ folded: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        let scalars = Array(folded.unicodeScalars)
        func isWord(_ u: Unicode.Scalar) -> Bool {
            if u.isASCII { return (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") }
            return u.properties.isAlphabetic || u.properties.numericType != nil
        }
        func isDigit(_ u: Unicode.Scalar) -> Bool { u >= "0" && u <= "9" }
        var i = 0
        func flush() { if !cur.isEmpty { out.append(String(cur)); cur = String.UnicodeScalarView() } }
        while i < scalars.count {
            let c = scalars[i]
            if isWord(c) {
                cur.append(c)
            } else if (c == "," || c == "."), let last = cur.last, isDigit(last), i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                if c == "," {  // thousands separator only before exactly three digits
                    var j = i + 1, n = 0
                    while j < scalars.count, isDigit(scalars[j]) { j += 1; n += 1 }
                    if n == 3 { i += 1; continue }
                    flush()
                } else { cur.append(c) }
            } else if c == "'", !cur.isEmpty, i + 1 < scalars.count, isWord(scalars[i + 1]), !isDigit(scalars[i + 1]) {
                cur.append(c)  // contractions and possessives, resolved below
            } else {
                flush()
                switch c {
                case "%": out.append("percent")
                case "$": out.append("usd")
                case "&": out.append("and")
                case "+": out.append("plus")
                default: break
                }
            }
            i += 1
        }
        flush()
        return out
    }

    /// Normalises an utterance into tokens with the words and stemmer of `language` (the default
    /// English data unless given). Never fails; empty or symbol-only input gives `[]`.
    public static func tokens(_ utterance: String, language: LanguageData = .english) -> [Token] {
        let expansions = language.expansions, units = language.numberScales, numberWords = language.numberWords
        func token(_ text: String, number: Double? = nil) -> Token {
            Token(text, stem: language.stemmer.stem(text), number: number)
        }
        var words: [String] = []
        // Indices in `words` of words written with a possessive "'s".
        var possessiveAt = Set<Int>()
        for p in pieces(Fold.text(utterance)) {
            var w = p
            // Contractions and possessives; a piece holds an apostrophe only between letters.
            if p.utf8.contains(UInt8(ascii: "'")) {
                if let e = expansions[p] { words += e; continue }
                if w.hasSuffix("n't") { words += [String(w.dropLast(3)), "not"]; continue }
                for suf in ["'s", "'re", "'ve", "'ll", "'d", "'m"] where w.hasSuffix(suf) {
                    w = String(w.dropLast(suf.count))
                    if suf == "'re" { words += [w, "are"]; w = "" }
                    else if suf == "'ve" { words += [w, "have"]; w = "" }
                    else if suf == "'ll" { words += [w, "will"]; w = "" }
                    else if suf == "'s", !w.isEmpty { possessiveAt.insert(words.count) }
                    break
                }
                if w.utf8.contains(UInt8(ascii: "'")) { w.removeAll { $0 == "'" } }
                if w.isEmpty { continue }
            }
            // "56 bc" is a year before Christ, not "because".
            if w == "bc", let last = words.last, last.first?.isNumber == true { words.append(w); continue }
            if let e = expansions[w] { words += e; continue }
            words.append(w)
        }
        // Numbers: digits with suffixes, number words, scale words.
        var out: [Token] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if let (value, rest) = splitNumber(w, scales: units) {
                var v = value
                var tail: [String] = []
                if !rest.isEmpty {
                    if let u = units[rest] { v *= u }
                    else if rest == "x" { tail = ["times"] }
                    else if ["st", "nd", "rd", "th"].contains(rest) {
                        // "100000000000000000000th" has no Int: it stays a word.
                        guard let n = wholeNumber(value) else { out.append(token(w)); i += 1; continue }
                        out.append(token(language.ordinalNames[n] ?? "\(n)th", number: Double(n)))
                        i += 1; continue
                    } else if rest == "pct" { tail = ["percent"] }
                    else { tail = [rest] }
                }
                // "540 thousand", "31.4 billion"
                if tail.isEmpty, i + 1 < words.count, let u = units[words[i + 1]], words[i + 1].count > 1 || u >= 1e6 {
                    v *= u; i += 1
                }
                out.append(token(canonical(v), number: v))
                for t in tail { out.append(token(t)) }
                i += 1
                continue
            }
            if numberWords[w] != nil || (w == "a" && i + 1 < words.count && ["hundred", "thousand", "million", "billion", "dozen"].contains(words[i + 1])) {
                var total = 0.0, group = 0.0, j = i, used = false
                while j < words.count {
                    let x = words[j]
                    if let n = numberWords[x] { group += n; used = true }
                    else if x == "a", !used { group = 1 }
                    else if x == "hundred" { group = max(group, 1) * 100; used = true }
                    else if let u = units[x], x.count > 2 { total += max(group, 1) * u; group = 0; used = true }
                    else if x == "and", used, j + 1 < words.count, numberWords[words[j + 1]] != nil {}
                    else { break }
                    j += 1
                }
                if used {
                    let v = total + group
                    out.append(token(canonical(v), number: v))
                    i = j
                    continue
                }
            }
            var t = token(w)
            t.possessive = possessiveAt.contains(i)
            out.append(t)
            i += 1
        }
        return out
    }

    /// The whole number `value` stands for, or nil when it has a fraction or does not fit an `Int`
    /// (`9999999999999999999999` is a number but no `Int`). Use this instead of `Int(_:)`, which traps.
    public static func wholeNumber(_ value: Double) -> Int? {
        guard value == value.rounded(), abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// "540" → (540, ""), "540k" → (540, "k"), "3rd" → (3, "rd"), "2.5x" → (2.5, "x"); nil when the
    /// word does not start with a digit or the suffix is not a unit-like tail.
    static func splitNumber(_ w: String, scales units: [String: Double]) -> (Double, String)? {
        guard let f = w.first, f.isNumber else { return nil }
        let digits = w.prefix { $0.isNumber || $0 == "." }
        let rest = String(w.dropFirst(digits.count))
        guard let v = Double(digits) else { return nil }
        if rest.isEmpty || units[rest] != nil || ["x", "st", "nd", "rd", "th", "pct"].contains(rest) { return (v, rest) }
        return nil  // "n1", "h1", "2030s" stay words
    }
}

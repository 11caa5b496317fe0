import Foundation

/// One word of a normalised utterance.
public struct Token: Sendable, Hashable {
    /// The folded word (lowercase, no diacritics); numbers in canonical digits (`710000`, `7.52`).
    public var text: String
    /// The stem used for matching (see ``Stemmer``); numbers are their own stem.
    public var stem: String
    /// The value of a number token (`"710k"`, `"ten"` and `"1.8x"` all give numbers).
    public var number: Double?
    /// When the spelling corrector replaced this word, the word as typed.
    public var correctedFrom: String?

    /// Creates a token; the stem is computed unless given.
    public init(_ text: String, stem: String? = nil, number: Double? = nil) {
        self.text = text
        self.stem = stem ?? Stemmer.stem(text)
        self.number = number
    }
}

/// Turns raw text into tokens: folding (``Fold``), contractions, punctuation, and number forms
/// ("710,000", "710k", "ten percent", "USD 20bn", "1.8x", "two thousand"). O(n) in the text length.
public enum Normalizer {
    static let contractions: [String: [String]] = [
        "whats": ["what", "is"], "whos": ["who", "is"], "wheres": ["where", "is"], "hows": ["how", "is"],
        "whens": ["when", "is"], "thats": ["that", "is"], "dont": ["do", "not"], "doesnt": ["does", "not"],
        "didnt": ["did", "not"], "isnt": ["is", "not"], "arent": ["are", "not"], "wasnt": ["was", "not"],
        "cant": ["can", "not"], "wont": ["will", "not"], "hasnt": ["has", "not"], "havent": ["have", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "theyre": ["they", "are"],
        "u": ["you"], "ur": ["your"], "r": ["are"], "pls": ["please"], "plz": ["please"], "thx": ["thanks"],
        "yrs": ["years"], "yr": ["year"], "mo": ["months"], "mos": ["months"], "govt": ["government"],
        "gov": ["government"], "w/": ["with"], "vs": ["versus"], "approx": ["approximately"],
        "info": ["information"], "abt": ["about"], "bc": ["because"], "cuz": ["because"], "b4": ["before"],
        "h1": ["first", "half"], "h2": ["second", "half"], "1h": ["first", "half"], "2h": ["second", "half"],
        "q1": ["first", "quarter"], "yoy": ["year", "on", "year"],
    ]
    static let apostrophe: [String: [String]] = [
        "what's": ["what", "is"], "who's": ["who", "is"], "where's": ["where", "is"], "how's": ["how", "is"],
        "when's": ["when", "is"], "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
        "here's": ["here", "is"], "let's": ["let", "us"], "he's": ["he", "is"], "she's": ["she", "is"],
        "can't": ["can", "not"], "won't": ["will", "not"], "i'm": ["i", "am"],
    ]
    static let units: [String: Double] = [
        "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mil": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
        "billion": 1e9, "bn": 1e9, "b": 1e9, "bil": 1e9, "trillion": 1e12, "tn": 1e12,
    ]
    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    /// Ordinal words and their values ("third" → 3); digits with a suffix ("3rd") become these words.
    public static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
        "twentieth": 20, "thirtieth": 30, "fiftieth": 50, "hundredth": 100,
    ]
    static let ordinalNames: [Int: String] = Dictionary(uniqueKeysWithValues: ordinals.map { ($1, $0) })

    /// Canonical digits for a number: `710000`, `7.52`, `77700000000`.
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// Splits folded text into raw word pieces: letters/digits runs, with digit groups
    /// ("710,000"), decimals ("7.52") and the symbols `%` and `$` kept as pieces.
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

    /// Normalises an utterance into tokens. Never fails; empty or symbol-only input gives `[]`.
    public static func tokens(_ utterance: String) -> [Token] {
        var words: [String] = []
        for p in pieces(Fold.text(utterance)) {
            if let e = apostrophe[p] { words += e; continue }
            var w = p
            if w.hasSuffix("n't") { words += [String(w.dropLast(3)), "not"]; continue }
            for suf in ["'s", "'re", "'ve", "'ll", "'d", "'m"] where w.hasSuffix(suf) {
                w = String(w.dropLast(suf.count))
                if suf == "'re" { words += [w, "are"]; w = "" }
                else if suf == "'ve" { words += [w, "have"]; w = "" }
                else if suf == "'ll" { words += [w, "will"]; w = "" }
                break
            }
            if w.contains("'") { w.removeAll { $0 == "'" } }
            if w.isEmpty { continue }
            // "56 bc" is a year before Christ, not "because".
            if w == "bc", let last = words.last, last.first?.isNumber == true { words.append(w); continue }
            if let e = contractions[w] { words += e; continue }
            words.append(w)
        }
        // Numbers: digits with suffixes, number words, scale words.
        var out: [Token] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if let (value, rest) = splitNumber(w) {
                var v = value
                var tail: [String] = []
                if !rest.isEmpty {
                    if let u = units[rest] { v *= u }
                    else if rest == "x" { tail = ["times"] }
                    else if ["st", "nd", "rd", "th"].contains(rest) {
                        // "100000000000000000000th" has no Int: it stays a word.
                        guard let n = wholeNumber(value) else { out.append(Token(w)); i += 1; continue }
                        out.append(Token(ordinalNames[n] ?? "\(n)th", number: Double(n)))
                        i += 1; continue
                    } else if rest == "pct" { tail = ["percent"] }
                    else { tail = [rest] }
                }
                // "710 thousand", "77.7 billion"
                if tail.isEmpty, i + 1 < words.count, let u = units[words[i + 1]], words[i + 1].count > 1 || u >= 1e6 {
                    v *= u; i += 1
                }
                out.append(Token(canonical(v), number: v))
                for t in tail { out.append(Token(t)) }
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
                    out.append(Token(canonical(v), number: v))
                    i = j
                    continue
                }
            }
            out.append(Token(w))
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

    /// "710" → (710, ""), "710k" → (710, "k"), "3rd" → (3, "rd"), "1.8x" → (1.8, "x"); nil when the
    /// word does not start with a digit or the suffix is not a unit-like tail.
    static func splitNumber(_ w: String) -> (Double, String)? {
        guard let f = w.first, f.isNumber else { return nil }
        let digits = w.prefix { $0.isNumber || $0 == "." }
        let rest = String(w.dropFirst(digits.count))
        guard let v = Double(digits) else { return nil }
        if rest.isEmpty || units[rest] != nil || ["x", "st", "nd", "rd", "th", "pct"].contains(rest) { return (v, rest) }
        return nil  // "n1", "h1", "2030s" stay words
    }
}

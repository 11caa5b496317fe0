import Foundation
import MondoCore

/// A small deterministic generator (SplitMix64): the same seed always gives the same variants,
/// on every platform and run (Swift's own hashing is randomised per process, so it is not used).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64
    /// Creates a generator from `seed`.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// FNV-1a over UTF-8: a stable hash for mixing a question into the seed.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// The kinds of variant `mondo robustness` asks.
public enum VariantKind: String, Sendable, CaseIterable {
    /// One content word of five letters or more with two letters swapped, one dropped or one doubled.
    case typo
    /// Diacritics removed (Đà Lạt → Da Lat), or added from the pack's concept terms.
    case diacritics
    /// Lowercase, punctuation removed.
    case lowercase
    /// A filler opening ("could you tell me", "um,").
    case filler
    /// A term replaced by another term of the same pack concept.
    case synonym
}

/// One generated variant of a question.
public struct Variant: Sendable, Hashable {
    public var kind: VariantKind
    public var text: String
}

/// Makes deterministic variants of questions from a pack's vocabulary and concepts.
public struct VariantMaker {
    let engine: Engine
    let seed: UInt64
    /// Concept terms as stems, longest first: (stems, term as written, concept).
    let terms: [(stems: [String], term: String, concept: String)]
    /// Terms with diacritics, keyed by their folded words: ("da lat" → "Đà Lạt").
    let accented: [(folded: [String], term: String)]

    /// Openings a person might type before the question.
    public static let fillers = ["could you tell me ", "um, ", "so ", "i was wondering, ", "hey, quick question: ", "please tell me "]
    static let lowerable: Set<String> = ["what", "how", "when", "where", "who", "why", "which", "whose", "is", "are", "was",
                                         "were", "do", "does", "did", "has", "have", "can", "could", "will", "would", "tell",
                                         "in", "by", "and", "the", "a", "an", "give", "name", "list", "describe", "explain"]

    /// Prepares the term tables of `engine`'s pack. O(terms).
    public init(engine: Engine, seed: UInt64) {
        self.engine = engine
        self.seed = seed
        var t: [(stems: [String], term: String, concept: String)] = []
        var acc: [(folded: [String], term: String)] = []
        for c in engine.pack.concepts.values.sorted(by: { $0.name < $1.name }) {
            // Synonym sets are the shared ones (concepts.yaml) and entities anywhere; a topic
            // file's own concepts are often bags of cue words ("when, date, edition"), not synonyms.
            let shared = c.entityClass != nil || (c.location.map { ($0.path as NSString).lastPathComponent } == "concepts.yaml")
            for term in c.terms where !term.hasPrefix("~") {
                let toks = Normalizer.tokens(term, language: engine.pack.language)
                guard !toks.isEmpty, toks.allSatisfy({ $0.number == nil }) else { continue }
                // Only terms with a content word: "what date" → "time" is a synonym, "the" is not.
                if shared, !engine.analyse(term).contentUnits.isEmpty { t.append((toks.map(\.stem), term, c.name)) }
                if Fold.text(term) != term.lowercased() { acc.append((Fold.text(term).split(separator: " ").map(String.init), term)) }
            }
        }
        terms = t.sorted { $0.stems.count > $1.stems.count }
        accented = acc.sorted { $0.folded.count > $1.folded.count }
    }

    /// A question split into words (letters and digits) and what lies between them.
    struct Piece { var text: String; var isWord: Bool }

    static func pieces(_ s: String) -> [Piece] {
        var out: [Piece] = []
        for ch in s {
            let w = ch.isLetter || ch.isNumber
            if let last = out.last, last.isWord == w { out[out.count - 1].text.append(ch) }
            else { out.append(Piece(text: String(ch), isWord: w)) }
        }
        return out
    }

    /// Every variant of `question` (at most one per kind; a kind that does not apply is left out).
    public func variants(of question: String) -> [Variant] {
        var out: [Variant] = []
        for (k, kind) in VariantKind.allCases.enumerated() {
            var rng = SeededGenerator(seed: seed ^ SeededGenerator.hash(question) ^ (UInt64(k + 1) &* 0x1000_0000_01B3))
            let v: String?
            switch kind {
            case .typo: v = typo(question, &rng)
            case .diacritics: v = diacritics(question)
            case .lowercase: v = lowercase(question)
            case .filler: v = filler(question, &rng)
            case .synonym: v = synonym(question, &rng)
            }
            if let v, v != question { out.append(Variant(kind: kind, text: v)) }
        }
        return out
    }

    func typo(_ q: String, _ rng: inout SeededGenerator) -> String? {
        let content = Set(engine.analyse(q).contentUnits.filter { $0.length == 1 }.map(\.text))
        var ps = Self.pieces(q)
        let idx = ps.indices.filter { i in
            ps[i].isWord && ps[i].text.count >= 5 && ps[i].text.allSatisfy(\.isLetter) && content.contains(Fold.text(ps[i].text))
        }
        guard !idx.isEmpty else { return nil }
        let i = idx[rng.below(idx.count)]
        var w = Array(ps[i].text)
        let op = rng.below(3)
        let pairs = (1..<(w.count - 1)).filter { w[$0] != w[$0 + 1] }
        if op == 0, !pairs.isEmpty {  // swap two neighbouring letters (not the first) that differ
            let p = pairs[rng.below(pairs.count)]
            w.swapAt(p, p + 1)
        } else if op == 1 {  // drop a letter (not the first)
            w.remove(at: 1 + rng.below(w.count - 1))
        } else {  // double a letter (not the first)
            let p = 1 + rng.below(w.count - 1)
            w.insert(w[p], at: p)
        }
        ps[i].text = String(w)
        return ps.map(\.text).joined()
    }

    /// Removes combining marks and maps đ to d, keeping case.
    static func stripDiacritics(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            default: out.append(u)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    func diacritics(_ q: String) -> String? {
        let stripped = Self.stripDiacritics(q)
        if stripped != q { return stripped }
        // Add them: a span of the question that is a pack term written with diacritics.
        var ps = Self.pieces(q)
        let words = ps.indices.filter { ps[$0].isWord }
        for a in accented {
            guard a.folded.count <= words.count else { continue }
            for s in 0...(words.count - a.folded.count) {
                let span = words[s..<(s + a.folded.count)]
                guard zip(span, a.folded).allSatisfy({ Fold.text(ps[$0.0].text) == $0.1 }) else { continue }
                let first = ps[span.first!].text.first!
                let accentedWords = a.term.split(separator: " ").map(String.init)
                guard accentedWords.count == span.count else { continue }
                for (pi, w) in zip(span, accentedWords) {
                    let orig = ps[pi].text
                    ps[pi].text = orig.first!.isUppercase ? w.prefix(1).uppercased() + w.dropFirst() : w
                    _ = first
                }
                return ps.map(\.text).joined()
            }
        }
        return nil
    }

    func lowercase(_ q: String) -> String? {
        let chars = Array(q.lowercased())
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isLetter || c.isNumber || c == " " { out.append(c); continue }
            // Keep separators inside numbers (540,000; 6.25).
            if (c == "," || c == "."), i > 0, i + 1 < chars.count, chars[i - 1].isNumber, chars[i + 1].isNumber { out.append(c); continue }
            if c == "-" || c == "/" || c == "–" { out.append(" ") }
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    func filler(_ q: String, _ rng: inout SeededGenerator) -> String? {
        let f = Self.fillers[rng.below(Self.fillers.count)]
        let first = q.prefix { $0.isLetter }
        let body = Self.lowerable.contains(first.lowercased()) ? q.prefix(1).lowercased() + q.dropFirst() : q
        return f + body
    }

    func synonym(_ q: String, _ rng: inout SeededGenerator) -> String? {
        var ps = Self.pieces(q)
        let words = ps.indices.filter { ps[$0].isWord }
        let stems = words.map { i -> String? in
            let t = Normalizer.tokens(ps[i].text, language: engine.pack.language)
            return t.count == 1 ? t[0].stem : nil
        }
        // Every (span, concept, matched term) in the question; longest terms first, no overlaps.
        var spans: [(range: Range<Int>, concept: String, stems: [String])] = []
        var taken = Set<Int>()
        for t in terms {
            guard t.stems.count <= words.count else { continue }
            for s in 0...(words.count - t.stems.count) {
                let r = s..<(s + t.stems.count)
                guard r.allSatisfy({ !taken.contains($0) }), zip(r, t.stems).allSatisfy({ stems[$0.0] == $0.1 }) else { continue }
                spans.append((r, t.concept, t.stems))
                r.forEach { taken.insert($0) }
            }
        }
        // Keep spans whose concept has another term to offer.
        let options = spans.compactMap { sp -> (Range<Int>, [String])? in
            let alts = terms.filter { $0.concept == sp.concept && $0.stems != sp.stems }.map(\.term)
            return alts.isEmpty ? nil : (sp.range, alts.sorted())
        }.sorted { $0.0.lowerBound < $1.0.lowerBound }
        guard !options.isEmpty else { return nil }
        let (range, alts) = options[rng.below(options.count)]
        var alt = alts[rng.below(alts.count)]
        let firstPiece = words[range.lowerBound], lastPiece = words[range.upperBound - 1]
        if firstPiece == 0 || ps[firstPiece].text.first?.isUppercase == true, range.lowerBound == 0 {
            alt = alt.prefix(1).uppercased() + alt.dropFirst()
        }
        ps.replaceSubrange(firstPiece...lastPiece, with: [Piece(text: alt, isWord: true)])
        return ps.map(\.text).joined()
    }
}

/// Splits a paragraph into sentences without being fooled by abbreviations ("U.S.", "c. 1350",
/// "St. Peter"), decimals ("3.5") or web addresses. Pure; O(n) in the paragraph's length.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by
/// a space, when the next word does not start with a lowercase letter or a digit; a `.` also
/// does not end one after a single letter or a dotted word ("U.S."), or after a word of the
/// language data's `sentence_abbreviations` ("mr", "st", "c").
public enum Sentences {
    /// Closing quotes and brackets that may follow a sentence end.
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»"]

    /// The sentences of `paragraph`, trimmed, in order; a paragraph without a sentence end is one
    /// sentence.
    /// - Parameter abbreviations: words (folded, without their dot) after which a `.` ends no sentence.
    public static func split(_ paragraph: String, abbreviations: Set<String>) -> [String] {
        let s = Array(paragraph.unicodeScalars)
        var out: [String] = []
        var start = 0
        func emit(_ end: Int) {
            let text = String(String.UnicodeScalarView(s[start..<end])).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { out.append(text) }
            start = end
        }
        var k = 0
        while k < s.count {
            let u = s[k]
            guard u == "." || u == "!" || u == "?" else { k += 1; continue }
            var j = k + 1
            while j < s.count, closers.contains(s[j]) { j += 1 }
            if j == s.count { break }
            guard s[j].properties.isWhitespace else { k += 1; continue }
            var m = j
            while m < s.count, s[m].properties.isWhitespace { m += 1 }
            if m == s.count { break }
            let next = s[m]
            if next.properties.isLowercase || ("0"..."9").contains(next) { k += 1; continue }
            if u == "." && j == k + 1 {
                // The word before the dot.
                var b = k
                while b > start, !s[b - 1].properties.isWhitespace { b -= 1 }
                let word = String(String.UnicodeScalarView(s[b..<k])).filter { $0.isLetter || $0 == "." }
                let letters = word.filter(\.isLetter)
                if letters.count == 1 || word.contains(".") || abbreviations.contains(Fold.text(word)) {
                    k += 1; continue
                }
            }
            emit(j)
            k = j
        }
        emit(s.count)
        return out
    }
}

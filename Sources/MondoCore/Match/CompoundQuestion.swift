/// Splits a compound question ("How many came, and what did it cost?") into the questions it
/// joins, so that each is answered on its own. Pure text work, no I/O; O(n) in the utterance.
public enum CompoundQuestion {
    /// The questions `utterance` joins, in order, or `[utterance]` when it is one question.
    ///
    /// A new question starts at a question word ("how", "what", "who" … from the language data)
    /// after "and", "but", "also" or "plus", or after a comma, semicolon or question mark; after a
    /// question mark or semicolon an auxiliary opening ("is", "did" …) starts one too. The part
    /// before must be a question itself (a question word in it, or, ended by "?" or ";", an
    /// auxiliary opening it: not "Should both come true, what …"), of
    /// three words or more; the new part needs three words or more ("…, and when?" stays whole);
    /// at most `maxParts` parts (the last keeps the rest). "Between A and B", "how many Japanese
    /// and Vietnamese …", "According to the report, what …" stay whole.
    public static func parts(of utterance: String, language: LanguageData, maxParts: Int = 3) -> [String] {
        // Words with their ranges in the utterance.
        var words: [(text: String, range: Range<String.Index>)] = []
        var i = utterance.startIndex
        while i < utterance.endIndex {
            guard utterance[i].isLetter || utterance[i].isNumber else { i = utterance.index(after: i); continue }
            var j = i
            while j < utterance.endIndex, utterance[j].isLetter || utterance[j].isNumber || utterance[j] == "'" || utterance[j] == "’" { j = utterance.index(after: j) }
            words.append((Fold.text(String(utterance[i..<j])).lowercased().replacingOccurrences(of: "’", with: "'"), i..<j))
            i = j
        }
        guard words.count >= 5 else { return [utterance] }
        func opener(_ w: String) -> Bool {
            let bare = w.replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "'", with: "")
            if language.questionWords[bare] != nil { return true }
            if let e = language.expansions[w] ?? language.expansions[bare], let f = e.first { return language.questionWords[f] != nil }
            return false
        }
        let connectors: Set<String> = ["and", "but", "also", "plus"]
        var starts: [Int] = []  // word index where each later part starts
        var lastStart = 0
        for k in 1..<words.count where starts.count < maxParts - 1 {
            let between = utterance[words[k - 1].range.upperBound..<words[k].range.lowerBound]
            let prev = words[k - 1].text
            var start: Int?
            if connectors.contains(prev), opener(words[k].text), k - 1 - lastStart >= 3 { start = k - 1 }
            else if between.contains(where: { ",;?".contains($0) }), !connectors.contains(prev), k - lastStart >= 3,
                    opener(words[k].text) || (between.contains(where: { ";?".contains($0) }) && language.yesNoOpenings.contains(words[k].text)) { start = k }
            // The part before must be a question itself (not "According to the report, what …"),
            // and the new one more than an elliptical "and when?".
            let closed = between.contains(where: { ";?".contains($0) })
            guard let s = start, words.count - s >= 3,
                  words[lastStart..<s].contains(where: { opener($0.text) }) || (closed && language.yesNoOpenings.contains(words[lastStart].text))
            else { continue }
            starts.append(s)
            lastStart = s
        }
        guard !starts.isEmpty else { return [utterance] }
        var out: [String] = []
        var from = utterance.startIndex
        for s in starts {
            out.append(trim(String(utterance[from..<words[s].range.lowerBound])))
            from = words[s].range.lowerBound
        }
        out.append(trim(String(utterance[from...])))
        return out.filter { !$0.isEmpty }
    }

    /// The part without separators at its ends ("how many came, " → "how many came").
    static func trim(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.last, c == " " || c == "," || c == ";" { t = t.dropLast() }
        while let c = t.first, c == " " || c == "," || c == ";" { t = t.dropFirst() }
        return String(t)
    }
}

/// Summary questions: "What does he say about tourism?", "Sum up the part on investment", "In a
/// nutshell, the festivals?". Pure text work; O(n) in the utterance.
public enum SummaryQuestion {
    /// The words naming what to sum up, or nil when `utterance` is not a summary question.
    ///
    /// A summary question opens with (or holds) one of the language data's `summary.markers`
    /// ("sum up", "in a nutshell", "overview") and names its subject after them, or asks "what
    /// does/did … say/think … about X" with a verb of `summary.verbs` and at most four words
    /// between. The words after the marker or after "about"/"on"/"of" are returned, without the
    /// function words around them ("the part about", "what he says on").
    public static func subject(of utterance: String, language: LanguageData) -> String? {
        reading(of: utterance, language: language)?.subject
    }

    /// The subject words, and the words naming who says it ("he", "the article", "Anna" in "what
    /// did Anna say about …"; empty for a marker such as "sum up").
    public static func reading(of utterance: String, language: LanguageData) -> (subject: String, speaker: String)? {
        let words = Normalizer.tokens(utterance, language: language).map(\.text)
        guard words.count >= 2 else { return nil }
        var after: Int?
        var speaker: [String] = []
        // "what does he say about X", "what did the article say on X"
        if let w = words.firstIndex(where: { $0 == "what" }), w + 1 < words.count, ["does", "did", "do", "is", "was"].contains(words[w + 1]) {
            if let v = words[(w + 2)...].prefix(5).firstIndex(where: { language.summaryVerbs.contains($0) }) {
                var k = v + 1
                while k < words.count, ["about", "on", "of", "regarding", "concerning", "re"].contains(words[k]) == false, k <= v + 2 { k += 1 }
                if k < words.count, ["about", "on", "of", "regarding", "concerning", "re"].contains(words[k]) {
                    after = k + 1
                    speaker = Array(words[(w + 2)..<v])
                }
            }
        }
        if after == nil {
            for m in language.summaryMarkers {
                guard let at = (0...max(0, words.count - m.count)).first(where: { words[$0...].starts(with: m) }) else { continue }
                after = at + m.count
                break
            }
        }
        guard var k = after else { return nil }
        // "the part about X", "what he says on X", "up X"
        let lead: Set<String> = ["up", "about", "on", "of", "the", "part", "section", "bit", "what", "he", "she", "it", "they",
                                 "says", "said", "say", "regarding", "concerning", "me", "for", "please", "a", "an"]
        while k < words.count, lead.contains(words[k]) { k += 1 }
        let rest = words[k...].filter { !["please", "thanks"].contains($0) }
        return rest.isEmpty ? nil : (rest.joined(separator: " "), speaker.joined(separator: " "))
    }
}

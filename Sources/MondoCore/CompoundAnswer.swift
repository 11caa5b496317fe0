/// Compound questions: each part answered in turn, the answers joined.
extension Engine {
    /// Answers the `parts` of a compound question one after another, each as a turn in `context`
    /// (so "… and where does that rank?" may lean on the part before). Returns nil when no part is
    /// answered, or with `requireAll` when any part is not (the whole is then answered as one
    /// question: "How are Japan and Korea cooperating?" is no question about Japan alone). A part
    /// that is declined is named in
    /// the reply with what is missing. The response's `intent` is the first answered part's;
    /// `facts` and `sources` are those of all answered parts. Bounded: parts are never split again.
    func answerCompound(_ parts: [String], whole: String, requireAll: Bool = false, context: inout DialogueContext) -> Response? {
        var scratch = context
        var replies: [(part: String, response: Response)] = []
        for p in parts {
            let r = answer(p, context: &scratch, mayRewrite: true)
            scratch.declinedEntities = r.intent == nil ? r.explanation.analysis.entities.map(\.concept) : []
            replies.append((p, r))
        }
        guard let first = replies.first(where: { $0.response.intent != nil })?.response else { return nil }
        if requireAll, replies.contains(where: { $0.response.intent == nil }) { return nil }
        context = scratch
        var texts: [String] = []
        var seenIntents = Set<String>()
        for (part, r) in replies {
            if let id = r.intent {
                if seenIntents.insert(id).inserted { texts.append(r.answer) }
            } else {
                texts.append("As for “\(part)”: " + Self.withoutSuggestions(r.answer))
            }
        }
        var out = first
        out.answer = texts.joined(separator: " ")
        out.facts = replies.flatMap(\.response.facts).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        out.score = replies.compactMap(\.response.score).min()
        out.explanation.analysis.utterance = whole
        out.explanation.sources = replies.flatMap(\.response.explanation.sources)
        out.explanation.contextUse = "compound question, \(parts.count) parts: " + replies.map { "“\($0.part)” → \($0.response.intent ?? "declined")" }.joined(separator: "; ")
        return out
    }

    /// A decline's text without its suggested questions ("You could ask: …", or the pointer to
    /// `:topics`); the text itself when it has none. The shell sets the rest apart at a terminal.
    public static func withoutSuggestions(_ text: String) -> String {
        for marker in [" You could ask:", " Type :topics"] {
            if let r = text.range(of: marker) { return String(text[..<r.lowerBound]) }
        }
        return text
    }

    /// "Give me the growth in the first half and the target for the year": two noun phrases joined
    /// by the one "and" of a question with no question word after it, the second opening with a
    /// determiner (the language data's `determiners`). The parts are the words
    /// before it and the words after it, each asked on its own and answered only when both are
    /// (``answerCompound(_:whole:requireAll:context:)``). Nil when the question has no or several
    /// "and"s, compares or combines (`comparison_words`), or a side has fewer than three words.
    func conjoinedPhrases(_ a: Analysis) -> [String]? {
        let words = a.tokens.map(\.text)
        let ands = words.indices.filter { words[$0] == "and" }
        // The second phrase opens with a determiner ("… and the target for the year"); "jobs and
        // investment" is one list, not two questions.
        guard ands.count == 1, let k = ands.first, k >= 3, words.count - k - 1 >= 3,
              pack.language.determiners.contains(words[k + 1]),
              !words.contains(where: { pack.language.comparisonWords.contains($0) }) else { return nil }
        return [words[..<k].joined(separator: " "), words[(k + 1)...].joined(separator: " ")]
    }

    /// "How many Japanese and Vietnamese visited?": two entities of one class joined by "and" or
    /// "or" make two questions, one for each ("how many Japanese visited", "how many Vietnamese
    /// visited"), answered only when each is. Nil when the question has no such pair, or compares
    /// or combines them ("between",
    /// "both", "combined", "more", "than", "compare" …: the language data's `comparison_words`).
    func coordinatedParts(_ a: Analysis) -> [String]? {
        let words = a.tokens.map(\.text)
        guard !words.contains(where: { pack.language.comparisonWords.contains($0) }) else { return nil }
        let mentions = a.entities.sorted { $0.unit < $1.unit }
        for (x, y) in zip(mentions, mentions.dropFirst()) where x.entityClass == y.entityClass && x.concept != y.concept {
            let ux = a.units[x.unit], uy = a.units[y.unit]
            let gapStart = ux.start + ux.length
            guard uy.start == gapStart + 1, ["and", "or"].contains(words[gapStart]) else { continue }
            let first = Array(words[..<gapStart]) + Array(words[(uy.start + uy.length)...])
            let second = Array(words[..<ux.start]) + Array(words[uy.start...])
            return [first.joined(separator: " "), second.joined(separator: " ")]
        }
        return nil
    }
}

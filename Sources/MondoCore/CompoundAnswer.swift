/// Compound questions: each part answered in turn, the answers joined.
extension Engine {
    /// Answers the `parts` of a compound question one after another, each as a turn in `context`
    /// (so "… and where does that rank?" may lean on the part before). Returns nil when no part is
    /// answered (the whole is then answered as one question). A part that is declined is named in
    /// the reply with what is missing. The response's `intent` is the first answered part's;
    /// `facts` and `sources` are those of all answered parts. Bounded: parts are never split again.
    func answerCompound(_ parts: [String], whole: String, context: inout DialogueContext) -> Response? {
        var scratch = context
        var replies: [(part: String, response: Response)] = []
        for p in parts {
            let r = answer(p, context: &scratch, mayRewrite: true)
            scratch.declinedEntities = r.intent == nil ? r.explanation.analysis.entities.map(\.concept) : []
            replies.append((p, r))
        }
        guard let first = replies.first(where: { $0.response.intent != nil })?.response else { return nil }
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

    /// A decline's text without its suggested questions.
    static func withoutSuggestions(_ text: String) -> String {
        for marker in [" You could ask:", " Type :topics"] {
            if let r = text.range(of: marker) { return String(text[..<r.lowerBound]) }
        }
        return text
    }
}

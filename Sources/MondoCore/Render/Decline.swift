/// Declines: the text that says what is missing, with suggestions, and the candidates for `:why`.
extension Engine {
    func summaries(_ cands: [Candidate]) -> [CandidateSummary] {
        cands.prefix(8).map { CandidateSummary(intent: pack.intents[$0.intent].id, score: $0.score, blocked: $0.blocked, fit: $0.fit) }
    }

    func decline(_ reason: FallbackReason, _ a: Analysis, _ cands: [Candidate], extra: String? = nil, alternatives: [Int] = [],
                 offer: Clarification? = nil) -> Response {
        let s = pack.settings
        var text: String
        switch reason {
        case .ambiguous:
            let qs = alternatives.compactMap { pack.intents[$0].examples.first }.map { "“\($0)”" }
            text = "Did you mean \(qs.joined(separator: " or "))?"
        case .notInPack:
            text = s.notInPack
            if let extra { text += " " + extra }
            else {
                // The most telling reason among the intents that fit the words: not the direction
                // when something else (a year, an entity, the kind of answer) explains it.
                let telling = cands.filter { $0.userReason != nil && $0.score >= matcher.threshold + matcher.policy.tellingMargin }
                let best = Block.declineOrder.lazy.compactMap { g in telling.first { $0.gap == g } }.first ?? telling.first
                if let why = best?.userReason {
                    // An entity or a kind of answer the pack's intents lack is the pack's gap, not
                    // necessarily the document's: say what is missing without blaming the document.
                    let packGap = best?.gap?.isPackGap ?? false
                    text = packGap ? why : text + " " + why
                }
            }
        case .notUnderstood, .unsure:
            text = s.notUnderstood
        }
        if reason != .ambiguous {
            var seen = Set<String>()
            let sugg = cands.filter { $0.score > matcher.policy.suggestionScore }.compactMap { pack.intents[$0.intent].examples.first }
                .filter { seen.insert($0).inserted }.prefix(s.suggestions)
            if !sugg.isEmpty { text += " You could ask: " + sugg.map { "“\($0)”" }.joined(separator: "; ") + "." }
            else { text += " Type :topics to see what can be asked." }
        }
        let explanation = Explanation(analysis: a, candidates: summaries(cands), contextUse: nil, slots: [:],
                                      sources: [], computations: [], yesno: nil)
        return Response(answer: text, intent: nil, facts: [], reason: reason, score: nil, explanation: explanation, clarification: offer)
    }
}

import MondoCore

extension Shell {
    /// The text of `:why ARG`:
    ///
    /// - `:why` — how the last answer was understood (``Explain/text(_:evidence:)``), with the
    ///   question's words each candidate accounts for and those it does not;
    /// - `:why QUESTION` — the same for QUESTION, asked in the current context without changing it;
    /// - `:why all [QUESTION]` — every scored candidate intent, not only the top five;
    /// - `:why INTENT_ID [QUESTION]` — why that intent did or did not answer: its score and place,
    ///   every reason it is blocked (an entity outside its scope, a require group nothing matched,
    ///   an exclude, the question kind, the direction, the time), or which intent it lost to.
    func why(_ arg: String) -> String {
        let parts = arg.split(separator: " ", maxSplits: 1).map(String.init)
        let head = parts.first ?? "", rest = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let nothing = "Nothing to explain yet: ask a question first, or type :why QUESTION."
        if head.lowercased() == "all" {
            guard let (r, before) = whySubject(rest) else { return nothing }
            return Explain.candidateList(engine.allCandidates(for: r.explanation.analysis, context: before), response: r)
        }
        if engine.pack.intents.contains(where: { $0.id == head }) {
            guard let s = whySubject(rest),
                  let x = engine.explain(intent: head, for: s.response.explanation.analysis, context: s.before, response: s.response)
            else { return nothing }
            return Explain.text(x, question: s.response.explanation.analysis.utterance)
        }
        if Engine.builtInIntents.contains(head) {
            return "\(head) is one of the engine's built-in comparisons of two facts, not an intent of the pack "
                + "(see Docs/pack-format.md, “Built-in comparisons”; `comparisons: off` in pack.yaml turns them off)."
        }
        if Engine.metaIntents.contains(head) {
            return "\(head) is one of the engine's conversation manners (small talk, not an answer about the document; "
                + "the texts are the language data's `texts` or the pack's `manners:` in pack.yaml; see Docs/language-data.md)."
        }
        // One word shaped like an intent id (`visits.jp_to_vn`) that the pack does not have.
        if rest.isEmpty, head.contains("."), head.first?.isLetter == true, head.last?.isLetter == true || head.last?.isNumber == true,
           head.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "." }) {
            let hint = nearest(head, in: engine.pack.intents.map(\.id), limit: 4).map { "; did you mean \($0)?" } ?? "."
            return "The pack has no intent '\(head)'\(hint) (:why all lists the candidates for the last question.)"
        }
        guard let (r, _) = whySubject(arg) else { return nothing }
        return Explain.text(r) { self.engine.evidence(intent: $0, for: r.explanation.analysis) }
    }

    /// The response to explain and the context it was asked in: QUESTION answered in a scratch
    /// copy of the current context, or the last turn. Nil when there is neither.
    func whySubject(_ question: String) -> (response: Response, before: DialogueContext)? {
        var explaining = engine
        explaining.explains = true
        if !question.isEmpty {
            var scratch = context
            return (explaining.respond(to: question, context: &scratch), context)
        }
        guard let last = turns.last else { return nil }
        let before = contextBefore ?? DialogueContext()
        if last.response.explanation.described { return (last.response, before) }
        // Answered without the texts of blocked candidates: the same turn again, with them.
        var scratch = before
        return (explaining.respond(to: last.question, context: &scratch), before)
    }
}

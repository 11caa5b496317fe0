/// What a clarifying question offers: one or two intents that would take a declined question
/// but for what it leaves unsaid, each with its first example question. Carried by the decline
/// (``Response/clarification``); when ``Engine/clarifies`` is on, also asked ("Do you mean …?")
/// and kept in the dialogue context for one turn (``DialogueContext/clarification``).
public struct Clarification: Sendable, Equatable {
    /// One option: an intent, the example question asked for it, and its score for the question.
    public struct Option: Sendable, Equatable {
        /// The intent id.
        public var intent: String
        /// Its first example question, which a "yes" answers.
        public var question: String
        /// Its score for the declined question, 0…1 (the share of the words it accounts for).
        public var score: Double
    }
    /// One or two options, best first.
    public var options: [Option]
}

extension Engine {
    /// The intents a declined turn may be offered back (``ScoringPolicy/clarifyScore``,
    /// ``ScoringPolicy/clarifyLead``): its leading readings — the candidates scoring at least
    /// `clarifyScore` and within `clarifyLead` of the best — when they are one or two and each
    /// would take the question but for what it leaves unsaid: it accounts for every content
    /// word (``Matcher/evidence(_:intent:)`` leaves nothing unmet; a word it does not know says
    /// the question is about something else), and it is blocked only for a require group the
    /// question does not name (with that group supplied, nothing else blocks it), or it scores
    /// below the threshold with no penalty for a time or a focus it contradicts.
    ///
    /// A leading candidate that knows every word but stays blocked once completed is no reading
    /// and is passed over. Nil when a leading candidate is a partial reading (a word it does not
    /// know, a time or focus it contradicts); when three or more readings are about as good (the
    /// question is too vague to guess at); when a blocked intent gives the decline a telling
    /// reason (the decline then says what is missing); for a yes/no question (it asserts
    /// something, and another question is no reading of it); and for a question that points
    /// back ("how much is it investing?": what it leaves unsaid is what "it" names).
    /// - Complexity: one evidence check and at most one matcher pass per leading candidate.
    func clarification(for turn: TurnState) -> Clarification? {
        let p = matcher.policy, a = turn.analysis, cands = turn.candidates
        guard a.kind != .yesno, !a.isAnaphoric else { return nil }
        if cands.contains(where: { $0.blocked != nil && $0.userReason != nil && $0.score >= matcher.threshold + p.tellingMargin }) { return nil }
        // The question's leading readings: every candidate within `clarifyLead` of the best.
        let ranked = cands.filter { $0.score >= p.clarifyScore }.sorted { $0.fit > $1.fit }
        guard let top = ranked.first else { return nil }
        let leading = ranked.prefix { top.fit - $0.fit < p.clarifyLead }
        var eligible: [Candidate] = []
        for c in leading {
            // A partial reading (a word it does not know, a time or focus it contradicts) makes
            // the question vague; one that knows every word but stays blocked once completed is
            // no reading at all and is passed over.
            guard !pack.intents[c.intent].examples.isEmpty, c.userReason == nil, !c.timeConflict, !c.focusMissed,
                  matcher.evidence(a, intent: c.intent).unmet.isEmpty else { return nil }
            if c.blocked == nil, c.score < matcher.threshold { eligible.append(c) }
            else if c.block == .require, completes(c, a) { eligible.append(c) }
            if eligible.count > 2 { return nil }
        }
        guard !eligible.isEmpty, eligible.count <= 2 else { return nil }
        return Clarification(options: eligible.map {
            let i = pack.intents[$0.intent]
            return .init(intent: i.id, question: i.examples[0], score: $0.score)
        })
    }

    /// True when `c`, blocked for a require group, is not blocked once its groups are supplied.
    func completes(_ c: Candidate, _ a: Analysis) -> Bool {
        let keys = Set(pack.intents[c.intent].require.flatMap { $0 }.map(Matcher.key))
        return matcher.candidates(for: a, contextKeys: keys).first { $0.intent == c.intent }.map { $0.blocked == nil } ?? false
    }

    /// The text asking `offer` back: `clarify_one` or `clarify_two`.
    func clarifyingText(_ offer: Clarification, which: Bool = false) -> String {
        var values = packValues
        values["question"] = offer.options[0].question
        values["first"] = offer.options[0].question
        values["second"] = offer.options.count > 1 ? offer.options[1].question : ""
        let name = which ? "clarify_which" : offer.options.count == 1 ? "clarify_one" : "clarify_two"
        return MannerTexts.render(text(name) ?? "", values)
    }

    /// The reply to a pending clarification, or nil when `utterance` is not one (it is then a new
    /// question): "yes" or "1"/"2" answers the option as if its example question were asked
    /// (the context updated as by that question); "no" is acknowledged (`meta.not_meant`, the
    /// context unchanged); "yes" to two options asks which, keeping them one more turn.
    func reply(_ utterance: String, to offer: Clarification, context: inout DialogueContext) -> Response? {
        guard let reply = manners.reply(to: utterance) else { return nil }
        let a = analyzer.analyse(utterance)
        func said(_ text: String, intent: String?, reason: FallbackReason?) -> Response {
            Response(answer: text, intent: intent, facts: [], reason: reason, score: nil,
                     explanation: Explanation(analysis: a, candidates: [], contextUse: nil, slots: [:], sources: [], computations: [], yesno: nil))
        }
        let chosen: Clarification.Option
        switch reply {
        case .no:
            context.turns += 1
            return said(MannerTexts.render(text("clarify_no") ?? "", packValues), intent: "meta.not_meant", reason: nil)
        case .yes where offer.options.count > 1:
            context.turns += 1
            context.clarification = offer
            return said(clarifyingText(offer, which: true), intent: nil, reason: .ambiguous)
        case .yes, .first: chosen = offer.options[0]
        case .second:
            guard offer.options.count > 1 else { return nil }
            chosen = offer.options[1]
        }
        guard let pos = index.position[chosen.intent] else { return nil }
        context.turns += 1
        let q = chosen.question
        let qa = analyzer.analyse(q)
        let cands = matcher.candidates(for: qa)
        var c = cands.first { $0.intent == pos && $0.blocked == nil }
            ?? Candidate(intent: pos, fit: chosen.score, blocked: nil, userReason: nil, fromContext: 0, timeConflict: false)
        c.fromContext = 0
        var turn = TurnState(utterance: q, analysis: qa, candidates: cands, chosen: c, slots: pack.intents[pos].slots)
        turn.contextUse = "clarification: “\(utterance)” to “\(q)”"
        context.declinedEntities = []
        return answerChosen(turn, chosen: c, context: &context)
    }
}

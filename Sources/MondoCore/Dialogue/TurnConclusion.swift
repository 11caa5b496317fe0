/// The end of a turn, once its resolution steps have run: a decline, or the chosen intent's
/// answer with the dialogue context updated from it.
extension Engine {
    /// A decline when nothing was chosen (naming what is missing when it can) or when two intents
    /// tie; otherwise the chosen intent's answer, remembered in `context`.
    func conclude(_ turn: TurnState, context: inout DialogueContext) -> Response {
        guard let c = turn.chosen else { return declineUnanswered(turn) }
        if let d = declineBlockedReading(turn, chosen: c) { return d }
        if let tie = declineTie(turn, chosen: c) { return tie }
        return answerChosen(turn, chosen: c, context: &context)
    }

    /// The decline of a turn no intent answers: the substitution's decline, a subject the pack
    /// declares it lacks, a noun asked for that no intent names, or the most telling block.
    func declineUnanswered(_ turn: TurnState) -> Response {
        let a = turn.analysis, cands = turn.candidates
        if let d = turn.substitutedDecline { return d }
        if let gap = matcher.notCovered(a) {
            return decline(.notInPack, a, cands, extra: "I have nothing at all on \(gap.what).")
        }
        let best = cands.first
        // The words fit, but the thing asked for is not what the intent gives ("which pope …?").
        if let f = a.focusUnit, let top = cands.first(where: { $0.blocked == nil }), top.focusMissed,
           top.score + matcher.focusPenalty >= matcher.threshold {
            return decline(.notInPack, a, cands, extra: "Nothing I have names the \(a.units[f].text) you ask about.")
        }
        // Understood when an intent that fits the words well was blocked for a reason it can name.
        let understood = (best.map { $0.blocked != nil && $0.score >= matcher.threshold } ?? false)
            || cands.contains { $0.blocked != nil && $0.userReason != nil && $0.score >= matcher.threshold + matcher.policy.tellingMargin }
        let reason: FallbackReason = understood ? .notInPack : .notUnderstood
        return decline(reason, a, cands, offer: clarification(for: turn))
    }

    /// The question's best reading is an intent blocked for something the question asks that it
    /// does not give (``Block``, other than a missing pattern word), fitting clearly better than
    /// the intent chosen: that one would be a neighbouring fact. Declines with the blocked one's
    /// reason. Nil when the context chose the intent, or nothing blocked fits that much better.
    func declineBlockedReading(_ turn: TurnState, chosen c: Candidate) -> Response? {
        guard turn.step == nil else { return nil }
        let margin = matcher.policy.blockedReadingMargin
        guard let reading = turn.candidates.first(where: { b in
            guard let block = b.block, Self.readingBlocks.contains(block), b.fit >= c.fit + margin else { return false }
            // An exclude term the chosen intent itself names routes the question to it: that is
            // the pack choosing between siblings, not a question the pack cannot answer.
            return block != .exclude || !pack.intents[b.intent].exclude.contains { index.weight(intent: c.intent, key: Matcher.key($0)) != nil }
        }) else { return nil }
        return decline(.notInPack, turn.analysis, turn.candidates, extra: reading.userReason)
    }

    /// Blocks that say the question asks for something an intent does not give, as opposed to a
    /// pattern word it lacks or a kind of answer another intent may give.
    static let readingBlocks: Set<Block> = [.exclude, .rank, .members, .noPerson, .notCovered]

    /// Two different intents, neither in the other's family, scoring the same: ask which was
    /// meant. Nil when the chosen one stands out or the context chose it.
    func declineTie(_ turn: TurnState, chosen c: Candidate) -> Response? {
        let a = turn.analysis, cands = turn.candidates
        // Ambiguity: two different intents, neither in the other's family, scoring the same.
        if let second = cands.dropFirst().first(where: { $0.blocked == nil && $0.intent != c.intent }),
           turn.contextUse == nil, second.score >= matcher.threshold, c.fit - second.fit < matcher.policy.tieMargin,
           Set(pack.intents[second.intent].facts).isDisjoint(with: pack.intents[c.intent].facts),
           pack.intents[second.intent].family == nil || pack.intents[second.intent].family != pack.intents[c.intent].family,
           pack.intents[second.intent].require.count == pack.intents[c.intent].require.count,
           pack.intents[second.intent].priority == pack.intents[c.intent].priority {
            let offer = Clarification(options: [c, second].compactMap { x in
                pack.intents[x.intent].examples.first.map { .init(intent: pack.intents[x.intent].id, question: $0, score: x.score) }
            })
            return decline(.ambiguous, a, cands, alternatives: [c.intent, second.intent], offer: offer.options.count == 2 ? offer : nil)
        }
        return nil
    }

    /// The chosen intent's answer: its template filled, a worked-out length, a yes/no verdict;
    /// declined when the question's word is the opposite of the answer's.
    func answerChosen(_ turn: TurnState, chosen c: Candidate, context: inout DialogueContext) -> Response {
        let a = turn.analysis, cands = turn.candidates
        let intent = pack.intents[c.intent]
        let rendered = render(c.intent)
        var text = rendered.text
        let sources = rendered.sources
        var traces = rendered.traces
        let computedNumbers = rendered.numbers
        // "How long did he stay?" of an intent whose fact is a span: the length, worked out.
        if a.kind == .number, intent.compute.isEmpty, let d = duration(of: intent, asked: a), !text.contains(d.years) {
            text += " That is \(d.years) (\(d.working))."
            traces.append(ComputationTrace(name: "duration", op: "elapsed", operands: [d.fact], working: d.working))
        }
        // "Which part of western Ireland …?" answered "eastern Ireland": the question's word is
        // the opposite of the answer's. A yes/no question gets "No"; any other is declined.
        let opposite = oppositeWord(a, answer: text)
        if let (asked, given) = opposite, a.kind != .yesno {
            return decline(.notInPack, a, cands, extra: "I have it for “\(given)”, not “\(asked)”.")
        }
        var yesno: String?
        if a.kind == .yesno {
            let decided = decideYesNo(a, intent: intent, score: c.score, contradicted: c.timeConflict || c.entityContrast || opposite != nil, computed: computedNumbers, answer: text)
            yesno = decided.map { $0 ? "yes" : "no" } ?? "undecided"
            // A template that already opens with its verdict ("No, …") keeps it, said once.
            let opening = Normalizer.tokens(String(text.prefix(12)), language: pack.language).first?.text
            if let yes = decided, opening != "yes", opening != "no" { text = (yes ? "Yes. " : "No. ") + text }
        }
        remember(turn, chosen: c, answer: text, context: &context)
        let explanation = Explanation(
            analysis: a, candidates: summaries(cands), contextUse: turn.contextUse, slots: turn.slots,
            sources: sources.map { (fact: $0.0, source: $0.1, label: $0.2) }, computations: traces, yesno: yesno,
            step: turn.step)
        return Response(answer: text, intent: intent.id, facts: sources.map(\.0), reason: nil, score: c.score, explanation: explanation)
    }

    /// Updates the dialogue context after `turn` was answered with `text` by `c`: the intent and
    /// its slots, the keys a follow-up may lean on, the entities and people in focus.
    func remember(_ turn: TurnState, chosen c: Candidate, answer text: String, context: inout DialogueContext) {
        let a = turn.analysis, intent = pack.intents[c.intent]
        context.lastIntent = intent.id
        context.slots = turn.slots
        // "he", "it", "there" in the next turn may point at someone or something the answer named.
        let named = analyzer.unitsAndEntities(Normalizer.tokens(text, language: pack.language)).entities
            .filter { ["person", "organisation", "place", "event"].contains($0.entityClass) }.map { "c:" + $0.concept }
        context.keys = Set(a.contentUnits.flatMap(\.keys)).union(intent.require.flatMap { $0 }.map(Matcher.key))
            .union(c.fromContext > 0 ? context.keys : []).union(named)
        context.entities = a.entities.map(\.concept)
        let askedPeople = a.entities.filter { $0.entityClass == "person" }.map(\.concept)
        let answerPeople = named.map { String($0.dropFirst(2)) }.filter { pack.concepts[$0]?.entityClass == "person" }
        context.people = a.kind == .who ? answerPeople + askedPeople : askedPeople + answerPeople
        context.lastUtterance = turn.utterance
    }
}

/// The resolution steps of one turn (``ResolutionStep``): each looks at the turn so far and the
/// dialogue context, and may choose an intent, or end the turn with a response. No I/O.
extension Engine {
    /// Runs `step` on `turn`. Returns a response when the step ends the turn (an answer reached by
    /// rewriting, a computed comparison, a decline that names what is missing), nil to go on.
    func resolve(_ step: ResolutionStep, _ turn: inout TurnState, context: inout DialogueContext, mayRewrite: Bool) -> Response? {
        switch step {
        case .substitution: return mayRewrite ? substitute(&turn, context: &context) : nil
        case .declinedReferent: referToDeclined(&turn, context: context); return nil
        case .personInFocus: return referToPerson(&turn, context: context)
        case .packSubject: referToSubject(&turn, context: context); return nil
        case .previousTurn: return continuePrevious(&turn, context: context)
        case .comparison: return compare(turn, context: &context)
        case .elapsed: return timeBetween(turn, context: &context)
        case .kindOnly: return askKindOnly(&turn, context: context)
        case .substitutedKind:
            // "Where is Acme's factory?" … "and Globex?": if the pack cannot say where, an
            // answer of another kind (what Globex is) is not an answer; the decline is.
            if let d = turn.substitutedDecline, let c = turn.chosen, let prev = context.lastUtterance {
                let prevKind = analyzer.analyse(prev, correct: false).kind
                if [.number, .when, .whereKind, .who, .why].contains(prevKind), !pack.intents[c.intent].ask.contains(prevKind) { return d }
            }
            return nil
        }
    }

    /// ``ResolutionStep/substitution``: the previous question asked again about the entity this
    /// one names. Answers through a second ``answer(_:context:mayRewrite:)`` with rewriting off;
    /// a `notInPack` decline is kept for later steps.
    func substitute(_ turn: inout TurnState, context: inout DialogueContext) -> Response? {
        guard let rewritten = entitySubstitution(turn.analysis, context: context) else { return nil }
        var scratch = context
        var r = answer(rewritten.text, context: &scratch, mayRewrite: false)
        r.explanation.contextUse = "follow-up: asked as “\(rewritten.text)” (\(rewritten.old) → \(rewritten.new))"
        r.explanation.step = .substitution
        r.explanation.analysis = turn.analysis
        if r.intent != nil {
            context = scratch
            return r
        }
        // Not answerable as the previous question; the words themselves may still be.
        if r.reason == .notInPack { turn.substitutedDecline = r }
        return nil
    }

    /// ``ResolutionStep/declinedReferent``: "when was William born?" (declined) … "which battle
    /// did he win?": the pronoun points at what the declined turn named.
    func referToDeclined(_ turn: inout TurnState, context: DialogueContext) {
        let a = turn.analysis
        guard turn.chosen == nil, a.isAnaphoric, !context.declinedEntities.isEmpty else { return }
        let keys = Set(context.declinedEntities.map { "c:" + $0 }).union(context.keys)
        let withDeclined = matcher.candidates(for: a, contextKeys: keys)
        if let best = withDeclined.first, best.blocked == nil, best.score >= matcher.threshold {
            turn.choose(best, from: withDeclined, slots: pack.intents[best.intent].slots, by: .declinedReferent,
                        "follow-up: the pronoun taken as \(context.declinedEntities.joined(separator: ", ")), named by the declined turn before")
        }
    }

    /// ``ResolutionStep/personInFocus``: "he"/"she" with no person named means the person in
    /// focus, when an intent about that person fits ("what did Anna die of?" … "who was she
    /// married to?"). Declines when nothing is about that person and the intent found tells
    /// another person's story.
    func referToPerson(_ turn: inout TurnState, context: DialogueContext) -> Response? {
        let a = turn.analysis
        guard a.isAnaphoric, a.tokens.contains(where: { pack.language.personPronouns.contains($0.text) }),
              !a.entities.contains(where: { $0.entityClass == "person" }) else { return nil }
        var seen = Set<String>()
        let referents = (context.declinedEntities.filter { pack.concepts[$0]?.entityClass == "person" } + context.people)
            .filter { seen.insert($0).inserted }.prefix(3)
        for r in referents {
            // The intent found is about that person: keep it (no later step trades it for one
            // about someone else that merely shares more words with the last turn).
            if let c = turn.chosen, index.intents[c.intent].scope.contains(r) {
                turn.contextUse = "follow-up: the pronoun taken as \(r)"
                turn.step = .personInFocus
                return nil
            }
            let withReferent = matcher.candidates(for: a, contextKeys: ["c:" + r])
            if let best = withReferent.first(where: { $0.blocked == nil && index.intents[$0.intent].scope.contains(r) }),
               best.score >= matcher.threshold {
                turn.choose(best, from: withReferent, slots: pack.intents[best.intent].slots, by: .personInFocus, "follow-up: the pronoun taken as \(r)")
                return nil
            }
        }
        // Nothing about the person in focus, and the intent found is about other people (not the
        // pack's subject): that is another person's story, not an answer about this one.
        if let c = turn.chosen, let focus = referents.first {
            let scope = index.intents[c.intent].scope
            let others = scope.contains { pack.concepts[$0]?.entityClass == "person" }
            if others, !(pack.settings.subject.map { scope.contains($0) } ?? false) {
                let name = matcher.entityName(focus) ?? matcher.displayName(focus, typed: focus)
                return decline(.notInPack, a, turn.candidates, extra: "I have nothing on \(name) for that.")
            }
        }
        return nil
    }

    /// ``ResolutionStep/packSubject``: a pronoun with nothing before it ("when did he start?",
    /// "where did they settle?") means the pack's subject.
    func referToSubject(_ turn: inout TurnState, context: DialogueContext) {
        let a = turn.analysis
        guard context.lastIntent == nil, let subject = pack.settings.subject, a.isAnaphoric, turn.chosen == nil,
              a.tokens.contains(where: { pack.settings.subjectPronouns.contains($0.text) }) else { return }
        let withSubject = matcher.candidates(for: a, contextKeys: ["c:" + subject])
        if let best = withSubject.first, best.blocked == nil, best.score >= matcher.threshold {
            turn.choose(best, from: withSubject, slots: pack.intents[best.intent].slots, by: .packSubject,
                        "follow-up: the pronoun taken as the pack's subject (\(subject))")
        }
    }

    /// ``ResolutionStep/previousTurn``: an elliptical follow-up that only changes slots ("and the
    /// other way round?") gets the last intent's family member with those slots; otherwise a
    /// follow-up, or a turn nothing answers alone, lets the previous turn's words satisfy the
    /// intents' patterns. Declines when the previous topic lacks the kind asked for, or the
    /// family has no intent with the slots asked for.
    func continuePrevious(_ turn: inout TurnState, context: DialogueContext) -> Response? {
        let a = turn.analysis
        guard let last = context.lastIntent, let lastPos = index.position[last] else { return nil }
        let standaloneScore = turn.chosen?.fit ?? 0
        var slotMiss: [String: String]?
        if a.looksLikeFollowUp, standaloneScore < matcher.policy.slotFollowUpBelow, let family = pack.intents[lastPos].family,
           let (pos, newSlots) = slotFollowUp(a, family: family, context: context) {
            if let pos {
                let c = Candidate.chosenFromContext(pos, fit: max(standaloneScore, matcher.threshold))
                turn.choose(c, slots: newSlots, by: .previousTurn,
                            "follow-up: same question with \(newSlots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))")
            } else { slotMiss = newSlots }
        }
        guard turn.contextUse == nil, a.looksLikeFollowUp || turn.chosen == nil else { return nil }
        // Pronouns and short questions: let the previous turn's words satisfy the patterns.
        let topic = a.isAnaphoric ? String(last.split(separator: ".").first ?? "") : nil
        let withContext = matcher.candidates(for: a, contextKeys: context.keys, followTopic: topic)
        // "How many rode the metro?" … "when did it open?": the previous topic has no date, and
        // an intent of another topic that only shares the city is not about "it".
        if turn.chosen == nil, let topic, let best = withContext.first, best.blocked == nil, best.fromContext > 0,
           !a.tokens.contains(where: { pack.language.personPronouns.contains($0.text) }),
           !pack.intents[best.intent].id.hasPrefix(topic + "."),
           let own = withContext.first(where: { $0.kindMismatch && $0.userReason != nil
               && pack.intents[$0.intent].id.hasPrefix(topic + ".") && $0.fit >= best.fit }) {
            return decline(.notInPack, a, withContext, extra: own.userReason)
        }
        if let best = withContext.first, best.blocked == nil, best.score >= matcher.threshold,
           best.fit > standaloneScore || turn.chosen == nil {
            turn.choose(best, from: withContext, slots: pack.intents[best.intent].slots, by: .previousTurn,
                        best.fromContext > 0 ? "follow-up: \(best.fromContext) pattern group(s) from the previous turn" : nil)
        } else if let miss = slotMiss, turn.chosen == nil {
            let what = miss.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return decline(.notInPack, a, turn.candidates, extra: "It has no figure for that combination (\(what)).")
        }
        return nil
    }

    /// ``ResolutionStep/comparison``: a comparison of two facts that no computed intent of the
    /// pack answers. (For a yes/no question the generic comparison keeps the order asked in.)
    func compare(_ turn: TurnState, context: inout DialogueContext) -> Response? {
        let a = turn.analysis
        guard pack.settings.comparisons, a.kind == .yesno || (turn.chosen.map({ pack.intents[$0.intent].compute.isEmpty }) ?? true),
              let cmp = Comparison(pack: pack, index: index).find(a),
              let r = answerComparison(cmp, a, turn.candidates) else { return nil }
        context.lastUtterance = turn.utterance
        return r
    }

    /// ``ResolutionStep/elapsed``: "How many years between the treaty and the battle?": two
    /// dated facts, the time between.
    func timeBetween(_ turn: TurnState, context: inout DialogueContext) -> Response? {
        let a = turn.analysis
        let previousFacts = context.lastIntent.flatMap { index.position[$0] }.map { pack.intents[$0].facts } ?? []
        guard pack.settings.comparisons, turn.chosen.map({ pack.intents[$0.intent].compute.isEmpty }) ?? true,
              let pair = ElapsedQuestion(pack: pack, index: index).find(a, previous: previousFacts) else { return nil }
        context.lastUtterance = turn.utterance
        return answerElapsed(pair.first, pair.second, a, turn.candidates)
    }

    /// ``ResolutionStep/kindOnly``: "where has he been?", "when?": no content words at all, only a
    /// question kind. "by when?" of an answer that holds a time, "who?" of one that names someone
    /// new, is that answer again; otherwise the previous topic's intent that gives that kind of
    /// answer (a place for "where?", a name for "who?" — ``answerGives(_:_:besides:)``), keeps the
    /// previous question's entities in its scope, knows most of its words and shares the most
    /// with what was just said; for "where?", failing that, the previous answer
    /// when it names a place. Declines, naming the kind, when none does.
    func askKindOnly(_ turn: inout TurnState, context: DialogueContext) -> Response? {
        let a = turn.analysis
        guard turn.chosen == nil, asksOnlyForKind(a), [.when, .whereKind, .who, .number, .why].contains(a.kind),
              let last = context.lastIntent, let lp = index.position[last] else { return nil }
        let topic = String(last.split(separator: ".").first ?? "")
        if a.kind == .when, !index.intents[lp].times.isEmpty {
            let c = Candidate.chosenFromContext(lp, fit: matcher.threshold)
            turn.choose(c, slots: context.slots, by: .kindOnly, "follow-up: the time of the previous answer")
            return nil
        }
        // The things the previous question named stay the subject ("where?" after a question
        // about Ireland is not answered about Scotland).
        let named = context.entities.filter { ["person", "place", "country", "organisation", "event"].contains(pack.concepts[$0]?.entityClass ?? "") }
        // A place or person the question named is no answer to "where?"/"who?" (nor the country
        // of a nationality it named: "Swedish" names Sweden).
        let besides = named + context.entities.compactMap { pack.concepts[$0]?.country }
        // The previous answer itself may name who ("by whom?" after an answer naming the traders).
        if a.kind == .who, answerGives(a.kind, lp, besides: besides) {
            let c = Candidate.chosenFromContext(lp, fit: matcher.threshold)
            turn.choose(c, slots: context.slots, by: .kindOnly, "follow-up: the previous answer gives the \(a.kind.rawValue)")
            return nil
        }
        // It must know most of what the previous question asked about, not just share its topic.
        let asked = context.lastUtterance.map { analyzer.analyse($0, correct: false).contentUnits } ?? []
        let weights = asked.map { index.weight($0) ?? 0 }
        let total = weights.reduce(0, +)
        let knows = { (i: Int) -> Bool in
            let got = zip(asked, weights).reduce(0.0) { sum, uw in
                sum + (uw.0.keys.contains { self.index.weight(intent: i, key: $0) != nil } ? uw.1 : 0)
            }
            return total == 0 || got >= self.matcher.policy.kindOnlyShare * total
        }
        // The cheap tests first: whether an answer gives the kind renders it.
        let fits = pack.intents.indices.filter { i in
            let it = pack.intents[i]
            return it.id != last && it.id.hasPrefix(topic + ".") && it.ask.contains(a.kind) && it.compute.isEmpty
                && named.allSatisfy { index.intents[i].scope.contains($0) } && knows(i) && answerGives(a.kind, i, besides: besides)
        }
        let keys = context.keys
        let overlap = { (i: Int) in keys.reduce(0.0) { $0 + (self.index.weight(intent: i, key: $1) ?? 0) } }
        if let best = fits.max(by: { (overlap($0), pack.intents[$1].id) < (overlap($1), pack.intents[$0].id) }), overlap(best) > 0 {
            let c = Candidate.chosenFromContext(best, fit: matcher.threshold)
            turn.choose(c, slots: pack.intents[best].slots, by: .kindOnly, "follow-up: a \(a.kind.rawValue) question about the previous topic (\(topic))")
            return nil
        }
        // Nothing else says where; the previous answer may.
        if a.kind == .whereKind, answerGives(a.kind, lp, besides: besides) {
            let c = Candidate.chosenFromContext(lp, fit: matcher.threshold)
            turn.choose(c, slots: context.slots, by: .kindOnly, "follow-up: the previous answer gives the \(a.kind.rawValue)")
            return nil
        }
        return decline(.notInPack, a, turn.candidates, extra: "I have no \(a.kind.answerNoun) for that.")
    }

    /// True when the answer of the intent at `pos` gives the kind of thing `kind` asks for: a
    /// place for where-questions, a person or organisation for who-questions, a time for
    /// when-questions, a number for how-many questions — in its facts or named in its text; a
    /// place or person only counts when it is not one of `besides` (what the question named).
    /// Reasons cannot be told from the text: always true for why-questions. O(answer length).
    func answerGives(_ kind: QuestionKind, _ pos: Int, besides: [String] = []) -> Bool {
        let intent = pack.intents[pos]
        let facts = intent.facts.compactMap { pack.facts[$0]?.value }
        switch kind {
        case .when: return !index.intents[pos].times.isEmpty
        case .number:
            if !intent.compute.isEmpty || facts.contains(where: { if case .text = $0 { false } else if case .list = $0 { false } else { true } }) { return true }
            return render(pos).text.contains(where: \.isNumber)
        case .whereKind, .who:
            let classes = kind.answerClasses
            if facts.contains(where: { v in classes.contains { Matcher.names(v, $0) } }) { return true }
            let tokens = Normalizer.tokens(render(pos).text, language: pack.language)
            if analyzer.unitsAndEntities(tokens).entities.contains(where: { classes.contains($0.entityClass) && !besides.contains($0.concept) }) { return true }
            // "Who?" answered by people named by what they are ("Venetian traders", "the monks").
            return kind == .who && tokens.contains { t in
                !pack.language.functionWords.contains(t.text) && analyzer.namesPerson(t.text)
            }
        default: return true
        }
    }
}

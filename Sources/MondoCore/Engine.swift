import Mustache

/// Why a turn was not answered.
public enum FallbackReason: String, Sendable, Hashable {
    /// Nothing in the pack resembles the question.
    case notUnderstood = "not_understood"
    /// The question was understood, but the pack has no answer for that (another country, year, measure).
    case notInPack = "not_in_pack"
    /// Two intents fit equally well; the answer asks which was meant.
    case ambiguous
    /// One or two intents would take the question but for what it leaves unsaid, and the answer
    /// asks whether one was meant ("Do you mean …?"): only when ``Engine/clarifies`` is on.
    case unsure
}

/// One line of the `:why` explanation of a candidate intent.
public struct CandidateSummary: Sendable, Hashable {
    public var intent: String
    /// The score, 0…1.
    public var score: Double
    public var blocked: String?
    /// The unclamped value candidates are ordered by (``Candidate/fit``).
    public var fit: Double = 0
}

/// The computation behind a computed answer.
public struct ComputationTrace: Sendable, Hashable {
    public var name: String
    public var op: String
    public var operands: [String]
    public var working: String
}

/// Everything needed to explain a response (`:why`, `--format json`).
public struct Explanation: Sendable {
    /// The analysis of the utterance.
    public var analysis: Analysis
    /// Best candidates, at most eight, best first.
    public var candidates: [CandidateSummary]
    /// How the dialogue context was used, if at all ("follow-up: slots", "follow-up: context").
    public var contextUse: String?
    /// Slots of the chosen intent, after follow-up substitution.
    public var slots: [String: String]
    /// Facts used, with their source locators.
    public var sources: [(fact: String, source: String, label: String)]
    /// Computations performed.
    public var computations: [ComputationTrace]
    /// Yes/no decision, if the question was one.
    public var yesno: String?
    /// The resolution step that used the dialogue context to choose the intent, if any.
    public var step: ResolutionStep? = nil
    /// False when the engine answered with ``Engine/explains`` off: the `blocked` texts of
    /// ``candidates`` are then empty.
    public var described = true
}

/// The engine's reply to one utterance.
public struct Response: Sendable {
    /// The text to show.
    public var answer: String
    /// The intent that answered, or nil when the turn was declined.
    public var intent: String?
    /// Ids of the facts used, in template order.
    public var facts: [String]
    /// Why nothing answered, when `intent` is nil.
    public var reason: FallbackReason?
    /// Score of the answering intent (0…1).
    public var score: Double?
    /// The working behind the answer.
    public var explanation: Explanation
    /// For a decline: the intents a clarifying question offers (asked only when
    /// ``Engine/clarifies`` is on; listed as `candidates` in JSON either way). Nil otherwise.
    public var clarification: Clarification? = nil
}

/// Answers utterances from a pack: analyse, score intents, merge the dialogue context, fill the
/// template. Deterministic: the same pack, utterance and context always give the same response.
public struct Engine: Sendable {
    /// The pack answered from.
    public let pack: Pack
    /// Its compiled index.
    public let index: PackIndex
    let analyzer: Analyzer
    /// The matcher (its threshold can be tuned).
    public var matcher: Matcher
    /// Small talk and replies to clarifying questions (``Manners``).
    let manners: Manners
    /// Ask back instead of declining when a declined question has a close reading ("Do you mean
    /// …?", ``Clarification``), and read the next utterance as the reply. Off by default: batch
    /// runs never wait for a reply; the REPL at a terminal turns it on.
    public var clarifies = false
    /// True (the default) when responses carry the texts saying why each of their best
    /// candidates was blocked (``CandidateSummary/blocked``, for `:why` and the trace). False
    /// leaves those texts empty, which saves building them for every question; the shell turns
    /// it off and answers again with it on when `:why` asks (the engine is deterministic).
    public var explains = true {
        didSet { matcher = Matcher(pack: pack, index: index, describesTop: explains) }
    }

    /// Compiles `pack` for answering. O(size of pack).
    public init(pack: Pack) {
        self.init(pack: pack, index: PackIndex(pack: pack))
    }

    /// An engine for `pack` with its index already compiled (read from ``CompiledPackCache``).
    init(pack: Pack, index: PackIndex) {
        self.pack = pack
        self.index = index
        analyzer = Analyzer(index: index, pack: pack)
        matcher = Matcher(pack: pack, index: index)
        manners = Manners(language: pack.language, texts: pack.language.texts.merging(pack.settings.mannerTexts) { _, own in own })
    }

    /// Loads the pack in `directory` and compiles it.
    /// - Throws: ``PackError`` listing every error in the pack.
    public init(packDirectory directory: String) throws(PackError) {
        self.init(pack: try Pack.load(from: directory))
    }

    /// The question's words intent `id` accounts for and those it does not (``Matcher/evidence(_:intent:)``),
    /// or nil when the pack has no such intent. O(words).
    public func evidence(intent id: String, for a: Analysis) -> (met: [String], unmet: [String])? {
        index.position[id].map { matcher.evidence(a, intent: $0) }
    }

    /// Analyses an utterance without answering it.
    public func analyse(_ utterance: String) -> Analysis { analyzer.analyse(utterance) }

    /// Answers `utterance` in `context`, updating the context when the turn is answered.
    /// A declined turn leaves the remembered context as it was.
    ///
    /// Small talk ("hi", "thanks", "what can you do?", ``Manners``) is answered from the pack's
    /// settings with a `meta.…` intent when no intent takes it — it is declined, answered only
    /// through the context, or not worded as a question at all ("help") — and leaves the context
    /// as it was before the turn (only ``DialogueContext/turns`` counts it). With
    /// ``clarifies`` on, a decline with a close reading asks "Do you mean …?" instead, and the
    /// next utterance may answer it (``reply(_:to:context:)``); the offer is kept for one turn.
    public func respond(to utterance: String, context: inout DialogueContext) -> Response {
        var r = converse(utterance, context: &context)
        r.explanation.described = explains
        return r
    }

    /// ``respond(to:context:)`` before the response is marked as described or not: a reply to a
    /// pending clarification, small talk, or a question (asked back when ``clarifies``).
    private func converse(_ utterance: String, context: inout DialogueContext) -> Response {
        let pending = context.clarification
        context.clarification = nil
        if let pending, let r = reply(utterance, to: pending, context: &context) { return r }
        let before = context
        var r = respondToQuestion(utterance, context: &context)
        // Small talk, unless it is worded as a question that an intent takes by its words alone:
        // "who are you?" right after a question may reach that question's topic through the
        // context, which is no reading of it; "help" or "cheers" is no question about anything.
        if let kind = manners.kind(of: utterance),
           r.intent == nil || !manners.isQuestion(utterance) || !answersAlone(utterance),
           let m = mannersResponse(kind, analysis: r.explanation.analysis) {
            context = before
            context.turns += 1
            return m
        }
        guard r.intent == nil else { return r }
        if clarifies, let offer = r.clarification {
            context.clarification = offer
            r.answer = clarifyingText(offer)
            r.reason = offer.options.count == 1 ? .unsure : .ambiguous
        }
        return r
    }

    /// Whether `utterance` asked in a new conversation is answered by an intent of the pack.
    func answersAlone(_ utterance: String) -> Bool {
        var fresh = DialogueContext()
        return respondToQuestion(utterance, context: &fresh).intent != nil
    }

    /// ``respond(to:context:)`` for a question: compound, summary, or one turn.
    func respondToQuestion(_ utterance: String, context: inout DialogueContext) -> Response {
        context.turns += 1
        let before = context
        // "How many came, and what did it cost?": each question on its own, in order.
        var parts = CompoundQuestion.parts(of: utterance, language: pack.language)
        var coordinated = false
        // Only an utterance with "and"/"or" can join two entities: no second analysis otherwise.
        let joins = utterance.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == "and" || $0 == "or" }
        if parts.count == 1, joins {
            let whole = analyzer.analyse(utterance)
            if let pair = coordinatedParts(whole) ?? conjoinedPhrases(whole) { parts = pair; coordinated = true }
        }
        if parts.count > 1, var r = answerCompound(parts, whole: utterance, requireAll: coordinated, context: &context) {
            // An intent written for the whole question ("What is N1, and how many reach it?")
            // answers it, when its facts hold every part's.
            var scratch = before
            let whole = answer(utterance, context: &scratch, mayRewrite: true)
            if whole.intent != nil, Set(r.facts).isSubset(of: Set(whole.facts)) { context = scratch; r = whole }
            return r
        }
        // "What does he say about tourism?": the key facts of the topic that fits best — unless
        // someone the document names is the one saying it ("what did the minister say about …").
        if let s = SummaryQuestion.reading(of: utterance, language: pack.language), !namesSomeoneElse(s.speaker),
           let r = answerSummary(subject: s.subject, utterance: utterance, context: &context) {
            context.declinedEntities = []
            return r
        }
        let r = answer(utterance, context: &context, mayRewrite: true)
        // The context survives a declined turn; what that turn named stays within reach.
        context.declinedEntities = r.intent == nil ? r.explanation.analysis.entities.map(\.concept) : []
        return r
    }

    /// One turn: analyse, score the intents, run the resolution steps (``ResolutionStep``) in
    /// order, then answer from the intent chosen or decline. A follow-up rewritten as the previous
    /// question about another entity is answered by a second call with `mayRewrite` false, so
    /// rewriting happens at most once per turn: the recursion is bounded by construction.
    func answer(_ utterance: String, context: inout DialogueContext, mayRewrite: Bool) -> Response {
        let a = analyzer.analyse(utterance)
        let cands = matcher.candidates(for: a)
        let first = cands.first.flatMap { $0.blocked == nil && $0.score >= matcher.threshold ? $0 : nil }
        var turn = TurnState(utterance: utterance, analysis: a, candidates: cands, chosen: first,
                             slots: first.map { pack.intents[$0.intent].slots } ?? [:])
        for step in ResolutionStep.allCases {
            if let r = resolve(step, &turn, context: &context, mayRewrite: mayRewrite) { return r }
        }
        return conclude(turn, context: &context)
    }

    /// True when `words` (who says something, in a summary question) name a person or organisation
    /// the pack knows other than its subject: "what did the minister say about …" asks what that
    /// one said, not for a summary.
    func namesSomeoneElse(_ words: String) -> Bool {
        guard !words.isEmpty else { return false }
        let tokens = Normalizer.tokens(words, language: pack.language)
        let (units, named) = analyzer.unitsAndEntities(tokens)
        if let subject = pack.settings.subject {
            if units.contains(where: { $0.concepts.contains(subject) }) { return false }
            // "the ambassador" for an interviewee whose person fact's role is "Ambassador of …".
            let name = matcher.entityName(subject)
            let roleWords = (name.flatMap { index.lookups.personRoles[$0] } ?? [])
                .flatMap { Normalizer.tokens($0, language: pack.language).map(\.text) }
            if !roleWords.isEmpty, tokens.allSatisfy({ roleWords.contains($0.text) || pack.language.functionWords.contains($0.text) }) { return false }
        }
        return named.contains { ["person", "organisation"].contains($0.entityClass) }
            || tokens.contains { matcher.isPersonNoun($0.text) }
    }

    /// True when the utterance has no words beyond the kind of answer it asks for and what it
    /// points back at ("when?", "what year was that?", "in which city?"): only the context can
    /// say what it is about. O(words).
    func asksOnlyForKind(_ a: Analysis) -> Bool {
        let l = pack.language
        return a.contentUnits.allSatisfy { u in
            u.text.split(separator: " ").map(String.init).allSatisfy { w in
                l.questionWords[w] != nil || l.questionNouns[w] != nil || l.followUpPronouns.contains(w) || l.functionWords.contains(w)
            }
        }
    }
}

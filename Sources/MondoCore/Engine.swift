import Mustache

/// Why a turn was not answered.
public enum FallbackReason: String, Sendable, Hashable {
    /// Nothing in the pack resembles the question.
    case notUnderstood = "not_understood"
    /// The question was understood, but the pack has no answer for that (another country, year, measure).
    case notInPack = "not_in_pack"
    /// Two intents fit equally well; the answer asks which was meant.
    case ambiguous
}

/// What the dialogue remembers between turns: the last answered intent, its slots, and the
/// matching keys of the last question (for pronouns and elliptical follow-ups).
public struct DialogueContext: Sendable, Equatable {
    /// Id of the last intent that answered.
    public var lastIntent: String?
    /// Slots of that answer (`source`, `target`, `time`).
    public var slots: [String: String] = [:]
    /// Matching keys (`w:…`, `c:…`) of the last answered question and of its intent's patterns.
    public var keys: Set<String> = []
    /// Entities named in the last answered question.
    public var entities: [String] = []
    /// The last answered question, as typed (after any follow-up rewriting).
    public var lastUtterance: String?
    /// Number of turns so far, answered or not.
    public var turns = 0
    /// Entities named by the last turn when it was declined ("when was William born?" names
    /// William): a pronoun in the next turn may point at them ("which battle did he win?").
    public var declinedEntities: [String] = []
    /// People in focus after the last answered turn, most likely first: for a who-question the
    /// people its answer names, then those the question named; otherwise the other way round.
    /// "he"/"she" in the next turn may point at them ("who led the expedition?" … "whom did he
    /// serve?").
    public var people: [String] = []

    /// An empty context (a new conversation).
    public init() {}
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

    /// Compiles `pack` for answering. O(size of pack).
    public init(pack: Pack) {
        self.pack = pack
        index = PackIndex(pack: pack)
        analyzer = Analyzer(index: index, pack: pack)
        matcher = Matcher(pack: pack, index: index)
    }

    /// Loads the pack in `directory` and compiles it.
    /// - Throws: ``PackError`` listing every error in the pack.
    public init(packDirectory directory: String) throws(PackError) {
        self.init(pack: try Pack.load(from: directory))
    }

    /// Analyses an utterance without answering it.
    public func analyse(_ utterance: String) -> Analysis { analyzer.analyse(utterance) }

    /// Answers `utterance` in `context`, updating the context when the turn is answered.
    /// A declined turn leaves the remembered context as it was.
    public func respond(to utterance: String, context: inout DialogueContext) -> Response {
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

    /// One turn. A follow-up rewritten as the previous question about another entity is answered
    /// by a second call with `mayRewrite` false, so rewriting happens at most once per turn: the
    /// recursion is bounded by construction.
    func answer(_ utterance: String, context: inout DialogueContext, mayRewrite: Bool) -> Response {
        let a = analyzer.analyse(utterance)
        // "and Acme?", "what about the one in Lyon?": the previous question about another entity.
        var substitutedDecline: Response?
        if mayRewrite, let rewritten = entitySubstitution(a, context: context) {
            var scratch = context
            var r = answer(rewritten.text, context: &scratch, mayRewrite: false)
            r.explanation.contextUse = "follow-up: asked as “\(rewritten.text)” (\(rewritten.old) → \(rewritten.new))"
            r.explanation.analysis = a
            if r.intent != nil {
                context = scratch
                return r
            }
            // Not answerable as the previous question; the words themselves may still be (below).
            if r.reason == .notInPack { substitutedDecline = r }
        }
        var cands = matcher.candidates(for: a)
        var contextUse: String?
        var chosen = cands.first.flatMap { $0.blocked == nil && $0.score >= matcher.threshold ? $0 : nil }
        var slots: [String: String] = chosen.map { pack.intents[$0.intent].slots } ?? [:]

        // A pronoun right after a declined turn ("when was William born?" … "which battle did he
        // win?") points at what that turn named.
        if chosen == nil, a.isAnaphoric, !context.declinedEntities.isEmpty {
            let keys = Set(context.declinedEntities.map { "c:" + $0 }).union(context.keys)
            let withDeclined = matcher.candidates(for: a, contextKeys: keys)
            if let best = withDeclined.first, best.blocked == nil, best.score >= matcher.threshold {
                chosen = best
                cands = withDeclined
                slots = pack.intents[best.intent].slots
                contextUse = "follow-up: the pronoun taken as \(context.declinedEntities.joined(separator: ", ")), named by the declined turn before"
            }
        }
        // "he"/"she" with no person named: the person in focus, when an intent about that person
        // fits and the one chosen is not about them ("what did Anna die of?" … "who was she
        // married to?"; "who led the expedition?" … "whom did he serve?").
        if a.isAnaphoric, a.tokens.contains(where: { pack.language.personPronouns.contains($0.text) }),
           !a.entities.contains(where: { $0.entityClass == "person" }) {
            var seen = Set<String>()
            let referents = (context.declinedEntities.filter { pack.concepts[$0]?.entityClass == "person" } + context.people).filter { seen.insert($0).inserted }.prefix(3)
            var found = referents.isEmpty
            for r in referents {
                // The intent found is about that person: keep it (no later step trades it for
                // one about someone else that merely shares more words with the last turn).
                if let c = chosen, index.intents[c.intent].scope.contains(r) {
                    found = true
                    contextUse = "follow-up: the pronoun taken as \(r)"
                    break
                }
                let withReferent = matcher.candidates(for: a, contextKeys: ["c:" + r])
                if let best = withReferent.first(where: { $0.blocked == nil && index.intents[$0.intent].scope.contains(r) }),
                   best.score >= matcher.threshold {
                    chosen = best
                    cands = withReferent
                    slots = pack.intents[best.intent].slots
                    contextUse = "follow-up: the pronoun taken as \(r)"
                    found = true
                    break
                }
            }
            // Nothing about the person in focus, and the intent found is about other people (not
            // the pack's subject): that is another person's story, not an answer about this one.
            if !found, let c = chosen, let focus = referents.first {
                let scope = index.intents[c.intent].scope
                let others = scope.contains { pack.concepts[$0]?.entityClass == "person" }
                if others, !(pack.settings.subject.map { scope.contains($0) } ?? false) {
                    let name = matcher.entityName(focus) ?? matcher.displayName(focus, typed: focus)
                    return decline(.notInPack, a, cands, extra: "I have nothing on \(name) for that.")
                }
            }
        }
        // A pronoun with nothing before it ("when did he start?", "where did they settle?") means
        // the pack's subject (an interviewee, the people an article is about).
        if context.lastIntent == nil, let subject = pack.settings.subject, a.isAnaphoric,
           a.tokens.contains(where: { pack.settings.subjectPronouns.contains($0.text) }), chosen == nil {
            let withSubject = matcher.candidates(for: a, contextKeys: ["c:" + subject])
            if let best = withSubject.first, best.blocked == nil, best.score >= matcher.threshold {
                chosen = best
                cands = withSubject
                slots = pack.intents[best.intent].slots
                contextUse = "follow-up: the pronoun taken as the pack's subject (\(subject))"
            }
        }
        if let last = context.lastIntent, let lastPos = index.position[last] {
            let standaloneScore = chosen?.fit ?? 0
            // Elliptical follow-up that only changes slots: "and the other way round?", "what about 2035?".
            var slotMiss: [String: String]?
            if a.looksLikeFollowUp, standaloneScore < matcher.policy.slotFollowUpBelow, let family = pack.intents[lastPos].family,
               let (pos, newSlots) = slotFollowUp(a, family: family, context: context) {
                if let pos {
                    chosen = Candidate(intent: pos, fit: max(standaloneScore, matcher.threshold), blocked: nil, userReason: nil, fromContext: 1, timeConflict: false)
                    slots = newSlots
                    contextUse = "follow-up: same question with \(newSlots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))"
                } else { slotMiss = newSlots }
            }
            if contextUse == nil, a.looksLikeFollowUp || chosen == nil {
                // Pronouns and short questions: let the previous turn's words satisfy the patterns.
                let topic = a.isAnaphoric ? String(last.split(separator: ".").first ?? "") : nil
                let withContext = matcher.candidates(for: a, contextKeys: context.keys, followTopic: topic)
                // "How many rode the metro?" … "when did it open?": the previous topic has no date,
                // and an intent of another topic that only shares the city is not about "it".
                if chosen == nil, let topic, let best = withContext.first, best.blocked == nil, best.fromContext > 0,
                   !a.tokens.contains(where: { pack.language.personPronouns.contains($0.text) }),
                   !pack.intents[best.intent].id.hasPrefix(topic + "."),
                   let own = withContext.first(where: { $0.kindMismatch && $0.userReason != nil
                       && pack.intents[$0.intent].id.hasPrefix(topic + ".") && $0.fit >= best.fit }) {
                    return decline(.notInPack, a, withContext, extra: own.userReason)
                }
                if let best = withContext.first, best.blocked == nil, best.score >= matcher.threshold,
                   best.fit > standaloneScore || chosen == nil {
                    chosen = best
                    cands = withContext
                    slots = pack.intents[best.intent].slots
                    contextUse = best.fromContext > 0 ? "follow-up: \(best.fromContext) pattern group(s) from the previous turn" : nil
                } else if let miss = slotMiss, chosen == nil {
                    let what = miss.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    return decline(.notInPack, a, cands, extra: "It has no figure for that combination (\(what)).")
                }
            }
        }
        // A comparison of two facts that no computed intent of the pack answers.
        // (For a yes/no question the generic comparison keeps the order the question asks in.)
        if pack.settings.comparisons, a.kind == .yesno || (chosen.map({ pack.intents[$0.intent].compute.isEmpty }) ?? true),
           let cmp = Comparison(pack: pack, index: index).find(a),
           let r = answerComparison(cmp, a, cands) {
            context.lastUtterance = utterance
            return r
        }
        // "How many years between the treaty and the battle?": two dated facts, the time between.
        if pack.settings.comparisons, chosen.map({ pack.intents[$0.intent].compute.isEmpty }) ?? true,
           let pair = ElapsedQuestion(pack: pack, index: index).find(a, previous: context.lastIntent.flatMap { index.position[$0] }.map { pack.intents[$0].facts } ?? []) {
            context.lastUtterance = utterance
            return answerElapsed(pair.first, pair.second, a, cands)
        }
        // "where has he been?", "when?": no content words at all, only a question kind. Ask the
        // previous topic's intent of that kind which shares the most with what was just said.
        if chosen == nil, asksOnlyForKind(a), [.when, .whereKind, .who, .number, .why].contains(a.kind),
           let last = context.lastIntent {
            let topic = String(last.split(separator: ".").first ?? "")
            // "by when?" after "how many PhD students by 2035?": the last answer itself holds the time.
            if a.kind == .when, let lp = index.position[last], !index.intents[lp].times.isEmpty {
                chosen = Candidate(intent: lp, fit: matcher.threshold, blocked: nil, userReason: nil, fromContext: 1, timeConflict: false)
                slots = context.slots
                contextUse = "follow-up: the time of the previous answer"
            }
            let fits = chosen != nil ? [] : pack.intents.indices.filter { i in
                let it = pack.intents[i]
                return it.id != last && it.id.hasPrefix(topic + ".") && it.ask.contains(a.kind) && it.compute.isEmpty
            }
            let keys = context.keys
            let overlap = { (i: Int) in keys.reduce(0.0) { $0 + (self.index.intents[i].vocab[$1] ?? 0) } }
            if let best = fits.max(by: { (overlap($0), pack.intents[$1].id) < (overlap($1), pack.intents[$0].id) }), overlap(best) > 0 {
                chosen = Candidate(intent: best, fit: matcher.threshold, blocked: nil, userReason: nil, fromContext: 1, timeConflict: false)
                slots = pack.intents[best].slots
                contextUse = "follow-up: a \(a.kind.rawValue) question about the previous topic (\(topic))"
            }
        }
        // "Where is Acme's factory?" … "and Globex?": if the pack cannot say where, an
        // answer of another kind (what Globex is) is not an answer; the decline is.
        if let d = substitutedDecline, let c = chosen, let prev = context.lastUtterance {
            let prevKind = analyzer.analyse(prev, correct: false).kind
            if [.number, .when, .whereKind, .who, .why].contains(prevKind), !pack.intents[c.intent].ask.contains(prevKind) { return d }
        }
        guard let c = chosen else {
            if let d = substitutedDecline { return d }
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
            return decline(reason, a, cands)
        }
        // Ambiguity: two different intents, neither in the other's family, scoring the same.
        if let second = cands.dropFirst().first(where: { $0.blocked == nil && $0.intent != c.intent }),
           contextUse == nil, second.score >= matcher.threshold, c.fit - second.fit < matcher.policy.tieMargin,
           Set(pack.intents[second.intent].facts).isDisjoint(with: pack.intents[c.intent].facts),
           pack.intents[second.intent].family == nil || pack.intents[second.intent].family != pack.intents[c.intent].family,
           pack.intents[second.intent].require.count == pack.intents[c.intent].require.count,
           pack.intents[second.intent].priority == pack.intents[c.intent].priority {
            return decline(.ambiguous, a, cands, alternatives: [c.intent, second.intent])
        }
        let intent = pack.intents[c.intent]
        let rendered = render(c.intent)
        var text = rendered.text
        var sources = rendered.sources
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
        context.lastIntent = intent.id
        context.slots = slots
        // "he", "it", "there" in the next turn may point at someone or something the answer named.
        let named = analyzer.unitsAndEntities(Normalizer.tokens(text, language: pack.language)).entities
            .filter { ["person", "organisation", "place", "event"].contains($0.entityClass) }.map { "c:" + $0.concept }
        context.keys = Set(a.contentUnits.flatMap(\.keys)).union(intent.require.flatMap { $0 }.map(Matcher.key))
            .union(c.fromContext > 0 ? context.keys : []).union(named)
        context.entities = a.entities.map(\.concept)
        let askedPeople = a.entities.filter { $0.entityClass == "person" }.map(\.concept)
        let answerPeople = named.map { String($0.dropFirst(2)) }.filter { pack.concepts[$0]?.entityClass == "person" }
        context.people = a.kind == .who ? answerPeople + askedPeople : askedPeople + answerPeople
        context.lastUtterance = utterance
        let explanation = Explanation(
            analysis: a, candidates: summaries(cands), contextUse: contextUse, slots: slots,
            sources: sources.map { (fact: $0.0, source: $0.1, label: $0.2) }, computations: traces, yesno: yesno)
        return Response(answer: text, intent: intent.id, facts: sources.map(\.0), reason: nil, score: c.score, explanation: explanation)
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
            let roleWords = pack.facts.values.compactMap { f -> String? in
                if case .person(let n, let role, _) = f.value, n == name { return role } else { return nil }
            }.flatMap { Normalizer.tokens($0, language: pack.language).map(\.text) }
            if !roleWords.isEmpty, tokens.allSatisfy({ roleWords.contains($0.text) || pack.language.functionWords.contains($0.text) }) { return false }
        }
        return named.contains { ["person", "organisation"].contains($0.entityClass) }
            || tokens.contains { matcher.isPersonNoun($0.text) }
    }

    /// An intent's answer: its template filled from its facts and computations, with the facts
    /// used (id, source locator, label), the computations' working and their numbers.
    func render(_ pos: Int) -> (text: String, sources: [(String, String, String)], traces: [ComputationTrace], numbers: [Double]) {
        let intent = pack.intents[pos]
        var ctxValues: [String: Any] = [:]
        var sources: [(String, String, String)] = []
        for id in intent.facts {
            guard let f = pack.facts[id] else { continue }
            ctxValues[id] = FactFormatter.context(f)
            sources.append((id, f.source, f.label))
        }
        var traces: [ComputationTrace] = []
        var computedNumbers: [Double] = []
        for (name, comp) in intent.compute {
            guard let v = Computer.evaluate(comp, facts: pack.facts, now: pack.settings.referenceDate) else { continue }
            ctxValues[name] = v.fields
            if let n = v.number { computedNumbers.append(n) }
            traces.append(ComputationTrace(name: name, op: comp.op, operands: comp.operands, working: v.fields["working"] ?? ""))
            for id in comp.operands where id != "now" && !intent.facts.contains(id) {
                if let f = pack.facts[id] { sources.append((id, f.source, f.label)) }
            }
        }
        let text = pack.templates[intent.id]?.render(ctxValues) ?? intent.answer
        return (text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "), sources, traces, computedNumbers)
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

    func summaries(_ cands: [Candidate]) -> [CandidateSummary] {
        cands.prefix(8).map { CandidateSummary(intent: pack.intents[$0.intent].id, score: $0.score, blocked: $0.blocked, fit: $0.fit) }
    }

    func decline(_ reason: FallbackReason, _ a: Analysis, _ cands: [Candidate], extra: String? = nil, alternatives: [Int] = []) -> Response {
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
                let order = ["nothing at all on", "nothing for", "nothing dated", "gives only", "have how many", "have that only", "have no ", "nothing on", "direction"]
                let best = order.lazy.compactMap { key in telling.first { $0.userReason!.contains(key) } }.first ?? telling.first
                if let why = best?.userReason {
                    // An entity or a kind of answer the pack's intents lack is the pack's gap, not
                    // necessarily the document's: say what is missing without blaming the document.
                    let packGap = why.contains("nothing on") || why.contains("have no") || why.contains("have that only")
                    text = packGap ? why : text + " " + why
                }
            }
        case .notUnderstood:
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
        return Response(answer: text, intent: nil, facts: [], reason: reason, score: nil, explanation: explanation)
    }
}

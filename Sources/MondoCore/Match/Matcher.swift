/// One intent's standing for an utterance: its score, or why it was blocked.
public struct Candidate: Sendable {
    /// The intent's position in the pack.
    public var intent: Int
    /// Weighted share of the question's content covered by the intent, with the policy's
    /// adjustments, in 0…1 (``ScoringPolicy``).
    public var score: Double { min(1, max(0, fit)) }
    /// The same before it is clamped to 0…1: candidates are ordered by it, so that of two intents
    /// covering the whole question the one with the larger bonus comes first.
    public var fit: Double
    /// Why the intent cannot take the question, or nil (for `:why`).
    public var blocked: String?
    /// The same, in words for the person asking (for the decline message), when it is telling.
    public var userReason: String?
    /// How many require groups were satisfied only by the dialogue context.
    public var fromContext: Int
    /// True when a question time conflicts with the intent's facts (a yes/no question answers "No").
    public var timeConflict: Bool
    /// True when a yes/no question puts another entity in the place of one the intent knows ("Did
    /// he conquer Sicily?" of an intent about Cyprus): the answer is "No", with the facts.
    public var entityContrast = false
    /// True when the intent's words do not name the noun a which/what question asks for.
    public var focusMissed = false
    /// Why it is blocked, as a type (nil when it is not).
    public var block: Block? = nil
    /// What the person asking is told is missing (the kind of ``userReason``), when it is telling.
    public var gap: Block? = nil
    /// True when it is blocked because it does not answer the question's kind (a when-question
    /// of an intent that gives no date).
    public var kindMismatch: Bool { block == .kind }
}

/// Why an intent cannot take a question: the constraint of the question it does not account for.
public enum Block: String, Sendable, Hashable, CaseIterable {
    /// A require group no word of the question (or the context) matches.
    case require
    /// An entity outside the intent's scope.
    case entity
    /// An `exclude` term of the intent.
    case exclude
    /// A participant in a role the intent gives to someone else, or the roles reversed.
    case role
    /// What a how-many question counts is not what the intent's facts count.
    case counted
    /// Whose relation is asked ("X's son"), and the intent knows it of no one named so.
    case possessor
    /// A person asked for ("which king"), and the intent names none.
    case noPerson
    /// Which is first asked, and the intent's rank fact is another.
    case rank
    /// Which members asked, and the intent only counts them.
    case members
    /// A subject the pack declares it has nothing on (`not_covered`).
    case notCovered
    /// A kind of answer (a date, a place, a figure) the intent does not give.
    case kind
    /// A direction (source, target) its slots contradict.
    case direction
    /// A year or date asked, and its facts carry none.
    case noDate
    /// When something began or ended, and it names no such phase.
    case phase
    /// A time its facts do not admit.
    case time
    /// A year asked of facts that carry no time.
    case undated

    /// Gaps in the order a decline prefers them, most telling first: a subject the pack lacks,
    /// another time, a rank or members not given, another direction, a kind of answer missing,
    /// an entity it has nothing on.
    public static let declineOrder: [Block] = [.notCovered, .time, .undated, .rank, .members, .counted, .direction, .role,
                                               .noPerson, .kind, .noDate, .phase, .entity, .possessor]

    /// True for gaps of the pack's intents (an entity or a kind of answer they lack), which a
    /// decline names without saying the document lacks it.
    public var isPackGap: Bool { [.entity, .possessor, .noPerson, .kind, .noDate, .phase, .direction, .role].contains(self) }
}

/// Scores every intent against an analysed utterance. Rule-based and deterministic:
///
/// 1. **Require groups**: every group must be matched by a unit of the utterance (a stem or a
///    concept), or, for a follow-up, by a key remembered from the previous turn.
/// 2. **Blocks**: an `exclude` term; a question kind the intent does not answer; an entity outside
///    the intent's scope (a country, company or person it does not know); a direction that
///    contradicts the intent's `source`/`target` slots; a year or half its facts do not cover.
/// 3. **Score**: the IDF-weighted share of the utterance's content units that the intent's
///    vocabulary covers, with the weights and adjustments of one ``ScoringPolicy``. Words the
///    pack has never seen count against every intent, unless a WordNet relative of theirs is a
///    word of the intent (then at the relation's weight).
///
/// Complexity: O(keys × postings) to find the intents sharing a key with the utterance, then
/// O(units) per such intent; intents sharing nothing are never scored (see Benchmarks/).
public final class Matcher: Sendable {
    /// A score at which an intent accounts for the whole question: a yes/no question it answers
    /// may then be confirmed ("Yes.") when its answer denies nothing.
    public static var coveredScore: Double { ScoringPolicy.standard.coveredScore }

    let pack: Pack
    let index: PackIndex
    /// The weights and adjustments of every score.
    public let policy = ScoringPolicy.standard
    /// The score an answer needs (``ScoringPolicy/threshold``).
    public var threshold: Double { policy.threshold }
    /// Taken off the score of an intent whose words do not name the noun a which/what question
    /// asks for ("which pope …?" of an intent that names no pope).
    public var focusPenalty: Double { policy.focusPenalty }

    /// True when the best ``ScoringPolicy/describedCandidates`` candidates of every call get
    /// the texts of their blocks (``Candidate/blocked``), which only `:why` and the trace show;
    /// false leaves them empty (still non-nil for a blocked candidate).
    public let describesTop: Bool

    /// Creates a matcher; `describesTop` as the property.
    public init(pack: Pack, index: PackIndex, describesTop: Bool = true) {
        self.pack = pack
        self.index = index
        self.describesTop = describesTop
    }

    /// The question's words the intent at `pos` accounts for (`met`: its vocabulary has the
    /// word, a concept of it or a WordNet relative) and those it does not (`unmet`), in the
    /// question's order — the evidence behind its score, for `:why`. O(units).
    public func evidence(_ a: Analysis, intent pos: Int) -> (met: [String], unmet: [String]) {
        func has(_ key: String) -> Bool { index.weight(intent: pos, key: key) != nil }
        var met: [String] = [], unmet: [String] = []
        for u in a.contentUnits where u.number == nil || !u.concepts.isEmpty {
            if u.keys.contains(where: has) { met.append(u.text) }
            else if let r = u.relatives.first(where: { has($0.key) }) { met.append("\(u.text) (as \(r.word))") }
            else { unmet.append(u.text) }
        }
        return (met, unmet)
    }

    /// Scores all intents. `contextKeys` are matching keys remembered from the previous turn; they
    /// can satisfy require groups but add nothing to coverage.
    /// - Returns: candidates sorted best first (blocked ones last).
    /// - Parameters:
    ///   - contextKeys: keys remembered from the previous turn.
    ///   - followTopic: for an utterance that leans on the previous turn (a pronoun, "what about"),
    ///     the intent id prefix (topic) of the previous answer; intents continuing it, or taking a
    ///     require group from the context, get a small bonus instead of a penalty.
    public func candidates(for a: Analysis, contextKeys: Set<String> = [], followTopic: String? = nil, describeAll: Bool = false) -> [Candidate] {
        // Numbers ("ten World Heritage sites?", "more than 700,000") are claims or slot values:
        // like function words tagged by a concept ("more" ~grow) they count only when they help.
        let content = a.contentUnits.filter { $0.number == nil || !$0.concepts.isEmpty }
        let weights = content.map { index.weight($0) ?? policy.unknownWordWeight }
        let total = weights.reduce(0, +)
        let taggedStops = a.units.filter { ($0.isStop && !$0.concepts.isEmpty) || ($0.number != nil && $0.concepts.isEmpty) }
        // Keys are computed once per unit, not once per unit and intent.
        let contentKeys = content.map { u in
            u.keys.compactMap { index.keyIndex[$0].map { ($0, 1.0) } }
                + u.relatives.compactMap { r in index.keyIndex[r.key].map { ($0, policy.weight(r.relation)) } }
        }
        let stopKeys = taggedStops.map { $0.keys.compactMap { index.keyIndex[$0] } }
        let stopWeights = taggedStops.map { index.weight($0) ?? policy.taggedStopWeight }
        // Stop words tagged by a concept ("more" ~grow) can satisfy a pattern without counting.
        let keysPresent = PresentKeys(Set(a.units.flatMap(\.keys).filter { $0.hasPrefix("c:") }).union(content.flatMap(\.keys))
            .union(content.flatMap { $0.relatives.map(\.key) }))
        let mainKeys = PresentKeys(mainOf: a)
        let focusIsPerson = a.focusUnit.map { isPersonNoun(a.units[$0].text) } ?? false
        let counted = a.countedUnit
        let q = QuestionKeys(weights: weights, total: total, contentKeys: contentKeys, stopKeys: stopKeys, stopWeights: stopWeights,
                             keysPresent: keysPresent, mainKeys: mainKeys, focusIsPerson: focusIsPerson, counted: counted)
        // Only intents sharing a key with the utterance (or the context) can score above zero;
        // a key most intents share does not reach them by itself (`commonKeyPostings`).
        var reachable = Set<Int>()
        var common: [[Int32]] = []
        for k in Set(a.units.flatMap { $0.keys + $0.relatives.map(\.key) }).union(contextKeys) {
            guard let postings = index.postings[k] else { continue }
            if postings.count > policy.commonKeyPostings { common.append(postings) } else { for p in postings { reachable.insert(Int(p)) } }
        }
        if reachable.isEmpty { for postings in common { for p in postings.prefix(policy.commonKeyPostings) { reachable.insert(Int(p)) } } }
        var out = reachable.sorted().map { evaluate($0, a, q, contextKeys: contextKeys, followTopic: followTopic, describe: describeAll) }
        out.sort { a, b in
            if (a.blocked == nil) != (b.blocked == nil) { return a.blocked == nil }
            if abs(a.fit - b.fit) > 1e-9 { return a.fit > b.fit }
            let ia = pack.intents[a.intent], ib = pack.intents[b.intent]
            if ia.require.count != ib.require.count { return ia.require.count > ib.require.count }
            if ia.priority != ib.priority { return ia.priority > ib.priority }
            return ia.id < ib.id
        }
        // Only the candidates that can be shown (`:why`, JSON) get the texts of their blocks.
        if !describeAll, describesTop {
            for i in out.indices.prefix(policy.describedCandidates) where out[i].blocked != nil {
                out[i] = evaluate(out[i].intent, a, q, contextKeys: contextKeys, followTopic: followTopic, describe: true)
            }
        }
        return out
    }

    /// One intent scored against the question: its fit, and what blocks it. With `describe`
    /// false the text of ``Candidate/blocked`` is left empty (but set, so that whether the intent
    /// is blocked is known): building the texts for every intent cost more than the scores.
    private func evaluate(_ pos: Int, _ a: Analysis, _ q: QuestionKeys, contextKeys: Set<String>, followTopic: String?, describe: Bool) -> Candidate {
        func say(_ text: @autoclosure () -> String) -> String { describe ? text() : "" }
        let intent = pack.intents[pos]
        let ci = index.intents[pos]
        var blocked: String?
        var userReason: String?
        var fromContext = 0
        // An entity the intent does not know about (checked first: it is the most telling reason).
        var entityReason: (String, String)?
        var entityContrast = false
        var block: Block?
        var gap: Block?
        for e in a.entities where !ci.scope.contains(e.concept) {
            // "Did Hal lead the conquest?" of an intent whose fact names the leader: the
            // answer is a "No" that names the right one, not a decline.
            if a.kind == .yesno, intent.facts.contains(where: { pack.facts[$0].map { Self.names($0.value, e.entityClass) } ?? false }) { continue }
            // "Did Richard conquer Sicily?" of an intent whose scope has another place the
            // question leaves out (Cyprus): a substitution the facts contradict — when the
            // document knows the substitute; of one it never mentions it says nothing.
            // Countries and nationalities stay out: another country's figure is another
            // question ("Did Spain's output grow?" of France's), not a contradiction.
            if a.kind == .yesno, index.knownEntities.contains(e.concept), Self.contrastClasses.contains(e.entityClass), ci.scope.contains(where: { s in
                s != e.concept && pack.concepts[s]?.entityClass == e.entityClass && !a.entities.contains { $0.concept == s }
            }) { entityContrast = true; continue }
            // "Tokyo pledged …", "the head of government from Tokyo": a place of a country
            // (`of:` in concepts.yaml) acting, owning or sending stands for that country, for an
            // intent about the country that names no place of its own.
            if standsForCountry(e, a), let country = pack.concepts[e.concept]?.of, ci.scope.contains(country),
               !ci.scope.contains(where: { pack.concepts[$0]?.entityClass == "place" }) { continue }
            // A nationality is in scope when its country is, and the other way round.
            if let country = pack.concepts[e.concept]?.country, ci.scope.contains(where: { pack.concepts[$0]?.country == country }) { continue }
            entityReason = (say("does not know about '\(e.concept)' (\(e.entityClass))"), "I have nothing on \(displayName(e.concept, typed: a.units[e.unit].text)) for that question.")
            break
        }
        for group in intent.require {
            if group.contains(where: { matches($0, a, q.keysPresent) }) { continue }
            if group.contains(where: { contextKeys.contains(Self.key($0)) }) { fromContext += 1; continue }
            blocked = say("needs \(group.map(pack.written).joined(separator: " or "))"); block = .require
            break
        }
        if let (why, user) = entityReason {
            if blocked == nil { blocked = why; block = .entity }
            userReason = user; gap = .entity
        }
        if blocked == nil, let ex = intent.exclude.first(where: { matches($0, a, q.mainKeys) }) {
            blocked = say("excluded by '\(pack.written(ex))'"); block = .exclude
        }
        // Who did what to whom: a participant in a role the intent's examples give to another
        // ("Who did Ben swear loyalty to?" of Anna swearing loyalty to Ben). A
        // yes/no question gets "No" with the facts; any other is declined.
        if blocked == nil, let conflict = ci.roleConflict(a.roles, strongOnly: a.kind == .yesno) {
            let frame = conflict.frame
            if a.kind == .yesno { entityContrast = true }
            else {
                blocked = say("role: \(frame.participantText) as \(frame.role.rawValue) of '\(frame.predicateText)': it has \(conflict.reversed ? "the roles the other way round" : "someone else in that role")")
                block = frame.role == .possessor ? .possessor : .role; gap = block
                userReason = frame.role == .possessor
                    ? "I have nothing on \(displayName(frame))'s \(frame.predicateText)."
                    : "I have that only \(conflict.reversed ? "the other way round" : "with someone else in that role"), not with \(displayName(frame)) as the one \(frame.role == .agent ? "acting" : "acted on")."
            }
        }
        // "Which pope blessed the invasion?" of an intent that names no pope: the thing asked
        // for is not what it gives.
        // "Which pope blessed the invasion?" of an intent that names no pope: what is asked for
        // may not be what it gives. A penalty, not a block: a paraphrase may name it otherwise.
        // A person noun ("which king", "what ruler") asks for a person: any the intent names will do.
        // A person noun ("which judges …", "which king …") asks for someone named: any person
        // the intent names (in its scope or as a person fact) will do, and an intent that
        // names none ("two judges wrote …") has no answer for it however well its words fit.
        let focusMissed = a.kind != .yesno && !q.focusIsPerson && a.focusUnit.map { f in !(a.units[f].keys + a.units[f].relatives.map(\.key)).contains { index.weight(intent: pos, key: $0) != nil } } ?? false
        if blocked == nil, a.kind != .yesno, q.focusIsPerson, let f = a.focusUnit,
           !ci.scope.contains(where: { pack.concepts[$0]?.entityClass == "person" }),
           !intent.facts.contains(where: { pack.facts[$0].map { Self.names($0.value, "person") } ?? false }) {
            blocked = say("asks for someone (\(a.units[f].text)), and it names no person")
            userReason = "I have no name for the \(a.units[f].text) you ask about."; block = .noPerson; gap = .noPerson
        }
        // "Which country has the most learners?" of an intent whose fact ranks one country
        // sixth: the document does not say which is first.
        if blocked == nil, a.kind != .yesno, a.kind != .number || a.focusUnit != nil || a.tokens.first.map({ ["which", "what"].contains($0.text) }) == true,
           a.assertedRank == 1 {
            let ranks = intent.facts.compactMap { pack.facts[$0] }.compactMap { f -> (Int, String)? in
                if case .rank(let v, _, _) = f.value { return (v, f.label) } else { return nil }
            }
            if let (v, label) = ranks.first, !ranks.contains(where: { $0.0 == 1 }) {
                blocked = say("asks which is first, and its rank fact is number \(v)")
                userReason = "It gives only \(label) (number \(v)), not which is first."; block = .rank; gap = .rank
            }
        }
        // "Which five universities take part?" of an intent that only counts them: it can say
        // how many, not which.
        if blocked == nil, a.kind == .what, let f = a.focusUnit, asksForMembers(a, focus: f),
           !intent.facts.isEmpty, intent.compute.isEmpty,
           intent.facts.allSatisfy({ pack.facts[$0].map { Self.isCount($0.value) } ?? false }) {
            blocked = say("asks which \(a.units[f].text), and its facts only count them")
            userReason = "I have how many \(a.units[f].text) there are, not which."; block = .members; gap = .members
        }
        // "How many kanji …?" of an intent that counts something else: what is q.counted is
        // not what it gives.
        if blocked == nil, let k = q.counted, !a.units[k].keys.contains(where: { index.weight(intent: pos, key: $0) != nil }) {
            blocked = say("counts something other than “\(a.units[k].text)”")
            userReason = "I have no figure for the number of \(a.units[k].text)."; block = .counted; gap = .counted
        }
        // Something the whole pack declares it has nothing on (births, deaths …), unless this
        // intent names it in its own patterns.
        if blocked == nil, let uncovered = pack.settings.notCovered.first(where: { entry in
            entry.terms.contains { matches($0, a, q.mainKeys) }
                && !entry.terms.contains { t in intent.require.contains { $0.contains(t) } || intent.cues.contains(t) }
        }) {
            blocked = say("asks about \(uncovered.what) (not_covered in pack.yaml)")
            userReason = "I have nothing at all on \(uncovered.what)."; block = .notCovered; gap = .notCovered
        }
        // "Which city fell to them?" of an intent whose fact names the city: it answers where,
        // though its author listed only when and what.
        let namesAnswer = !a.kind.answerClasses.isEmpty && ci.factEntities.contains { e in
            !a.entities.contains { $0.concept == e } && a.kind.answerClasses.contains(pack.concepts[e]?.entityClass ?? "")
        }
        if blocked == nil, [.number, .when, .whereKind, .who, .why].contains(a.kind), !intent.ask.contains(a.kind), !namesAnswer {
            blocked = say("answers \(intent.ask.map(\.rawValue).sorted().joined(separator: "/")), not \(a.kind.rawValue) questions")
            block = .kind
            userReason = "I have no \(a.kind.answerNoun) for that."; gap = .kind
        }
        if blocked == nil {
            for slot in ["source", "target"] {
                guard let want = intent.slots[slot] else { continue }
                let wantCountry = index.slotValue(want) ?? want
                // A nationality's default reading ("Swedes love jazz") only decides
                // between intents of a family that differ by direction.
                if let m = a.entities.first(where: { $0.role == slot && ($0.roleIsExplicit || intent.family != nil) }),
                   let got = index.slotValue(m.concept), got != wantCountry {
                    blocked = say("\(slot) is \(wantCountry), not \(got)")
                    userReason = "I have that only for the other direction."; block = .direction; gap = .direction
                }
            }
        }
        // "What year …?", "on what date …?" of an intent whose facts carry no time at all: it
        // can say when only in words ("after the Anglo-Saxon period"), not the year asked.
        if blocked == nil, a.kind == .when, ci.times.isEmpty, intent.compute.isEmpty,
           a.tokens.contains(where: { $0.text != "time" && index.language.questionNouns[$0.text] == .when }) {
            blocked = say("the question asks for a year or date, and none of its facts has one")
            userReason = "I have no date for that."; block = .noDate; gap = .noDate
        }
        // "When did the war end?" of an intent that knows when it happened or began but names
        // no end (and "when did it begin?" of one that names only the end): another event.
        if blocked == nil, a.kind == .when, let phase = a.phases.sorted(by: { $0.rawValue < $1.rawValue }).first(where: { p in
            !ci.phases.contains(p) && (p == .end || ci.phases.contains(.end))
        }) {
            blocked = say("asks when something \(phase == .end ? "ended" : "began"), and it names no \(phase.rawValue)")
            userReason = "I have no date for when that \(phase == .end ? "ended" : "began")."; block = .phase; gap = .phase
        }
        var timeConflict = false
        if blocked == nil, !ci.times.isEmpty {
            for t in a.times where !ci.numbers.contains(t.year.map(String.init) ?? "-") {
                let ok = ci.times.contains { ft in ft.admits(t.ref(defaultYear: ft.year)) }
                if !ok {
                    timeConflict = true
                    if a.kind != .yesno { blocked = say("its facts are not about \(t.words)"); userReason = "I have nothing for \(t.words) on that."; block = .time; gap = .time }
                    break
                }
            }
        }
        // A year asked of facts that carry no time: nothing confirms it ("Who ruled in 1450?"
        // of an undated fact). Only the document's own present (its reference year and the
        // one before) goes unchecked, and a year the intent itself mentions.
        if blocked == nil, ci.times.isEmpty,
           let t = a.times.first(where: { $0.year != nil && !ci.numbers.contains(String($0.year!)) }),
           !(pack.settings.thisYear.map { ($0 - 1)...$0 }.map { $0.overlaps(t.ref(defaultYear: 0).years) } ?? false) {
            blocked = say("its facts carry no date to check \(t.words) against")
            userReason = "I have nothing dated \(t.words) on that."; block = .undated; gap = .undated
        }
        var covered = 0.0
        for (keys, w) in zip(q.contentKeys, q.weights) {
            var v = 0.0
            for (k, factor) in keys { if let x = index.weight(intent: pos, id: k), x * factor > v { v = x * factor } }
            covered += w * v
        }
        // A function word tagged by a concept ("more" ~grow) counts only when it helps.
        var bonus = 0.0
        for (keys, w) in zip(q.stopKeys, q.stopWeights) {
            var v = 0.0
            for k in keys { if let x = index.weight(intent: pos, id: k), x > v { v = x } }
            if v > 0 { bonus += v * w }
        }
        // With no content words at all ("where is that?") only the context can decide: start
        // every intent level and let the follow-up bonuses below choose.
        var score = q.total + bonus > 0 ? (covered + bonus) / (q.total + bonus) : (contextKeys.isEmpty ? 0 : 0.5)
        if intent.require.isEmpty { score *= policy.noRequireFactor }
        // An intent that names the question's kind explicitly fits a little better, and so
        // does one whose direction slots agree with the roles the question states.
        if intent.ask.contains(a.kind) { score += policy.askBonus }
        else if namesAnswer { score -= policy.impliedKindPenalty }
        for slot in ["source", "target"] {
            guard let want = intent.slots[slot].map({ index.slotValue($0) ?? $0 }) else { continue }
            if a.entities.contains(where: { $0.role == slot && index.slotValue($0.concept) == want }) { score += policy.slotBonus }
        }
        // A yes/no question about another time still reaches the intent (to answer "no"),
        // but any intent whose facts fit the time wins over it.
        if timeConflict { score -= policy.timeConflictPenalty }
        if focusMissed { score -= focusPenalty }
        if let topic = followTopic {
            if fromContext > 0 { score += policy.contextGroupBonus }
            if intent.id.hasPrefix(topic + ".") { score += policy.followTopicBonus }
        } else {
            score -= policy.contextPenalty * Double(fromContext) / Double(max(1, intent.require.count))
        }
        return Candidate(intent: pos, fit: score, blocked: blocked, userReason: blocked == nil ? nil : userReason, fromContext: fromContext, timeConflict: timeConflict, entityContrast: entityContrast, focusMissed: focusMissed, block: blocked == nil ? nil : block, gap: blocked == nil ? nil : gap)
    }


    /// A noun that stands for a person: a title ("king", "abbot"), a person noun ("poet", "ruler")
    /// or a noun that makes a question a who-question ("leader"), from the language data. O(1).
    func isPersonNoun(_ text: String) -> Bool {
        let w = String(text.split(separator: " ").last ?? "")
        let l = index.language
        return l.questionNouns[w] == .who || l.roleWords.titles.contains(w) || l.personNouns.contains(w)
            || l.personNounStems.contains(l.stemmer.stem(w))
    }

    /// Whether a place named in `a` plays a part only its country could (metonymy): it acts or
    /// owns something in a role frame ("Tokyo pledged", "Tokyo's aid"), or something comes from it
    /// ("a leader from Tokyo"). O(frames).
    func standsForCountry(_ e: EntityMention, _ a: Analysis) -> Bool {
        guard e.entityClass == "place", pack.concepts[e.concept]?.of != nil else { return false }
        if e.unit > 0, index.language.fromWords.contains(a.units[e.unit - 1].text) { return true }
        return a.roles.contains { $0.participant.contains("c:" + e.concept) && ($0.role == .agent || $0.role == .possessor) }
    }

    /// Whether a which/what question asks for the members of a group: its focus is a plural noun
    /// ("which universities", "what five programmes"), not a measure. O(1).
    func asksForMembers(_ a: Analysis, focus f: Int) -> Bool {
        let u = a.units[f]
        guard u.length == 1, let stem = u.stem else { return false }
        return u.text != stem && u.text.hasSuffix("s") && !u.text.hasSuffix("ss")
    }

    /// Whether a fact's value is only a count or amount (no names).
    static func isCount(_ v: FactValue) -> Bool {
        switch v {
        case .quantity, .money: true
        default: false
        }
    }

    /// Entity classes whose members a yes/no question may put in each other's place and get "No".
    static let contrastClasses: Set<String> = ["person", "place", "organisation", "event"]

    /// Whether a fact's value is a name of the entity class `cls` (a person fact for a person).
    static func names(_ v: FactValue, _ cls: String) -> Bool {
        switch v {
        case .person: cls == "person"
        case .place: cls == "place" || cls == "country"
        case .organisation: cls == "organisation"
        default: false
        }
    }

    /// The first thing the pack declares it has nothing on (`not_covered`) that `a` names.
    public func notCovered(_ a: Analysis) -> NotCovered? {
        guard !pack.settings.notCovered.isEmpty else { return nil }
        let keys = PresentKeys(mainOf: a)
        return pack.settings.notCovered.first { $0.terms.contains { matches($0, a, keys) } }
    }

    /// How to name an entity in a decline: the pack's first term for it as written ("Joan of
    /// Arc"), else the words typed.
    func displayName(_ concept: String, typed: String) -> String {
        guard let t = pack.concepts[concept]?.terms.first, !t.isEmpty else { return typed }
        return t.first!.isLowercase ? t.prefix(1).uppercased() + t.dropFirst() : t
    }

    /// How to name a frame's participant: the pack's name for its entity or concept, else the words typed.
    func displayName(_ frame: RoleFrame) -> String {
        let concept = frame.participant.sorted().first.map { String($0.dropFirst(2)) } ?? ""
        return entityName(concept) ?? displayName(concept, typed: frame.participantText)
    }

    /// The name a fact gives an entity ("Ben Ames" for `ben`), when some person, place
    /// or organisation fact carries one of the entity's terms as its name (the first such fact in
    /// id order; ``FactLookups/entityNames``). O(1).
    func entityName(_ concept: String) -> String? {
        index.lookups.entityNames[concept]
    }

    /// The matching key of a term (`w:stem`, `c:concept`; a phrase's words joined).
    static func key(_ t: Term) -> String {
        switch t {
        case .word(let w): "w:" + w
        case .concept(let c): "c:" + c
        case .phrase(let p): "p:" + p.joined(separator: " ")
        }
    }

    func matches(_ t: Term, _ a: Analysis, _ keys: PresentKeys) -> Bool {
        switch t {
        case .word(let w): return keys.words.contains(w) || a.units.contains { $0.stems.contains(w) }
        case .concept(let c): return keys.concepts.contains(c)
        case .phrase(let p):
            let stems = a.tokens.map(\.stem)
            guard stems.count >= p.count else { return false }
            return (0...(stems.count - p.count)).contains { Array(stems[$0..<($0 + p.count)]) == p }
        }
    }
}

/// Matching keys of a question split by kind and without their prefix (`w:stem` → `stem` in
/// `words`, `c:concept` → `concept` in `concepts`), so that a pattern term is looked up as it is
/// written, without building its key string for every intent scored.
struct PresentKeys {
    var concepts: Set<String>
    var words: Set<String>

    init(concepts: Set<String>, words: Set<String>) {
        self.concepts = concepts
        self.words = words
    }

    /// The question's main keys: every unit's concepts and the stems of its content units (what
    /// excludes and `not_covered` terms are matched against).
    init(mainOf a: Analysis) {
        self.init(concepts: Set(a.units.flatMap(\.concepts)), words: Set(a.units.flatMap { $0.isStop ? [] : $0.stems }))
    }

    /// The `c:` and `w:` keys of `keys` (others are never a pattern term's).
    init(_ keys: Set<String>) {
        var concepts = Set<String>(), words = Set<String>()
        for k in keys {
            if k.hasPrefix("c:") { concepts.insert(String(k.dropFirst(2))) } else if k.hasPrefix("w:") { words.insert(String(k.dropFirst(2))) }
        }
        self.init(concepts: concepts, words: words)
    }
}

/// What the matcher computes once per question and uses for every intent it scores.
struct QuestionKeys {
    /// IDF weight of each content unit, and their sum.
    var weights: [Double]
    var total: Double
    /// Each content unit's keys as interned ids, with the factor of a WordNet relative.
    var contentKeys: [[(Int, Double)]]
    /// Concept-tagged function words: their keys and weights (they count only when they help).
    var stopKeys: [[Int]]
    var stopWeights: [Double]
    /// Every key present (for require groups) and the main keys (for excludes).
    var keysPresent: PresentKeys
    var mainKeys: PresentKeys
    /// Whether the focus noun names a person; the unit counted by a how-many question.
    var focusIsPerson: Bool
    var counted: Int?
}

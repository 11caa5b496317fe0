/// How one require group of an intent fared against a question.
public struct RequireGroupMatch: Sendable, Hashable {
    /// The group's terms as the author wrote them, joined with " or " (`~visit`, `left turn`).
    public var terms: String
    /// The question words that matched it; "(the previous question)" when only the dialogue
    /// context did; nil when nothing did.
    public var matchedBy: String?
}

/// Why one named intent did or did not answer a question (`:why INTENT_ID`): its score and place
/// among the candidates, every reason it is blocked (not only the first, which is all the
/// matcher keeps), its require groups, the question words its vocabulary does not cover, and a
/// one-line outcome. Terms are shown as the author wrote them, never as stems.
public struct IntentExplanation: Sendable {
    /// The intent id.
    public var intent: String
    /// Its score, or nil when it shares no word with the question (it was never scored).
    public var score: Double?
    /// Its place among the scored candidates (1 = best), or nil when it was not scored.
    public var rank: Int?
    /// How many intents were scored for the question.
    public var scored: Int
    /// Every reason the intent cannot take the question, most telling first.
    public var blocks: [String]
    /// Each require group and what matched it.
    public var requireGroups: [RequireGroupMatch]
    /// Content words of the question that none of the intent's vocabulary covers (they lower its score).
    public var uncovered: [String]
    /// One line: answered, blocked (and by what), below the threshold, or lost to which intent.
    public var outcome: String
}

extension Engine {
    /// Every scored candidate for `analysis`, best first (blocked ones last), not only the eight
    /// a ``Response`` keeps: for `:why all`.
    /// - Parameter context: the dialogue context the question was asked in; its words count for
    ///   require groups only when the question looks like a follow-up, as in ``respond(to:context:)``.
    /// - Complexity: one matcher pass, O(keys × postings + scored intents × units).
    public func allCandidates(for analysis: Analysis, context: DialogueContext = DialogueContext()) -> [CandidateSummary] {
        candidatesExplained(analysis, context).map {
            CandidateSummary(intent: pack.intents[$0.intent].id, score: $0.score, blocked: $0.blocked, fit: $0.fit)
        }
    }

    /// Explains why the intent `id` did or did not answer `analysis`.
    /// - Parameters:
    ///   - id: an intent id of the pack.
    ///   - analysis: the question, as ``analyse(_:)`` or a ``Response``'s explanation gives it.
    ///   - context: the dialogue context before the question.
    ///   - response: the response the question got, if known: the outcome then names the intent
    ///     that answered it (a built-in comparison or a follow-up included) or the decline.
    /// - Returns: nil when the pack has no intent `id`.
    /// - Complexity: one matcher pass plus O(units × terms of the intent).
    public func explain(intent id: String, for analysis: Analysis, context: DialogueContext = DialogueContext(),
                        response: Response? = nil) -> IntentExplanation? {
        guard let pos = index.position[id] else { return nil }
        let a = analysis
        let intent = pack.intents[pos], ci = index.intents[pos]
        let cands = candidatesExplained(a, context)
        let k = cands.firstIndex { $0.intent == pos }
        let mine = k.map { cands[$0] }
        let contextKeys = a.looksLikeFollowUp ? context.keys : []

        var blocks: [String] = []
        // Entities outside the scope.
        for e in a.entities where !ci.scope.contains(e.concept) {
            if let country = pack.concepts[e.concept]?.country, ci.scope.contains(where: { pack.concepts[$0]?.country == country }) { continue }
            let scope = ci.scope.sorted().joined(separator: ", ")
            blocks.append("“\(a.units[e.unit].text)” is \(e.concept) (\(e.entityClass)), outside its scope (\(scope.isEmpty ? "no entities" : scope)); add it to its entities if it answers for it")
        }
        // Require groups.
        var groups: [RequireGroupMatch] = []
        for group in intent.require {
            let terms = group.map(pack.written).joined(separator: " or ")
            let words = group.compactMap { questionWords(matching: $0, in: a) }
            if let w = words.first { groups.append(RequireGroupMatch(terms: terms, matchedBy: w)); continue }
            if group.contains(where: { contextKeys.contains(Matcher.key($0)) }) {
                groups.append(RequireGroupMatch(terms: terms, matchedBy: "(the previous question)")); continue
            }
            groups.append(RequireGroupMatch(terms: terms, matchedBy: nil))
            blocks.append("no word of the question matches its require group \(terms)")
        }
        // Excludes (never by a phrase's inner concepts, as in the matcher).
        for term in intent.exclude {
            guard let w = questionWords(matching: term, in: a, innerConcepts: false) else { continue }
            blocks.append("excluded by '\(pack.written(term))' (the question says “\(w)”)")
        }
        if [.number, .when, .whereKind, .who, .why].contains(a.kind), !intent.ask.contains(a.kind) {
            blocks.append("it answers \(intent.ask.map(\.rawValue).sorted().joined(separator: "/")) questions, and this is a \(a.kind.rawValue) question; add \(a.kind.rawValue) to its ask")
        }
        for slot in ["source", "target"] {
            guard let want = intent.slots[slot] else { continue }
            let wantCountry = pack.concepts[want]?.country ?? want
            if let m = a.entities.first(where: { $0.role == slot && ($0.roleIsExplicit || intent.family != nil) }),
               let got = pack.concepts[m.concept]?.country, got != wantCountry {
                blocks.append("its \(slot) is \(wantCountry), and the question's \(slot) is \(got) (“\(a.units[m.unit].text)”)")
            }
        }
        if let c = ci.roleConflict(a.roles, strongOnly: a.kind == .yesno) {
            let how = c.reversed ? "the other way round" : "with someone else in that role"
            blocks.append("“\(c.frame.participantText)” is \(c.frame.role.rawValue) of “\(c.frame.predicateText)”, and its examples and facts have it \(how): \(c.evidence.map(\.description).joined(separator: "; "))"
                + (a.kind == .yesno ? " (a yes/no question: “No.”)" : ""))
        }
        // The matcher's own reason, when the checks above have nothing of its kind (a time its
        // facts do not cover, and any check the matcher has that these do not mirror).
        if let b = mine?.blocked, !Self.mirrors(b, in: blocks) {
            blocks.append(b.hasPrefix("its facts are not about")
                ? "\(b) (times of its facts: \(Set(ci.times.map(\.description)).sorted().joined(separator: ", ")))" : b)
        }

        let uncovered = a.contentUnits.filter { u in
            (u.number == nil || !u.concepts.isEmpty) && !u.keys.contains { index.weight(intent: pos, key: $0) != nil }
        }.map(\.text)

        let score = mine?.score
        let outcome: String
        if let r = response, r.intent == id {
            outcome = "it answered" + (r.score.map { String(format: " (score %.3f)", $0) } ?? "")
        } else if mine == nil {
            outcome = "not a candidate: it shares no word with the question"
        } else if let first = blocks.first ?? mine?.blocked {
            outcome = "blocked: \(first)"
        } else if let s = score, s < matcher.threshold {
            outcome = String(format: "its score %.3f is below the threshold %.3f", s, matcher.threshold)
                + (uncovered.isEmpty ? "" : "; its vocabulary does not cover: " + uncovered.joined(separator: ", "))
        } else if let r = response, let winner = r.intent {
            let how = Engine.builtInIntents.contains(winner) ? " (a built-in comparison of two facts)"
                : r.explanation.contextUse.map { " (\($0))" } ?? ""
            outcome = "lost to \(winner)\(how)" + (r.score.map { String(format: ": %.3f against %.3f", $0, score ?? 0) } ?? "")
        } else if let r = response, r.reason == .ambiguous {
            outcome = "it tied with another intent: the question was declined as ambiguous"
        } else if let top = cands.first(where: { $0.blocked == nil }), top.intent != pos {
            outcome = String(format: "lost to %@: %.3f against %.3f", pack.intents[top.intent].id, top.score, score ?? 0)
        } else {
            outcome = String(format: "it is the best candidate (score %.3f)", score ?? 0)
        }
        return IntentExplanation(intent: id, score: score, rank: k.map { $0 + 1 }, scored: cands.count,
                                 blocks: blocks, requireGroups: groups, uncovered: uncovered, outcome: outcome)
    }

    /// True when `blocks` already says what the matcher's reason `reason` says, in other words.
    static func mirrors(_ reason: String, in blocks: [String]) -> Bool {
        let kinds: [(matcher: String, mine: (String) -> Bool)] = [
            ("needs ", { $0.hasPrefix("no word of the question matches") }),
            ("does not know about", { $0.contains("outside its scope") }),
            ("excluded by", { $0.hasPrefix("excluded by") }),
            ("answers ", { $0.hasPrefix("it answers") }),
            ("source is", { $0.hasPrefix("its source") }),
            ("target is", { $0.hasPrefix("its target") }),
            ("role: ", { $0.contains("its examples and facts have it") }),
        ]
        guard let kind = kinds.first(where: { reason.hasPrefix($0.matcher) }) else { return false }
        return blocks.contains(where: kind.mine)
    }

    /// The matcher's candidates, with the context's words when the question looks like a
    /// follow-up, every one with the texts of its blocks.
    func candidatesExplained(_ a: Analysis, _ context: DialogueContext) -> [Candidate] {
        guard a.looksLikeFollowUp, let last = context.lastIntent else { return matcher.candidates(for: a, describeAll: true) }
        let topic = a.isAnaphoric ? String(last.split(separator: ".").first ?? "") : nil
        return matcher.candidates(for: a, contextKeys: context.keys, followTopic: topic, describeAll: true)
    }

    /// The folded question words that match `term`, or nil.
    func questionWords(matching term: Term, in a: Analysis, innerConcepts: Bool = true) -> String? {
        switch term {
        case .word(let w):
            return a.units.first { $0.stems.contains(w) || $0.stem == w }?.text
        case .concept(let c):
            return a.units.first { $0.concepts.contains(c) || (innerConcepts && $0.innerConcepts.contains(c)) }?.text
        case .phrase(let p):
            let stems = a.tokens.map(\.stem)
            guard stems.count >= p.count else { return nil }
            for i in 0...(stems.count - p.count) where Array(stems[i..<(i + p.count)]) == p {
                return a.tokens[i..<(i + p.count)].map(\.text).joined(separator: " ")
            }
            return nil
        }
    }
}

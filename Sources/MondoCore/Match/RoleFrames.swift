/// The part a participant plays in what a question says happened.
public enum ParticipantRole: String, Sendable, Hashable {
    /// The one acting: the subject of an active verb ("did **Anna** swear …"), or the agent of a
    /// passive ("killed by **Ed**").
    case agent
    /// The one acted on: the object of an active verb ("invade **the island**"), the subject of a
    /// passive ("was **Hal** killed"), or a recipient ("swear loyalty to **Ben**").
    case patient
    /// The owner in a relation: "**Carl**'s nephew", "the nephew of **Carl**".
    case possessor

    /// The role a participant would have in the same clause the other way round (nil: none).
    var reversed: ParticipantRole? {
        switch self {
        case .agent: .patient
        case .patient: .agent
        case .possessor: nil
        }
    }
}

/// One participant of a question in one role: who did what (the predicate) in which role.
/// "Did Anna swear loyalty to Ben?" gives two frames: (anna, agent, swear) and
/// (ben, patient, swear).
public struct RoleFrame: Sendable, Hashable, CustomStringConvertible {
    /// Matching keys (`w:stem`) of the verb, or of the relational noun for `possessor`. Stems only:
    /// a concept may join converse verbs ("kill" and "die"), whose roles are each other's reverse.
    public var predicate: Set<String>
    /// Matching keys naming the participant: an entity's concept, or else the unit's concepts, or its stem.
    public var participant: Set<String>
    /// The role.
    public var role: ParticipantRole
    /// The participant's words as written (for explanations).
    public var participantText: String
    /// The predicate's words as written.
    public var predicateText: String

    public var description: String { "\(participantText) \(role.rawValue) of \(predicateText)" }
}

/// What ``RoleReader`` reads from a question: its role frames, the unit of its clause's verb, and
/// the unit of the noun a which/what question asks for (its focus).
public struct ClauseReading: Sendable {
    /// Who does what to whom.
    public var frames: [RoleFrame] = []
    /// The clause's verb (unit index), when one was found.
    public var verb: Int?
    /// The noun a which/what question asks for (unit index): "which **lord** built …".
    public var focus: Int?
}

/// The words ``RoleReader`` reads roles with, from the language data's `roles` entry.
public struct RoleWords: Sendable {
    /// Auxiliaries after which the subject acts ("did", "has", "will").
    public var activeAuxiliaries: Set<String> = []
    /// Forms of "be": before a participle the subject is acted on ("was Hal killed").
    public var beAuxiliaries: Set<String> = []
    /// Titles and determiners that may stand between an auxiliary and a name ("did King Hal").
    public var titles: Set<String> = []
    /// Adverbs that may stand between a subject and its verb ("did Anna ever swear").
    public var adverbs: Set<String> = []
    /// Stems of verbs and relational nouns whose participants may be named in either order
    /// ("fight", "marry", "rival").
    public var symmetricWords: Set<String> = []
    /// Prepositions whose object is acted on ("swear loyalty to Ben").
    public var recipientPrepositions: Set<String> = []
    /// Prepositions whose object acts in a passive ("killed by Ed").
    public var agentPrepositions: Set<String> = []
    /// Words that end the clause whose roles are read ("that", "when", "after").
    public var clauseBreaks: Set<String> = []
}

/// Reads who did what to whom from the word order of a question: a shallow reading with no
/// tagger, for English questions. It finds the clause's verb after an auxiliary and its subject
/// ("did Anna swear", "was Hal killed") or right after a question word ("who invaded …"),
/// the objects that follow it, and possessives ("Carl's nephew", "the nephew of Carl").
/// A question it cannot read gives fewer frames, never wrong ones it could avoid: frames are
/// read only for participants (entities, or words a concept names) in clearly marked positions.
/// O(number of units).
public struct RoleReader: Sendable {
    let words: RoleWords
    let irregular: [String: String]
    let questionWords: Set<String>
    let questionNouns: [String: QuestionKind]
    let genericNouns: Set<String>

    /// A reader with the words of `language`.
    public init(language: LanguageData) {
        words = language.roleWords
        irregular = language.stemmer.irregularForms
        questionWords = Set(language.questionWords.keys)
        questionNouns = language.questionNouns
        genericNouns = language.genericNouns
    }

    /// The role frames of a question's (or a statement's) units. `entities` gives the units that name entities.
    public func frames(_ units: [Unit], tokens: [Token], entities: [EntityMention]) -> [RoleFrame] {
        read(units, tokens: tokens, entities: entities).frames
    }

    /// The role frames, the clause's verb and the noun a which/what question asks for.
    public func read(_ units: [Unit], tokens: [Token], entities: [EntityMention]) -> ClauseReading {
        guard !units.isEmpty else { return ClauseReading() }
        var entityAt: [Int: String] = [:]
        for e in entities where entityAt[e.unit] == nil { entityAt[e.unit] = e.concept }
        // A nationality before a noun is an adjective ("Japanese capital"), not a participant.
        let modifiers = Set(entities.filter { $0.entityClass == "nationality" && $0.unit + 1 < units.count && !units[$0.unit + 1].isStop }.map(\.unit))
        for m in modifiers { entityAt[m] = nil }
        let text = units.map(\.text)
        func participant(_ i: Int) -> Set<String>? {
            guard !modifiers.contains(i) else { return nil }
            if let e = entityAt[i] { return ["c:" + e] }
            let u = units[i]
            guard !u.isStop, u.number == nil, !u.concepts.isEmpty, !questionWords.contains(u.text) else { return nil }
            return Set(u.concepts.map { "c:" + $0 })
        }
        func predicate(_ i: Int) -> Set<String>? {
            let u = units[i]
            guard !u.isStop, u.number == nil, entityAt[i] == nil else { return nil }
            // By stem only: a concept may join converse verbs ("kill" and "die" as ~death).
            return Set((u.stem.map { [$0] } ?? u.stems).map { "w:" + $0 })
        }
        var out: [RoleFrame] = []
        // Possessives of named entities anywhere: "Carl's nephew", "the nephew of Carl".
        for i in units.indices {
            guard entityAt[i] != nil, let who = participant(i) else { continue }
            let last = units[i].start + units[i].length - 1
            if last < tokens.count, tokens[last].possessive, i + 1 < units.count, let p = predicate(i + 1) {
                out.append(RoleFrame(predicate: p, participant: who, role: .possessor, participantText: text[i], predicateText: text[i + 1]))
            }
            var j = i - 1
            while j >= 0, ["the", "a", "an"].contains(text[j]) { j -= 1 }
            if j >= 1, text[j] == "of", let p = predicate(j - 1) {
                out.append(RoleFrame(predicate: p, participant: who, role: .possessor, participantText: text[i], predicateText: text[j - 1]))
            }
        }
        // The clause: an auxiliary, its subject and verb; or a question word as the subject.
        var verb: Int?
        var passive = false
        let first = units.firstIndex { !questionWords.contains($0.text) || $0.text == "whose" } ?? 0
        // The auxiliary opens the question or follows the question word and at most three words of it.
        let aux = units.indices.first { i in
            (words.activeAuxiliaries.contains(text[i]) || words.beAuxiliaries.contains(text[i])) && i <= first + 3
                && !units[..<i].contains { words.clauseBreaks.contains($0.text) && !questionWords.contains($0.text) }
        }
        if let ax = aux {
            var s = ax + 1
            while s < units.count, words.titles.contains(text[s]) { s += 1 }
            let isBe = words.beAuxiliaries.contains(text[ax])
            if s < units.count, isBe, entityAt[s] == nil, isParticiple(text[s]) {
                // "who was killed at the ford?": the question word is the subject, acted on.
                verb = s; passive = true
            } else if s < units.count, let subject = participant(s) {
                var v = s + 1
                while v < units.count, words.adverbs.contains(text[v]) { v += 1 }
                if v < units.count, predicate(v) != nil, !(isBe && !isParticiple(text[v])) {
                    verb = v; passive = isBe
                    out.append(RoleFrame(predicate: predicate(v)!, participant: subject, role: isBe ? .patient : .agent,
                                         participantText: text[s], predicateText: text[v]))
                }
            }
        } else if first == 0 {
            // A statement (a fact's text, or "Anna swore loyalty to whom?"): a named subject
            // and a past form after it.
            var s = 0
            while s < units.count, words.titles.contains(text[s]) { s += 1 }
            if s < units.count, entityAt[s] != nil, let subject = participant(s) {
                var v = s + 1
                while v < units.count, words.adverbs.contains(text[v]) { v += 1 }
                if v < units.count, predicate(v) != nil, isParticiple(text[v]) {
                    verb = v
                    out.append(RoleFrame(predicate: predicate(v)!, participant: subject, role: .agent, participantText: text[s], predicateText: text[v]))
                }
            }
        } else if first > 0, first < units.count {
            // "who invaded the island?", "which duke conquered England?": the verb follows the
            // question word (and one or two words of its noun phrase: a past form marks it).
            if predicate(first) != nil, text[first - 1] == "who" || text[first - 1] == "what" {
                verb = first
            } else if let v = (first..<min(units.count, first + 3)).first(where: { predicate($0) != nil && isParticiple(text[$0]) }) {
                verb = v
            }
        }
        // Objects of the verb, up to the end of its clause.
        if let v = verb, let p = predicate(v), !words.symmetricWords.contains(units[v].stem ?? "") {
            var k = v + 1
            while k < units.count, !words.clauseBreaks.contains(text[k]) {
                if let who = participant(k), entityAt[k] != nil {
                    var j = k - 1
                    while j > v, words.titles.contains(text[j]) { j -= 1 }
                    let prep = text[j]
                    var role: ParticipantRole?
                    if words.recipientPrepositions.contains(prep) { role = .patient }
                    else if words.agentPrepositions.contains(prep) { role = passive ? .agent : nil }
                    else if j == v, !passive { role = .patient }
                    if let role { out.append(RoleFrame(predicate: p, participant: who, role: role, participantText: text[k], predicateText: text[v])) }
                }
                // "to" before anything but a name starts another clause ("encourage them to come").
                if words.recipientPrepositions.contains(text[k]), k + 1 < units.count, participant(k + 1) == nil, !words.titles.contains(text[k + 1]) { break }
                k += 1
            }
        }
        // Frames of symmetric verbs and relations say nothing about roles.
        let frames = out.filter { f in !f.predicate.contains { k in words.symmetricWords.contains(String(k.dropFirst(2))) } }
        return ClauseReading(frames: frames, verb: verb, focus: focus(units, entityAt: entityAt))
    }

    /// The noun a which/what question asks for: the last word of the noun phrase after "which" or
    /// "what" ("which Norman **lord** built …", "under which **abbot** …", "what **cheese** …"), or
    /// after "who was the" ("who were the two **judges** …"), unless it only gives the kind of
    /// answer (a question noun such as "year" or "city"; a who-noun such as "leader" stays) or is
    /// a generic noun ("kind", "name"). Nil for other questions.
    func focus(_ units: [Unit], entityAt: [Int: String]) -> Int? {
        let text = units.map(\.text)
        var w = 0
        while w < units.count, words.recipientPrepositions.contains(text[w]) || ["in", "under", "at", "on", "for", "from", "by", "with", "during", "of", "and", "so"].contains(text[w]) { w += 1 }
        guard w < units.count else { return nil }
        // "who were the two judges …": the noun after "who" and a form of "be" and a determiner.
        if text[w] == "who", w + 2 < units.count, words.beAuxiliaries.contains(text[w + 1]), ["the", "a", "an"].contains(text[w + 2]) { w += 2 }
        else if text[w] != "which" && text[w] != "what" { return nil }
        var head: Int?
        var k = w + 1
        while k < units.count, k <= w + 3 {
            let t = text[k]
            if words.activeAuxiliaries.contains(t) || words.beAuxiliaries.contains(t) || words.clauseBreaks.contains(t) || isParticiple(t) && k > w + 1 { break }
            if ["of", "in", "at", "on", "to", "from", "for", "with", "by", "about", "did", "does", "do"].contains(t) { break }
            if entityAt[k] == nil, !units[k].isStop, units[k].number == nil { head = k }
            k += 1
        }
        guard let h = head else { return nil }
        let last = String(text[h].split(separator: " ").last ?? "")
        if (questionNouns[last].map { $0 != .who } ?? false) || genericNouns.contains(last) { return nil }
        return h
    }

    /// A past form or participle by its form ("killed", "taken", "sworn") or an irregular past
    /// form ("took"): the verb of a clause.
    func isParticiple(_ w: String) -> Bool {
        if irregular[w] != nil { return !w.hasSuffix("ing") && !w.hasSuffix("s") && !w.hasSuffix("er") && !w.hasSuffix("est") && !w.hasSuffix("men") && w != "children" }
        return w.count > 3 && (w.hasSuffix("ed") || w.hasSuffix("en") || w.hasSuffix("wn"))
    }
}

/// A role a question gives a participant that an intent's examples or facts contradict.
public struct RoleConflict: Sendable {
    /// The question's frame.
    public var frame: RoleFrame
    /// True when the intent has the same participant in the reversed role (strong evidence: the
    /// document says it the other way round); false when it has someone else in that role.
    public var reversed: Bool
    /// The intent's frames that contradict it.
    public var evidence: [RoleFrame]
}

extension PackIndex.CompiledIntent {
    /// The first role frame of a question that the intent contradicts, or nil.
    ///
    /// For a question frame whose predicate some frame of the intent shares (a verb or relational
    /// noun, by stem): when one gives the same participant the same role, it agrees;
    /// when one gives it the reversed role ("Did Anna swear loyalty to Ben?" has Ben
    /// acted on; "Who did Ben swear loyalty to?" has him acting), it is `reversed` —
    /// checked against the examples and the sentences of text facts; when only the examples give
    /// that role, and only to others, while the participant is one the intent knows in another way
    /// ("Who was Dora's nephew?" of "Who was Carl's nephew?"), someone else holds it. That
    /// weaker reading is skipped with `strongOnly` (yes/no questions, where it would be a "No").
    /// A predicate the intent never has says nothing. O(frames × intent frames).
    func roleConflict(_ question: [RoleFrame], strongOnly: Bool = false) -> RoleConflict? {
        for q in question {
            let same = roles.filter { !$0.predicate.isDisjoint(with: q.predicate) } + factRoles.filter { !$0.predicate.isDisjoint(with: q.predicate) }
            guard !same.isEmpty else { continue }
            if same.contains(where: { $0.role == q.role && !$0.participant.isDisjoint(with: q.participant) }) { continue }
            if let r = q.role.reversed {
                let against = same.filter { $0.role == r && !$0.participant.isDisjoint(with: q.participant) }
                if !against.isEmpty { return RoleConflict(frame: q, reversed: true, evidence: against) }
            }
            if strongOnly { continue }
            let others = roles.filter { $0.role == q.role && !$0.predicate.isDisjoint(with: q.predicate) }
            if !others.isEmpty, !participants.isDisjoint(with: q.participant) { return RoleConflict(frame: q, reversed: false, evidence: others) }
        }
        return nil
    }
}

import Testing
@testable import MondoCore

/// Each follow-up path of the turn resolver (``ResolutionStep``), on both packs: the step that
/// used the dialogue context is named in the explanation, and the answer is the one that path
/// gives. A path that stops working, or another path taking over, fails here.
@Suite struct ResolutionStepTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var normans = false
        var turns: [String]
        var step: ResolutionStep?
        /// Words the last answer holds; empty for a decline.
        var holds: [String]
        var testDescription: String { (normans ? "normans: " : "interview: ") + turns.joined(separator: " → ") }
    }

    func last(_ c: Case) -> Response {
        let engine = c.normans ? NormansPackTests.engine : shippedEngine
        var ctx = DialogueContext()
        var r: Response?
        for t in c.turns { r = engine.respond(to: t, context: &ctx) }
        return r!
    }

    static let cases: [Case] = [
        // substitution: the previous question about another entity.
        Case(turns: ["what does rorze make", "and tokuyama?"], step: .substitution, holds: ["polysilicon"]),
        Case(normans: true, turns: ["who was rollo", "and bohemond?"], step: .substitution, holds: ["Robert Guiscard"]),
        // substituted-kind: not answerable as the previous question, the decline stands.
        Case(turns: ["where is rorze's factory", "what about tokuyama?"], step: .substitution, holds: []),
        Case(normans: true, turns: ["when did the normans invade ireland", "and wales?"], step: .previousTurn, holds: ["Marches"]),
        // declined-referent: the pronoun names what the declined turn named.
        Case(turns: ["when did the metro open", "how many passengers did it carry"], step: .declinedReferent, holds: ["10 million"]),
        Case(normans: true, turns: ["what did sybilla of normandy die of", "who was she married to"], step: .personInFocus, holds: ["Alexander"]),
        // person-in-focus: "he" is the person the last answer or question named.
        Case(turns: ["Which Vietnamese leader will Japan welcome at the Expo?", "where did he study?"], step: .personInFocus, holds: ["Nagoya"]),
        Case(normans: true, turns: ["when was william the conqueror born", "which battle did he win?"], step: .personInFocus, holds: ["Hastings"]),
        // pack-subject: a pronoun with nothing before it.
        Case(turns: ["when did he start the job?"], step: .packSubject, holds: ["17 May 2024"]),
        // previous-turn: slots changed within a family, or the last turn's words.
        Case(turns: ["how many japanese visited vietnam last year", "and the other way round?"], step: .previousTurn, holds: ["620,000"]),
        Case(turns: ["how many vietnamese live in japan", "where does it rank?"], step: .previousTurn, holds: ["second"]),
        Case(normans: true, turns: ["what did bohemond do", "when?"], step: .previousTurn, holds: ["1107"]),
        // kind-only: "when?", "where?" about the previous topic.
        Case(turns: ["how many doctoral students will japan accept", "by when?"], step: .kindOnly, holds: ["2030"]),
        Case(normans: true, turns: ["who invaded scotland", "when?"], step: .kindOnly, holds: ["1072"]),
        Case(normans: true, turns: ["when did the normans invade ireland", "where?"], step: .kindOnly, holds: ["Wexford"]),
        Case(normans: true, turns: ["when did dyrrachium get betrayed to the normans", "by who?"], step: .kindOnly, holds: ["Amalfitan"]),
        Case(turns: ["Who is the ambassador?", "when did he take office?", "where has he been?"], step: .kindOnly, holds: ["Cao Bang"]),
    ]

    @Test(arguments: cases) func eachPathAnswersThroughItsStep(_ c: Case) {
        let r = last(c)
        #expect(r.explanation.step == c.step, Comment(rawValue: "\(r.explanation.contextUse ?? "no context use"): \(r.answer)"))
        if c.holds.isEmpty { #expect(r.intent == nil, Comment(rawValue: r.answer)) }
        for h in c.holds { #expect(r.answer.contains(h), Comment(rawValue: r.answer)) }
    }

    /// "where?" asks for a place: an answer that names none but those the previous question
    /// named is not one, on either pack.
    @Test func aKindOnlyFollowUpNeedsAnAnswerOfThatKind() {
        let r = last(Case(turns: ["how big is the vietnamese community in japan", "who?"], step: nil, holds: []))
        #expect(r.intent == nil, Comment(rawValue: r.answer))
        #expect(r.answer.contains("no name"), Comment(rawValue: r.answer))
        let n = last(Case(normans: true, turns: ["when did the normans invade ireland", "where?"], step: .kindOnly, holds: []))
        #expect(n.intent?.contains("scotland") != true, Comment(rawValue: n.answer))
    }

    /// A comparison and the time between two events end the turn in their own steps.
    @Test func computedStepsAnswerWithoutTheContext() {
        let cmp = last(Case(normans: true, turns: ["how many years between the battle of hastings and the siege of antioch"], step: nil, holds: []))
        #expect(cmp.answer.contains("31 years"), Comment(rawValue: cmp.answer))
        let who = last(Case(turns: ["were there more japanese visitors to vietnam or vietnamese visitors to japan in 2024?"], step: nil, holds: []))
        #expect(who.answer.contains("710,000"), Comment(rawValue: who.answer))
    }
}

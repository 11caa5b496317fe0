import Testing
@testable import MondoCore

/// "he"/"she" in a follow-up: the person in focus, on both packs.
@Suite struct FollowUpPronounTests {
    func reply(_ engine: Engine, _ turns: [String]) -> Response {
        var ctx = DialogueContext()
        var r: Response?
        for t in turns { r = engine.respond(to: t, context: &ctx) }
        return r!
    }

    @Test func afterADeclinedTurnThePronounIsThePersonItNamed() {
        let r = reply(NormansPackTests.engine, ["what did sybilla of normandy die of", "who was she married to"])
        #expect(r.answer.contains("Alexander"), Comment(rawValue: r.answer))
        #expect(r.explanation.contextUse?.contains("sybilla") == true)
    }

    @Test func afterAWhoQuestionThePronounIsThePersonTheAnswerNamed() {
        let r = reply(NormansPackTests.engine, ["who was one of the first norman mercenaries to become a byzantine general", "in which decade did he serve"])
        #expect(r.answer.contains("1050"), Comment(rawValue: r.answer))
    }

    @Test func onTheInterviewThePronounIsTheLeaderTheAnswerNamed() {
        let r = reply(shippedEngine, ["Which Vietnamese leader will Japan welcome at the Expo?", "where did he study?"])
        #expect(r.intent == "people.long_study", Comment(rawValue: r.answer))
        #expect(r.explanation.contextUse?.hasPrefix("follow-up: the pronoun taken as") == true)
    }
}

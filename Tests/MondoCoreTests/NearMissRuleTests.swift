import Testing
@testable import MondoCore

/// Near misses declined by what the question asks for, conjoined noun phrases, and a place that
/// stands for its country — on the shipped pack (the engine rules are pack-independent).
@Suite struct NearMissRuleTests {
    func reply(_ turns: [String], _ engine: Engine = shippedEngine) -> Response {
        var ctx = DialogueContext()
        var r: Response?
        for t in turns { r = engine.respond(to: t, context: &ctx) }
        return r!
    }

    @Test func aSuperlativeIsNotAnsweredWithARankThatIsNotFirst() {
        let r = reply(["which nation has the largest number of people studying japanese"])
        #expect(r.intent == nil, Comment(rawValue: r.answer))
        let asked = reply(["which country is number one for japanese learners?"])
        #expect(asked.intent == nil, Comment(rawValue: asked.answer))
        // The rank itself is still answered.
        let rank = reply(["where does viet nam rank for japanese learners"])
        #expect(rank.answer.contains("sixth"), Comment(rawValue: rank.answer))
    }

    /// "How many companies …?" of an intent that counts participants counts something else; a
    /// noun for people ("folks", "guys") may name any count of people.
    @Test func aHowManyQuestionCountingSomethingElseIsDeclined() {
        let r = reply(["how many companies attended the festival in tokyo"])
        #expect(r.intent == nil, Comment(rawValue: r.answer))
        #expect(r.answer.contains("no figure for the number of companies"), Comment(rawValue: r.answer))
        let folks = reply(["how many folks came to the festival in tokyo"])
        #expect(folks.answer.contains("140,000"), Comment(rawValue: folks.answer))
        let guys = reply(["how many guys did robert guiscard bring to albania in 1081"], NormansPackTests.engine)
        #expect(guys.answer.contains("30,000"), Comment(rawValue: guys.answer))
    }

    /// A better-fitting intent excluded for what the question asks (an exclude term the answering
    /// intent does not name) makes the lower one a neighbouring fact: declined.
    @Test func aBlockedBetterReadingDeclines() {
        let r = reply(["which five universities are in the semiconductor doctoral program?"])
        #expect(r.intent == nil, Comment(rawValue: r.answer))
    }

    /// "How long is a flight from A to B?" names two places, not two dated events: no time between.
    @Test func aRouteBetweenTwoPlacesIsNoElapsedTime() {
        let r = reply(["how long is a flight from hanoi to tokyo"])
        #expect(r.intent == nil, Comment(rawValue: r.answer))
        let years = reply(["how many years from the conquest of england to the invasion of ireland"], NormansPackTests.engine)
        #expect(years.answer.contains("103 years"), Comment(rawValue: years.answer))
    }

    @Test func theReasonNamesTheRankItHas() {
        let r = reply(["which country has the most japanese language learners in the world"])
        #expect(r.intent == nil)
        #expect(r.answer.contains("not which is first"), Comment(rawValue: r.answer))
    }

    @Test func twoNounPhrasesJoinedByAndAreAskedInTurn() {
        let r = reply(["Tell me the GDP growth in the first half of 2025 and the target for the whole year"])
        #expect(r.answer.contains("7.52") && r.answer.contains("8.3"), Comment(rawValue: r.answer))
        #expect(r.explanation.contextUse?.hasPrefix("compound question, 2 parts") == true)
        // A list inside one question stays one question.
        let list = reply(["what will japanese firms offer vietnam besides jobs and investment in future"])
        #expect(list.explanation.contextUse?.hasPrefix("compound") != true)
    }

    @Test func aCapitalActingStandsForItsCountry() {
        let r = reply(["how many doctoral students will tokyo accept"])
        #expect(r.answer.contains("250"), Comment(rawValue: r.answer))
        // As a place where something happens it is still itself.
        let festival = reply(["how many people came to the festival in tokyo"])
        #expect(festival.answer.contains("140,000"), Comment(rawValue: festival.answer))
    }

    @Test func twoNameWordsWrittenTogetherAreSplit() {
        let a = shippedEngine.analyse("where did lethanh long study")
        #expect(a.tokens.map(\.text).starts(with: ["where", "did", "le", "thanh", "long"]))
        #expect(a.corrections.contains { $0.from == "lethanh" && $0.to == "le thanh" })
        // A word of English is left whole.
        #expect(shippedEngine.analyse("a remarkable increase").corrections.isEmpty)
    }

    @Test func anItFollowUpWhoseTopicHasNoDateIsDeclined() {
        let r = reply(["How many passengers did Metro Line 1 carry?", "ok and when did it open"])
        #expect(r.intent == nil, Comment(rawValue: r.answer))
    }
}

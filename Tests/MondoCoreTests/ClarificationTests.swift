import Testing
@testable import MondoCore

/// Clarifying questions: a declined question with a close reading is asked back ("Do you mean
/// …?") when the engine's option is on; the next utterance may answer it. With the option off
/// the decline is as before, with the offer attached (JSON lists it as `candidates`).
@Suite("Clarifying questions")
struct ClarificationTests {
    static let clarifying: Engine = {
        var e = shippedEngine
        e.clarifies = true
        return e
    }()

    /// The responses to `turns`, in one conversation of `engine`, and the context after them.
    func talk(_ turns: [String], _ engine: Engine = clarifying) -> ([Response], DialogueContext) {
        var ctx = DialogueContext()
        return (turns.map { engine.respond(to: $0, context: &ctx) }, ctx)
    }

    @Test("off (batch): the decline is as before, with the offer attached; nothing is pending")
    func offByDefault() {
        let (rs, ctx) = talk(["how many companies"], shippedEngine)
        #expect(rs[0].intent == nil && rs[0].reason == .notInPack)
        #expect(!rs[0].answer.contains("Do you mean"))
        #expect(rs[0].clarification?.options.map(\.intent) == ["investment_trade.companies_count"])
        #expect(ctx.clarification == nil)
        #expect(talk(["how many companies", "yes"], shippedEngine).0[1].intent == nil)
    }

    @Test("on: one close reading is asked back, and yes answers it as if its example were asked")
    func yesAnswers() {
        let (rs, ctx) = talk(["how many companies", "yes"])
        #expect(rs[0].intent == nil && rs[0].reason == .unsure)
        #expect(rs[0].answer.hasPrefix("Do you mean: “How many Japanese companies operate in Viet Nam?”"), "\(rs[0].answer)")
        #expect(rs[1].intent == "investment_trade.companies_count", "\(rs[1].answer)")
        #expect(rs[1].answer.contains("2,000"), "\(rs[1].answer)")
        #expect(rs[1].explanation.contextUse?.hasPrefix("clarification") == true)
        #expect(ctx.lastIntent == "investment_trade.companies_count" && ctx.clarification == nil)
    }

    @Test("replies: yes, y, yeah, sure, ok are yes; 1 and the first pick the first; no and nope say no", arguments: [
        ("y", "investment_trade.companies_count"), ("yeah", "investment_trade.companies_count"), ("Yes please!", "investment_trade.companies_count"),
        ("1", "investment_trade.companies_count"), ("the first one", "investment_trade.companies_count"), ("no", "meta.not_meant"),
        ("nope", "meta.not_meant"), ("no thanks", "meta.not_meant"),
    ])
    func replies(reply: String, intent: String) {
        #expect(talk(["how many companies", reply]).0[1].intent == intent, "\(reply)")
    }

    @Test("two readings: 1 or 2 picks one; yes asks which; a follow-up after the answer follows it")
    func twoReadings() {
        let (rs, _) = talk(["how many passengers", "2", "and per month?"])
        #expect(rs[0].reason == .ambiguous && rs[0].answer.hasPrefix("Do you mean 1."), "\(rs[0].answer)")
        #expect(rs[0].clarification?.options.count == 2)
        #expect(rs[1].intent == "infrastructure.metro_ridership", "\(rs[1].answer)")
        #expect(rs[2].intent == "infrastructure.metro_per_month", "\(rs[2].answer)")
        let (ys, ctx) = talk(["how many passengers", "yes"])
        #expect(ys[1].intent == nil && ys[1].answer.hasPrefix("Which one"), "\(ys[1].answer)")
        #expect(ctx.clarification != nil)
        #expect(talk(["how many passengers", "yes", "the second"]).0[2].intent == "infrastructure.metro_ridership")
    }

    @Test("no leaves the context as it was; a new question is answered as one; the offer lasts one turn")
    func noAndNewQuestion() {
        var ctx = DialogueContext()
        let e = Self.clarifying
        _ = e.respond(to: "Who is the ambassador?", context: &ctx)
        let before = ctx
        _ = e.respond(to: "how many companies", context: &ctx)
        #expect(ctx.clarification != nil)
        _ = e.respond(to: "no", context: &ctx)
        var expected = before
        expected.turns = ctx.turns
        #expect(ctx == expected)
        #expect(e.respond(to: "when did he take office?", context: &ctx).answer.contains("17 May 2024"))

        let (rs, after) = talk(["how many companies", "who is the ambassador?", "yes"])
        #expect(rs[1].intent == "people.ito_naoki")
        #expect(rs[2].intent != "investment_trade.companies_count")
        #expect(after.clarification == nil)
    }

    @Test("unanswerable questions are not asked back: yes/no questions, pronouns, unknown words, another year", arguments: [
        "did tung duong perform at the osaka expo?", "who founded vingroup?", "what is the bank of japan's policy interest rate?",
        "how many companies were there in 1990?", "what is the weather like?", "how many visitors",
    ])
    func noPestering(question: String) {
        #expect(ask(question).clarification == nil, "\(question)")
    }
}

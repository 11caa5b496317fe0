import Testing
@testable import MondoCore

/// Compound questions split into their parts; summary questions answered from a topic.
@Suite struct CompoundQuestionTests {
    func parts(_ q: String) -> [String] { CompoundQuestion.parts(of: q, language: .english) }

    @Test func aQuestionWordAfterAndOrACommaStartsAnotherQuestion() {
        #expect(parts("how many came last year and how many went the other way") == ["how many came last year", "and how many went the other way"])
        #expect(parts("Who leads the party, and who is the prime minister?") == ["Who leads the party", "and who is the prime minister?"])
        #expect(parts("Who leads the party? Is he also the president?") == ["Who leads the party?", "Is he also the president?"])
    }

    @Test func oneQuestionStaysWhole() {
        for q in ["how many japanese and vietnamese visited", "what happened between the treaty and the battle",
                  "According to the report, what does every region offer?", "Which complex was inscribed, and when?",
                  "Besides the Danes and the Norwegians, who came with him?"] {
            #expect(parts(q) == [q], Comment(rawValue: q))
        }
    }

    @Test func twoEntitiesJoinedByAndAreAskedInTurn() {
        var ctx = DialogueContext()
        let r = shippedEngine.respond(to: "what do rorze and tokuyama make", context: &ctx)
        #expect(r.explanation.contextUse?.hasPrefix("compound question, 2 parts") == true, Comment(rawValue: r.answer))
        #expect(r.answer.contains("Rorze") && r.answer.contains("Tokuyama"))
        // A comparison or a relation between them stays one question.
        #expect(shippedEngine.coordinatedParts(shippedEngine.analyse("what is the relationship between rorze and tokuyama")) == nil)
    }

    @Test func atMostThreeParts() {
        #expect(parts("who came first, who came next, who came then, and who came last").count == 3)
    }

    @Test func eachPartIsAnsweredAndAMissingPartIsNamed() {
        var ctx = DialogueContext()
        let r = shippedEngine.respond(to: "how many japanese visited vietnam last year and how many vietnamese went to japan", context: &ctx)
        #expect(r.answer.contains("710,000") && r.answer.contains("620,000"), Comment(rawValue: r.answer))
        var ctx2 = DialogueContext()
        let half = NormansPackTests.engine.respond(to: "who led the papal army at barbastro and what did he die of", context: &ctx2)
        #expect(half.intent != nil)
        #expect(half.answer.contains("As for “and what did he die of”"), Comment(rawValue: half.answer))
    }
}

@Suite struct SummaryQuestionTests {
    func subject(_ q: String) -> String? { SummaryQuestion.subject(of: q, language: .english) }

    @Test func summaryQuestionsNameTheirSubject() {
        #expect(subject("what does he say about tourism?") == "tourism")
        #expect(subject("Sum up the part about Japanese companies") == "japanese companies")
        #expect(subject("in a nutshell, the festivals?") == "festivals")
        #expect(subject("what did the article say on the crusades") == "crusades")
        #expect(subject("how many visitors came") == nil)
        #expect(subject("tell me about the metro") == nil)
    }

    @Test func aSummaryJoinsSeveralFactsOfOneTopic() {
        var ctx = DialogueContext()
        let r = shippedEngine.respond(to: "sum up the infrastructure part", context: &ctx)
        #expect(r.intent?.hasPrefix("infrastructure.") == true)
        #expect(r.explanation.contextUse?.hasPrefix("summary of") == true)
        #expect(r.facts.count >= 2)
        #expect(r.answer.contains("10 million"), Comment(rawValue: r.answer))
    }

    @Test func aSummaryOfSomethingUnknownIsDeclined() {
        var ctx = DialogueContext()
        #expect(shippedEngine.respond(to: "what does he say about cricket", context: &ctx).intent == nil)
    }
}

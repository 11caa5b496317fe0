import Testing
@testable import MondoCore

/// Asks the turns of one conversation and returns the last response.
func converse(_ turns: [String]) -> Response {
    var ctx = DialogueContext()
    var last: Response?
    for t in turns { last = shippedEngine.respond(to: t, context: &ctx) }
    return last!
}

/// Dialogue context, computed answers and yes/no decisions, in our own wording. Each case names
/// what the answer must contain, so a wording change in the pack does not break them but a
/// wrong figure, a wrong intent or a lost context does.
@Suite("Conversation and reasoning")
struct ConversationTests {
    static let followUps: [(turns: [String], contains: [String])] = [
        (["How many Japanese travelled to Viet Nam in 2024?", "and the reverse?"], ["620,000"]),
        (["How many Japanese travelled to Viet Nam in 2024?", "what about by 2030?"], ["million"]),
        (["Where is Rorze Robotech's factory?", "and Tokuyama?"], ["does not say"]),
        (["Who is the Deputy Prime Minister coming to the Expo?", "where did he study?"], ["Nagoya"]),
        (["Who is the ambassador?", "when did he take office?"], ["17 May 2024"]),
        (["Who is the ambassador?", "when did he take office?", "where has he been?"], ["Cao Bang", "Ca Mau"]),
        (["How many doctoral students in chips does Viet Nam plan to train?", "by when?"], ["2030"]),
        (["What is Rorze Robotech doing in Viet Nam?", "where?"], ["Hai Phong"]),
        (["How many came to the festival in Ho Chi Minh City?", "and the one in Tokyo?"], ["140,000"]),
    ]

    @Test("follow-ups reuse the dialogue context", arguments: followUps)
    func followUp(turns: [String], contains: [String]) {
        let r = converse(turns)
        for c in contains { #expect(r.answer.contains(c), "\(turns) → \(r.answer)") }
    }

    @Test("a declined turn keeps the context")
    func declineKeepsContext() {
        let r = converse(["How many Japanese visited Viet Nam in 2024?", "What is the weather like?", "and the other way round?"])
        #expect(r.answer.contains("620,000"), "\(r.answer)")
    }

    static let computed: [(question: String, contains: [String])] = [
        ("Which was larger, Japan's total investment or the yearly trade figure?", ["77.7 billion", "50 billion"]),
        ("Was the Tokyo festival bigger than the one in Ho Chi Minh City?", ["No.", "430,000"]),
        ("Which is bigger, the number of Japanese firms in Viet Nam or the AZEC package?", ["cannot be compared"]),
        ("How many times bigger was the HCMC festival than the Tokyo one?", ["3.1"]),
        ("How long had Ito Naoki been ambassador when he went to the reunification parade?", ["11 months"]),
    ]

    @Test("comparisons and computations are worked out from the facts", arguments: computed)
    func computedAnswer(question: String, contains: [String]) {
        let r = ask(question)
        #expect(r.intent != nil, "\(question) was declined: \(r.answer)")
        for c in contains { #expect(r.answer.contains(c), "\(question) → \(r.answer)") }
    }

    static let yesNo: [(question: String, answer: String)] = [
        ("Is Japan the top investor in Viet Nam?", "No."),
        ("Did more than 700,000 Japanese visit Viet Nam in 2024?", "Yes."),
        ("Did over a million Japanese visit Viet Nam last year?", "No."),
        ("Are more than 2,000 Japanese companies operating in Viet Nam?", "Yes."),
        ("Are there more than 3,000 Japanese companies in Viet Nam?", "No."),
        ("Did Viet Nam's economy grow by more than 8% in the first half of 2025?", "No."),
        ("Does Viet Nam have ten World Heritage sites?", "No."),
        ("Did Metro Line 1 carry 10 million passengers within six months?", "Yes."),
    ]

    @Test("yes/no questions are decided by the facts", arguments: yesNo)
    func yesNoAnswer(question: String, answer: String) {
        let r = ask(question)
        #expect(r.answer.hasPrefix(answer), "\(question) → \(r.answer)")
    }

    @Test("a year is not read into a quantity")
    func quantityIsNotAYear() {
        let a = shippedEngine.analyse("Are more than 2,000 Japanese companies operating here?")
        #expect(a.times.isEmpty, "\(a.times)")
        let b = shippedEngine.analyse("How many visitors came in 2024?")
        #expect(b.times.map(\.year) == [2024])
    }

    static let declines: [(question: String, reason: String)] = [
        ("How many Korean tourists went to Viet Nam in 2024?", "Korean"),
        ("How many Vietnamese visited Japan in 2019?", "2019"),
        ("How many films were shown at the Da Nang festival?", "no figure"),
    ]

    @Test("declines say why", arguments: declines)
    func declineReason(question: String, reason: String) {
        let r = ask(question)
        #expect(r.intent == nil, "\(question) answered: \(r.answer)")
        #expect(r.answer.contains(reason), "\(question) → \(r.answer)")
    }
}

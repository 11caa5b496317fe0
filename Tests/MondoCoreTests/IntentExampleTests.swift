import Testing
@testable import MondoCore

@Suite("Intent examples")
struct IntentExampleTests {
    static let intentIDs: [String] = shippedEngine.pack.intents.map(\.id)

    @Test("every example of an intent reaches that intent", arguments: intentIDs)
    func examplesReachTheirIntent(id: String) throws {
        let intent = try #require(shippedEngine.pack.intents.first { $0.id == id })
        #expect(!intent.examples.isEmpty, "\(id) has no examples")
        var strays: [String] = []
        for (k, ex) in intent.examples.enumerated() {
            let r = ask(ex)
            if r.intent != id {
                let loc = intent.exampleLocations.indices.contains(k) ? "\(intent.exampleLocations[k]): " : ""
                strays.append("\(loc)“\(ex)” → \(r.intent ?? "declined (\(r.reason?.rawValue ?? "?"))")")
            }
        }
        let report = strays.joined(separator: "\n")
        #expect(strays.isEmpty, "\(strays.count) of \(intent.examples.count) examples of \(id) went elsewhere:\n\(report)")
    }

    @Test("no counterexample of an intent reaches that intent", arguments: intentIDs)
    func counterexamplesStayAway(id: String) throws {
        let intent = try #require(shippedEngine.pack.intents.first { $0.id == id })
        var leaks: [String] = []
        for (k, q) in intent.counterexamples.enumerated() where ask(q).intent == id {
            let loc = intent.counterexampleLocations.indices.contains(k) ? "\(intent.counterexampleLocations[k]): " : ""
            leaks.append("\(loc)“\(q)”")
        }
        #expect(leaks.isEmpty, "\(leaks.count) counterexamples reached \(id):\n\(leaks.joined(separator: "\n"))")
    }

    /// Near misses in our own wording: another country, year, direction or measure.
    static let mustNot: [(question: String, intent: String)] = [
        ("How many Korean tourists visited Viet Nam in 2024?", "visitors.japanese_to_vietnam_2024"),
        ("How many Vietnamese visited Japan in 2024?", "visitors.japanese_to_vietnam_2024"),
        ("How many Japanese tourists visited Viet Nam in 2019?", "visitors.japanese_to_vietnam_2024"),
        ("How many Japanese tourists visited Thailand in 2024?", "visitors.japanese_to_vietnam_2024"),
        ("How many Japanese companies invested in Viet Nam in 2024?", "visitors.japanese_to_vietnam_2024"),
        ("How many Japanese travelled to Viet Nam last year?", "visitors.vietnamese_to_japan_2024"),
        ("How many Vietnamese tourists went to Korea in 2024?", "visitors.vietnamese_to_japan_2024"),
        ("How many Vietnamese visited Japan in 2021?", "visitors.vietnamese_to_japan_2024"),
        ("By how much did Japanese visitors to Viet Nam increase in the first half of 2025?", "visitors.vietnamese_to_japan_growth_2025h1"),
        ("How many Japanese visitors to Viet Nam are hoped for by 2030?", "visitors.vietnamese_to_japan_2030"),
        ("How many Chinese visitors to Viet Nam are hoped for by 2030?", "visitors.japanese_to_vietnam_2030"),
        ("How many Vietnamese visitors to Japan are hoped for by 2030?", "visitors.japanese_to_vietnam_2030"),
        ("How many more Japanese visited Vietnam than Vietnamese visited Japan in 2019?", "visitors.compare_2024"),
        ("How many visits were there between Japan and Korea in 2024 in both directions?", "visitors.total_2024"),
        ("How large is the Korean community in Japan?", "friendship.vn_community_size"),
        ("How large is the Vietnamese community in the United States?", "friendship.vn_community_size"),
        ("How many people are learning Korean in Viet Nam?", "friendship.japanese_learners"),
        ("How many people are learning Japanese in Thailand?", "friendship.japanese_learners"),
        ("How many partnerships exist between Japanese and Korean local governments?", "friendship.local_partnerships_count"),
        ("How many participants did the Thailand Festival 2025 in Tokyo welcome?", "friendship.fest_tokyo_participants"),
        ("How much has Korea invested in Viet Nam in total?", "investment_trade.cumulative_investment"),
        ("How much has Japan invested in Thailand in total?", "investment_trade.cumulative_investment"),
        ("Where does Korea rank among foreign investors in Viet Nam?", "investment_trade.investor_rank"),
        ("How many Korean companies operate in Viet Nam?", "investment_trade.companies_count"),
        ("How many Japanese companies operate in India?", "investment_trade.companies_count"),
        ("What was Thailand's GDP growth rate in the first half of 2025?", "economy.gdp_growth_h1"),
        ("What was Viet Nam's GDP growth rate in 2019?", "economy.gdp_growth_h1"),
        ("What is Malaysia's full-year growth target for 2025?", "economy.growth_target"),
        ("How fast did Thailand's manufacturing sector grow in the first half of 2025?", "economy.manufacturing"),
        ("How much is Rorze Robotech investing in Thailand?", "economy.rorze_investment"),
        ("How many energy projects will Japan and Indonesia promote under AZEC?", "azec_energy.projects_count"),
        ("How many World Heritage sites does Cambodia have?", "culture.world_heritage_count"),
        ("How many doctoral students in semiconductors does Thailand want to train by 2030?", "semiconductors_education.phd_goal"),
        ("How many semiconductor doctoral students will Korea accept?", "semiconductors_education.japan_accept"),
        ("How many passengers did the Ha Noi metro line carry in its first six months?", "infrastructure.metro_ridership"),
        ("Who is the prime minister of Korea?", "people.pm_japan"),
        ("Who is the prime minister of Thailand?", "people.pm_vietnam"),
        ("Who is Korea's ambassador to Vietnam?", "people.ito_naoki"),
        ("When is Thailand's National Day at Expo 2025?", "expo.national_day_date"),
        ("When did Prime Minister Ishiba visit Thailand?", "initiatives.ishiba_visit"),
    ]

    @Test("near misses do not reach the intent", arguments: mustNot)
    func nearMiss(question: String, intent: String) {
        let r = ask(question)
        #expect(r.intent != intent, "“\(question)” reached \(intent): \(r.answer)")
    }

    /// Near misses that currently reach the intent (product bugs, see the report).
    static let knownBad: [(question: String, intent: String)] = [
        // "2024" appears in the answer text; only numbers in examples and patterns put a year in scope,
        // so the H2 2024 question is a time conflict.
        ("By how much did Vietnamese visitors to Japan increase in the second half of 2024?", "visitors.vietnamese_to_japan_growth_2025h1"),
    ]

    @Test("near misses with another half-year are declined", arguments: knownBad)
    func knownLeak(question: String, intent: String) {
        let r = ask(question)
            #expect(r.intent != intent, "“\(question)” reached \(intent): \(r.answer)")
    }

    @Test("questions outside the interview are declined", arguments: [
        "How many Korean tourists visited Viet Nam in 2024?",
        "What is the population of Ha Noi?",
        "How many Japanese tourists visited Thailand in 2024?",
        "How many Vietnamese visited Japan in 2019?",
        "What is the weather like in Tokyo today?",
    ])
    func declined(question: String) {
        let r = ask(question)
        #expect(r.intent == nil, "answered by \(r.intent ?? ""): \(r.answer)")
        #expect(r.facts.isEmpty)
    }

    @Test func everyIntentHasAKnownQuestionKind() {
        for i in shippedEngine.pack.intents { #expect(!i.ask.isEmpty, "\(i.id)") }
    }
}

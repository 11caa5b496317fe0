import Testing
@testable import MondoCore

@Suite("Spelling correction")
struct SpellingTests {
    @Test("typos are corrected to pack words", arguments: [
        ("How many Japanes tourists came?", "japanes", "japanese"),
        ("vietnamse visitors to japan", "vietnamse", "vietnamese"),
        ("japanese investmnet in vietnam", "investmnet", "investment"),
        ("how many touristes", "touristes", "tourists"),
    ])
    func corrects(q: String, typed: String, fixed: String) {
        let a = shippedEngine.analyse(q)
        #expect(a.corrections.contains { $0.from == typed && $0.to == fixed }, "corrections: \(a.corrections)")
        #expect(a.tokens.contains { $0.text == fixed && $0.correctedFrom == typed })
        #expect(!a.tokens.contains { $0.text == typed })
    }

    @Test("lexicon words, short words and numbers are never changed", arguments: [
        "Did they invent anything?",
        "Is there a metre of vision?",
        "what about the weather",
        "710000 visitors in 2024",
        "vn jp hcm",
    ])
    func leavesKnownWords(q: String) {
        let a = shippedEngine.analyse(q)
        #expect(a.corrections.isEmpty, "unexpected corrections: \(a.corrections)")
    }

    @Test func correctionOffLeavesTypos() {
        let a = shippedEngine.analyse("Japanes tourists")
        let b = shippedEngine.index  // keep the index alive; compare with the uncorrected analysis
        _ = b
        let raw = Analyzer(index: shippedEngine.index, pack: shippedEngine.pack).analyse("Japanes tourists", correct: false)
        #expect(!a.corrections.isEmpty)
        #expect(raw.corrections.isEmpty)
        #expect(raw.tokens.first?.text == "japanes")
    }

    @Test func correctedQuestionStillReachesItsIntent() {
        let r = ask("How many Japanes tourists visted Viet Nam in 2024?")
        #expect(r.intent == "visitors.japanese_to_vietnam_2024")
        #expect(r.answer.contains("710,000"))
        #expect(!r.explanation.analysis.corrections.isEmpty)
    }
}

@Suite("Concept tagging")
struct ConceptTaggingTests {
    func unit(_ q: String, covering word: String) -> Unit? {
        shippedEngine.analyse(q).units.first { $0.text.split(separator: " ").contains(Substring(word)) }
    }

    @Test("multi-word terms are taken before their single words", arguments: [
        ("visitors to ho chi minh city", "ho chi minh city", "hcmc"),
        ("tourists from south korea", "south korea", "other_country"),
        ("japanese people in viet nam", "viet nam", "vietnam"),
        ("the prime minister of japan", "prime minister", "prime_minister"),
    ])
    func phraseFirst(q: String, phrase: String, concept: String) {
        let a = shippedEngine.analyse(q)
        let u = a.units.first { $0.text == phrase }
        #expect(u != nil, "units: \(a.units.map(\.text))")
        #expect(u?.length == phrase.split(separator: " ").count)
        #expect(u?.concepts.contains(concept) == true, "concepts: \(u?.concepts ?? [])")
    }

    @Test("one word of a phrase may be one letter off", arguments: [
        ("japanese visitors to viet nan", "viet nan", "vietnam"),
    ])
    func fuzzyPhrase(q: String, phrase: String, concept: String) {
        let a = shippedEngine.analyse(q)
        let u = a.units.first { $0.text == phrase }
        #expect(u?.concepts.contains(concept) == true, "units: \(a.units.map { "\($0.text)=\($0.concepts)" })")
    }

    @Test func fuzzyMatchNeedsCorrectionOn() {
        let raw = Analyzer(index: shippedEngine.index, pack: shippedEngine.pack).analyse("tourists to viet nan", correct: false)
        #expect(!raw.units.contains { $0.concepts.contains("vietnam") })
    }

    @Test func synonymsShareAConcept() {
        for q in ["tourists", "travellers", "arrivals", "visitors"] {
            #expect(shippedEngine.analyse(q).units.first?.concepts.contains("visit") == true, "\(q)")
        }
    }
}

@Suite("Question kind")
struct QuestionKindTests {
    @Test("kind detected from the question words", arguments: [
        ("How many Vietnamese live in Japan?", QuestionKind.number),
        ("How much did Japan invest?", .number),
        ("What percentage of students passed?", .number),
        ("Number of Japanese companies in Viet Nam", .number),
        ("When did the ambassador arrive?", .when),
        ("What year was the university founded?", .when),
        ("Where is the pavilion?", .whereKind),
        ("Which city hosted the festival?", .whereKind),
        ("Who is the prime minister of Japan?", .who),
        ("Which person sang at the festival?", .who),
        ("Why does Japan support reforms?", .why),
        ("How come so many Japanese visit?", .why),
        ("How did the relationship develop?", .how),
        ("What is AZEC?", .what),
        ("Which companies built factories?", .what),
        ("Is Japan the largest investor?", .yesno),
        ("Did the ambassador visit Da Nang?", .yesno),
        ("Could you tell me when the festival was held?", .when),
        ("Do you know who the ambassador is?", .who),
        ("Japanese visitors last year", .what),
    ])
    func kind(q: String, expected: QuestionKind) {
        #expect(shippedEngine.analyse(q).kind == expected)
    }
}

@Suite("Entities and direction roles")
struct EntityRoleTests {
    func roles(_ q: String) -> [String: String?] {
        var out: [String: String?] = [:]
        for e in shippedEngine.analyse(q).entities { out.updateValue(e.role, forKey: e.concept) }
        return out
    }

    @Test func japaneseVisitingVietnam() {
        let r = roles("How many Japanese visited Viet Nam?")
        #expect(r["japanese"] == "source")
        #expect(r["vietnam"] == "target")
    }

    @Test func vietnameseVisitingJapan() {
        let r = roles("How many Vietnamese visited Japan?")
        #expect(r["vietnamese"] == "source")
        #expect(r["japan"] == "target")
    }

    @Test func fromCountryIsTheSource() {
        let r = roles("How many tourists came from Japan?")
        #expect(r["japan"] == "source")
    }

    @Test func toCountryIsTheTarget() {
        #expect(roles("How many tourists travelled to Japan?")["japan"] == "target")
        // BUG: "went to" is itself a ~visit phrase, so it swallows the "to" that decides the role.
        let r = roles("How many tourists went to Japan?")
            #expect(r["japan"] == "target", "roles: \(r)")
    }

    @Test func twoBareCountriesReadSourceThenTarget() {
        let r = roles("Japan tourists Vietnam")
        #expect(r["japan"] == "source")
        #expect(r["vietnam"] == "target")
    }

    @Test func receivedFromMakesTheSubjectTheTarget() {
        let r = roles("How many visitors did Viet Nam receive from Japan?")
        #expect(r["japan"] == "source")
        // BUG: the bare subject first takes the free role (target), then the passive rule flips it to source.
            #expect(r["vietnam"] == "target", "roles: \(r)")
    }

    @Test func betweenHasNoDirection() {
        let r = roles("trade between Viet Nam and Korea")
        #expect(r["other_country"] == .some(nil))
        #expect(r["vietnam"] == .some(nil))
    }

    @Test func otherCountriesAreEntitiesToo() {
        let a = shippedEngine.analyse("How many Korean tourists visited Viet Nam?")
        #expect(a.entities.contains { $0.concept == "other_nationality" && $0.entityClass == "nationality" })
    }

    @Test func reverseMarker() {
        #expect(shippedEngine.analyse("and the other way round?").reverse)
        #expect(shippedEngine.analyse("what about vice versa").reverse)
        #expect(!shippedEngine.analyse("How many Japanese visited Viet Nam?").reverse)
    }
}

@Suite("Question times")
struct QuestionTimeTests {
    func time(_ q: String) -> QuestionTime? { shippedEngine.analyse(q).times.first }

    @Test("relative times resolve against this_year 2025", arguments: [
        ("visitors last year", 2024, nil as Int?),
        ("visitors this year", 2025, nil),
        ("visitors next year", 2026, nil),
        ("trade ten years ago", 2015, nil),
        ("trade 10 years ago", 2015, nil),
        ("trade a decade ago", 2015, nil),
        ("visitors in 2030", 2030, nil),
        ("growth in the first half of this year", 2025, 1),
        ("growth in the first half of 2025", 2025, 1),
        ("growth in h2 2024", 2024, 2),
    ])
    func resolves(q: String, year: Int, half: Int?) {
        let ts = shippedEngine.analyse(q).times
        #expect(ts.count == 1, "times: \(ts)")
        #expect(ts.first?.year == year)
        #expect(ts.first?.half == half)
    }

    @Test func monthNames() {
        #expect(time("what happened in April")?.month == 4)
        #expect(time("in September 2025")?.month == 9)
        #expect(time("in September 2025")?.year == 2025)
        // "may" as a verb is not a month.
        #expect(shippedEngine.analyse("may I ask about trade").times.isEmpty)
    }

    @Test func januaryToJuneIsTheFirstHalf() {
        let t = time("growth from January to June 2025")
        #expect(t?.half == 1)
        #expect(t?.year == 2025)
    }

    @Test func countsNextToNumbersAreNotYears() {
        #expect(shippedEngine.analyse("2000 people").times.isEmpty)
    }
}

@Suite("Matcher blocks")
struct MatcherBlockTests {
    @Test func kindMismatchBlocks() {
        let c = standing("Why did Japanese people visit Viet Nam in 2024?", intent: "visitors.japanese_to_vietnam_2024")
        #expect(c?.blocked == "answers number/what, not why questions")
    }

    @Test func entityOutOfScopeBlocks() {
        let c = standing("How many Japanese tourists visited Viet Nam and Korea in 2024?", intent: "visitors.japanese_to_vietnam_2024")
        #expect(c?.blocked == "does not know about 'other_country' (country)", "\(c?.blocked ?? "nil")")
    }

    @Test func directionConflictBlocks() {
        let c = standing("How many Vietnamese visited Japan in 2024?", intent: "visitors.japanese_to_vietnam_2024")
        // Both slots conflict; either may be named.
        #expect(c?.blocked == "source is japan, not vietnam" || c?.blocked == "target is vietnam, not japan", "\(c?.blocked ?? "nil")")
    }

    @Test func timeConflictBlocks() {
        let c = standing("How many Japanese people visited Viet Nam in 2019?", intent: "visitors.japanese_to_vietnam_2024")
        #expect(c?.blocked == "its facts are not about 2019")
        #expect(c?.timeConflict == true)
    }

    @Test func missingRequiredConceptBlocks() {
        let c = standing("How many Japanese people live in Viet Nam?", intent: "visitors.japanese_to_vietnam_2024")
        #expect(c?.blocked?.hasPrefix("needs") == true)
    }

    @Test func excludeTermBlocks() {
        let c = standing("How many Japanese visitors to Viet Nam are hoped for by 2030?", intent: "visitors.japanese_to_vietnam_2024")
        #expect(c?.blocked?.hasPrefix("excluded by") == true, "\(c?.blocked ?? "nil")")
    }

    /// Block texts are built only for the candidates shown; everything else is the same as when
    /// every candidate is described.
    @Test(arguments: ["How many Japanese people visited Viet Nam in 2019?", "Why did Japanese people visit Viet Nam in 2024?",
                      "what does he say about tourism", "who leads the communist party and who is the prime minister"])
    func describingOnlyTheTopChangesNoStanding(q: String) {
        let e = shippedEngine
        let a = e.analyse(q)
        let some = e.matcher.candidates(for: a), all = e.matcher.candidates(for: a, describeAll: true)
        #expect(some.map(\.intent) == all.map(\.intent))
        #expect(some.map(\.fit) == all.map(\.fit))
        #expect(some.map(\.block) == all.map(\.block))
        #expect(some.map(\.userReason) == all.map(\.userReason))
        let shown = e.matcher.policy.describedCandidates
        #expect(some.prefix(shown).map(\.blocked) == all.prefix(shown).map(\.blocked))
        #expect(some.dropFirst(shown).allSatisfy { $0.blocked == nil || $0.blocked == "" })
        #expect(all.allSatisfy { $0.blocked != "" })
    }

    @Test func unblockedCandidateComesFirst() {
        let e = shippedEngine
        let cands = e.matcher.candidates(for: e.analyse("How many Japanese people visited Viet Nam in 2024?"))
        #expect(cands.first?.blocked == nil)
        #expect(e.pack.intents[cands[0].intent].id == "visitors.japanese_to_vietnam_2024")
        // Blocked candidates are all after the unblocked ones.
        let firstBlocked = cands.firstIndex { $0.blocked != nil } ?? cands.count
        #expect(cands[firstBlocked...].allSatisfy { $0.blocked != nil })
    }

    @Test func declinedAsNotInPackWithReason() {
        let r = ask("How many Korean tourists visited Viet Nam in 2024?")
        #expect(r.intent == nil)
        #expect(r.reason == .notInPack)
        #expect(r.answer.hasPrefix("I have nothing on Korean for that question."))
    }

    @Test func gibberishIsNotUnderstood() {
        let r = ask("zxqv blorp fnord")
        #expect(r.intent == nil)
        #expect(r.reason == .notUnderstood)
        #expect(r.answer.hasPrefix("Sorry, I did not understand that question."))
    }

    @Test func answersAreDeterministic() {
        let q = "How many Vietnamese people visited Japan last year?"
        #expect(ask(q).answer == ask(q).answer)
        #expect(ask(q).answer == "About 620,000 Vietnamese people visited Japan in 2024.")
    }
}

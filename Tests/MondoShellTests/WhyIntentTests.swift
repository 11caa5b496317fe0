import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// `:why INTENT_ID` and `:why all`: the intended intent is visible even when it is not in the top five.
@Suite("Shell: why one intent")
struct WhyIntentTests {
    static let vnToJP = "visitors.vietnamese_to_japan_2024"

    @Test func namesTheDirectionThatBlocksIt() {
        let s = Session()
        s.run("\(q1)\n:why \(Self.vnToJP)\n")
        let text = s.out.text
        #expect(text.contains("intent:      \(Self.vnToJP)\n"), "\(text)")
        #expect(text.contains("standing:    "))
        #expect(text.contains("outcome:     blocked\n"))
        #expect(text.contains("its source is vietnam, and the question's source is japan (“japanese people”)"), "\(text)")
        #expect(text.contains("require:     ~visit or ~visitors_flow ← “visited”"), "\(text)")
    }

    @Test func namesTheEntityOutsideTheScopeAndEveryMissingGroup() {
        let s = Session()
        s.run(":why economy.gdp_growth_h1 \(q1)\n")
        let text = s.out.text
        #expect(text.contains("“japanese people” is japanese (nationality), outside its scope (vietnam, vietnamese)"), "\(text)")
        #expect(text.contains("no word of the question matches its require group ~economy_gdp"), "\(text)")
        #expect(text.contains("← nothing in the question"))
        #expect(s.shell.turns.isEmpty, ":why with a question does not change the conversation")
    }

    /// `:why` gives, under each candidate, the question's words it accounts for and those it does not.
    @Test func eachCandidateShowsTheWordsItAccountsFor() {
        let s = Session()
        s.run(":why which film won the top prize at the 3rd da nang asian film festival?\n")
        let text = s.out.text
        #expect(text.contains("  1. ambassador.danang_edition"), "\(text)")
        #expect(text.contains("       met: film, top, third, da nang, asian film festival · unmet: won, prize\n"), "\(text)")
        let s2 = Session()
        s2.run(":why when did the ambassador start his job\n")
        #expect(s2.out.text.contains("       met: "), "\(s2.out.text)")
    }

    @Test func theAnsweringIntentSaysSo() {
        let s = Session()
        s.run("\(q1)\n:why visitors.japanese_to_vietnam_2024\n")
        #expect(s.out.text.contains("outcome:     it answered (score "), "\(s.out.text)")
    }

    @Test func allListsMoreThanTheTopFive() {
        let s = Session()
        s.run("\(q1)\n:why all\n")
        let listed = s.lines.filter { $0.hasPrefix("  ") && $0.contains(". ") }
        #expect(listed.count > 8, "\(s.out.text)")
        #expect(s.out.text.contains(Self.vnToJP))
        #expect(s.lines.last == "intent:      visitors.japanese_to_vietnam_2024")
    }

    @Test func theShortWhyPointsToTheLongerForms() {
        let s = Session()
        s.run("\(q1)\n:why\n")
        #expect(s.out.text.contains(":why all lists every candidate; :why INTENT_ID says why one did not answer"))
    }

    @Test func anUnknownIntentIdIsSaidSo() {
        let s = Session()
        s.run("\(q1)\n:why visitors.japanese_to_vietnam_2042\n")
        #expect(s.lines.last == "The pack has no intent 'visitors.japanese_to_vietnam_2042'; did you mean visitors.japanese_to_vietnam_2024? (:why all lists the candidates for the last question.)")
    }

    @Test func aBuiltInComparisonSaysWhatItIs() {
        let s = Session()
        s.run("Which was bigger, Rorze's investment or the AZEC total?\n:why\n:why computed.compare\n")
        #expect(s.out.text.contains("intent:      computed.compare (a built-in comparison of two facts; `comparisons: off` in pack.yaml turns these off)"), "\(s.out.text)")
        #expect(s.lines.last?.hasPrefix("computed.compare is one of the engine's built-in comparisons of two facts") == true)
    }

    @Test func beforeAnyQuestion() {
        let s = Session()
        s.run(":why \(Self.vnToJP)\n:why all\n")
        #expect(s.lines == Array(repeating: "Nothing to explain yet: ask a question first, or type :why QUESTION.", count: 2))
    }
}

@Suite("Shell: why one intent, times")
struct WhyIntentTimeTests {
    @Test func aTimeItsFactsDoNotCoverIsNamedWithTheirTimes() {
        let s = Session()
        s.run("How many Japanese visited Viet Nam in 2019?\n:why visitors.japanese_to_vietnam_2024\n")
        #expect(s.out.text.contains("blocked:     its facts are not about 2019 (times of its facts: 2024)\n"), "\(s.out.text)")
    }
}

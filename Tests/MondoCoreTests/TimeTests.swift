import Testing
@testable import MondoCore

/// Times of any era: the forms a pack writes, the forms a question uses, and how they constrain answers.
@Suite struct TimeTextTests {
    @Test(arguments: [
        ("911", "911"), ("1066-10-14", "14 October 1066"), ("c. 1000", "around 1000"), ("880s", "the 880s"),
        ("10th century", "the 10th century"), ("first half of the 11th century", "the first half of the 11th century"),
        ("early 12th century", "the early 12th century"), ("1038/1040", "1038–1040"), ("1038–40", "1038–1040"),
        ("56 BC", "56 BC"), ("AD 14", "AD 14"), ("240 million years ago", "about 240 million years ago"),
        ("2025-H1", "the first half of 2025"), ("2025-autumn", "autumn 2025"), ("1st century BC", "the 1st century BC"),
    ])
    func packFormsParseAndDisplay(text: String, shown: String) throws {
        let t = try #require(TimeRef(text))
        #expect(TimeText.display(t) == shown)
    }

    @Test func rangesCoverTheRightYears() throws {
        #expect(try #require(TimeRef("10th century")).years == 901...1000)
        #expect(try #require(TimeRef("first half of the 11th century")).years == 1001...1050)
        #expect(try #require(TimeRef("880s")).years == 880...889)
        #expect(try #require(TimeRef("56 BC")).year == -55)
        #expect(try #require(TimeRef("1st century BC")).years == -99...0)
        #expect(try #require(TimeRef("5 years ago", referenceYear: 2025)).year == 2020)
    }

    @Test(arguments: ["", "yesterday", "1066-13", "12th", "century", "5 years ago", "2025-H3", "1040–1038"])
    func malformedTimesAreRejected(text: String) {
        #expect(TimeRef(text) == nil)
    }

    @Test func approximateYearsAdmitNeighbours() throws {
        let c = try #require(TimeRef("c. 1000"))
        #expect(c.admits(TimeRef(year: 1003)))
        #expect(!c.admits(TimeRef(year: 1020)))
        #expect(!(try #require(TimeRef("1066"))).admits(TimeRef(year: 1067)))
    }
}

@Suite struct EraQuestionTimeTests {
    func times(_ q: String, thisYear: Int? = nil) -> [String] {
        TimeExpressions(thisYear: thisYear, language: .english).find(Normalizer.tokens(q)).times.map { t in
            (t.year.map { String($0) } ?? "-") + (t.endYear.map { "…\($0)" } ?? "") + (t.approximate ? "~" : "")
        }
    }

    @Test func yearsOfAnyEra() {
        #expect(times("what happened in 911") == ["911"])
        #expect(times("did it happen in 1067?") == ["1067"])
        #expect(times("was the wall built in 56 bc") == ["-55"])
        #expect(times("AD 14") == ["14"])
        #expect(times("what about c. 1000") == ["1000~"])
        #expect(times("in 3500?") == ["3500"])
    }

    @Test func decadesCenturiesAndSpans() {
        #expect(times("raids in the 880s") == ["880…889"])
        #expect(times("in the 10th century") == ["901…1000"])
        #expect(times("in the first half of the 11th century") == ["1001…1050"])
        #expect(times("late 11th-century churches") == ["1067…1100"])
        #expect(times("between 1038 and 1040") == ["1038…1040"])
        #expect(times("the 1038-40 campaign") == ["1038…1040"])
    }

    @Test func quantitiesAreNotYears() {
        #expect(times("more than 2000 companies") == [])
        #expect(times("about 1500 people") == [])
        #expect(times("9999999999999999999999 visitors") == [])
        #expect(times("in 2 years") == [])
    }

    @Test func relativeTimesNeedAReferenceDate() {
        #expect(times("last year", thisYear: 2025) == ["2024"])
        #expect(times("last year") == [])
        #expect(times("240 million years ago") == ["-239998000~"])
    }
}

/// The eras fixture pack: a made-up chronicle with dates from 56 BC to 1066, a plural subject
/// ("they") and a pack-wide gap (births).
@Suite struct ErasPackTests {
    static let engine: Engine = {
        do { return try Engine(packDirectory: Repo.fixture("eras")) } catch { fatalError("eras pack does not load:\n\(error)") }
    }()

    func answer(_ q: String) -> Response {
        var ctx = DialogueContext()
        return Self.engine.respond(to: q, context: &ctx)
    }

    @Test func aYearTheFactsDoNotGiveIsANo() {
        #expect(answer("Did the Normans conquer England in 1067?").answer.hasPrefix("No. "))
        #expect(answer("did the normans conquer england in 1989").answer.hasPrefix("No. "))
        #expect(answer("Did the Normans conquer England in 1066?").answer.hasPrefix("Yes. "))
        #expect(answer("did they conquer england in the 11th century").answer.hasPrefix("Yes. "))
        #expect(answer("did they settle in the second half of the 10th century").answer.hasPrefix("No. "))
    }

    @Test func aYearAskedOfUndatedFactsIsDeclined() {
        let r = answer("what religion were they in 1200")
        #expect(r.intent == nil)
        #expect(r.answer.contains("1200"))
        #expect(answer("what religion were they").intent == "faith.what")
    }

    @Test func thePacksSubjectTakesItsOwnPronouns() {
        let r = answer("when did they settle")
        #expect(r.intent == "settle.when")
        #expect(r.answer.contains("the first half of the 10th century"))
    }

    @Test func notCoveredNamesWhatIsMissing() {
        let r = answer("when was william born")
        #expect(r.intent == nil)
        #expect(r.reason == .notInPack)
        #expect(r.answer.contains("births or birthplaces"))
    }

    @Test func yesNoComesFromTheFactsNeverByDefault() {
        #expect(answer("did harold lead the conquest").answer == "No. William led the conquest.")
        #expect(answer("did william lead the conquest").answer.hasPrefix("Yes. "))
        // The facts say it failed: "succeed" asked, its opposite answered.
        let r = answer("did the campaign succeed")
        #expect(r.answer.hasPrefix("No. "))
        // Nothing decides "was it long?" of the campaign: the facts are given with no verdict.
        let open = answer("was the campaign long")
        #expect(open.explanation.yesno == "undecided")
        #expect(!open.answer.hasPrefix("Yes") && !open.answer.hasPrefix("No"))
    }

    @Test func aPronounAfterADeclinedTurnPointsAtWhatItNamed() {
        var ctx = DialogueContext()
        #expect(Self.engine.respond(to: "when was william born", context: &ctx).intent == nil)
        let r = Self.engine.respond(to: "ok so what title did he hold?", context: &ctx)
        #expect(r.intent == "william.title")
        #expect(r.answer == "William was a duke.")
        // Without the declined turn, "he" has nothing to point at.
        var fresh = DialogueContext()
        #expect(Self.engine.respond(to: "ok so what title did he hold?", context: &fresh).intent == nil)
    }

    @Test func aYearAskedOfUndatedFactsGetsNoAnswerInWords() {
        #expect(answer("when did they convert").intent == "conversion.when")
        let r = answer("what year did they convert")
        #expect(r.intent == nil)
        #expect(r.answer.hasPrefix("I have no date for that."))
    }

    @Test func theOppositeWordIsANearMiss() {
        #expect(answer("did they raid the southern coast").answer.hasPrefix("No. The raids struck the northern coast"))
        let r = answer("which part of the southern coast did they raid")
        #expect(r.intent == nil)
        #expect(r.answer.contains("I have it for “northern”, not “southern”."))
        #expect(answer("which part of the northern coast did they raid").intent == "raids.where")
    }

    @Test func anotherPlaceInTheQuestionIsANo() {
        #expect(answer("did richard conquer sicily").answer == "No. Richard conquered Cyprus in 1191.")
        #expect(answer("did richard conquer cyprus").answer.hasPrefix("Yes. "))
        // Not a yes/no question: the place the intent does not know declines it.
        #expect(answer("when did richard conquer sicily").intent == nil)
    }

    @Test func deepTimeAndBCDisplay() {
        #expect(answer("how old is the rock").answer == "The rock formed about 240 million years ago.")
        #expect(answer("how old is the wall").answer == "The old wall dates from 56 BC.")
    }
}

/// Inputs that used to crash the engine.
@Suite struct CrashRegressionTests {
    @Test func followUpRewritingIsBounded() {
        for turns in [["Rorze", "Tokuyama"], ["Tell me about Rorze", "Tell me about Tokuyama", "and Tokuyama?"], ["Rorze", "and Tokuyama?", "and Rorze?"]] {
            var ctx = DialogueContext()
            for t in turns { #expect(!shippedEngine.respond(to: t, context: &ctx).answer.isEmpty) }
        }
    }

    @Test(arguments: ["9999999999999999999999 visitors", "the 100000000000000000000th visitor", "1e308 people", "-99999999999999999999 in 99999999999 bc", "the 99999999999th century"])
    func hugeNumbersDoNotTrap(q: String) {
        #expect(!ask(q).answer.isEmpty)
    }
}

/// Durations worked out from dated facts.
@Suite struct ElapsedTests {
    func answer(_ q: String) -> Response {
        var ctx = DialogueContext()
        return ErasPackTests.engine.respond(to: q, context: &ctx)
    }

    @Test func yearsBetweenTwoDatedFacts() {
        let r = answer("how many years between the raids and the conquest of england")
        #expect(r.intent == "computed.elapsed")
        #expect(r.answer.contains("about 186 years apart (1066 − 880 = 186)"))
        #expect(answer("years between the raids and the conquest of england").intent == "computed.elapsed")
        let after = answer("how many years after the raids did the normans conquer england")
        #expect(after.intent == "computed.elapsed")
        #expect(after.facts == ["raids", "conquest_date"])
    }

    @Test func aSideThatPointsBackTakesTheLastAnswer() {
        var ctx = DialogueContext()
        _ = ErasPackTests.engine.respond(to: "when did the normans conquer england", context: &ctx)
        let r = ErasPackTests.engine.respond(to: "how many years before that were the raids", context: &ctx)
        #expect(r.intent == "computed.elapsed")
        #expect(r.facts == ["raids", "conquest_date"])
    }

    @Test func aBCDateCountsAcrossTheEra() {
        let r = answer("how many years between the old wall and the conquest of england")
        #expect(r.answer.contains("56 BC"))
        #expect(r.answer.contains("1121 years apart (1066 − 56 BC = 1121)"))
    }

    @Test func howLongOfASpanGivesItsLength() {
        let r = answer("how long was the campaign")
        #expect(r.intent == "campaign.when")
        #expect(r.answer.contains("That is 2 years (1040 − 1038 = 2)."))
    }
}

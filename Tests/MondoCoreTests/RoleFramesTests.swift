import Testing
@testable import MondoCore

/// Who did what to whom: frames read from word order, and the declines they give.
@Suite struct RoleFramesTests {
    static let engine = NormansPackTests.engine

    /// The frames of a question, as "participant role predicate" strings.
    func frames(_ q: String) -> Set<String> {
        Set(Self.engine.analyse(q).roles.map { "\($0.participantText) \($0.role.rawValue) \($0.predicateText)" })
    }

    @Test func anAuxiliaryQuestionMakesItsSubjectTheAgent() {
        #expect(frames("who did charles iii swear fealty to") == ["charles iii agent swear"])
        #expect(frames("Did Rollo swear fealty to Charles III?") == ["rollo agent swear", "charles iii patient swear"])
        // Titles may stand between the auxiliary and the name.
        #expect(frames("which duke did king harold kill") == ["king harold agent kill"])
    }

    @Test func aPassiveMakesItsSubjectThePatientAndTheByPhraseTheAgent() {
        #expect(frames("was harold killed by william") == ["harold patient killed", "william agent killed"])
    }

    @Test func aQuestionWordSubjectLeavesTheObjectAsPatient() {
        #expect(frames("who swore fealty to rollo") == ["rollo patient swore"])
    }

    @Test func possessivesAndOfPhrasesGivePossessors() {
        #expect(frames("who was tancred's nephew") == ["tancred possessor nephew"])
        #expect(frames("who was the uncle of tancred") == ["tancred possessor uncle"])
    }

    @Test func symmetricWordsAndModifiersGiveNoFrames() {
        #expect(frames("who was guy de lusignan's rival").isEmpty)
        #expect(frames("did the normans fight the byzantines").isEmpty)
    }

    @Test func aClauseEndsAtAClauseBreakOrAnInfinitive() {
        // "… to fight the Lombards" is another clause: the Lombards are not acted on by "encourage".
        #expect(frames("who did the byzantines encourage to come south to fight the lombards") == ["the byzantines agent encourage"])
    }

    @Test func aReversedRoleIsDeclinedAndSaysSo() {
        var ctx = DialogueContext()
        let r = Self.engine.respond(to: "who did charles iii swear fealty to", context: &ctx)
        #expect(r.intent == nil)
        #expect(r.answer.contains("other way round"))
        #expect(r.answer.contains("Charles III"))
    }

    @Test func theRightRolesStillAnswer() {
        for q in ["who did rollo swear fealty to", "who was bohemond's nephew", "who did william kill at hastings"] {
            var ctx = DialogueContext()
            #expect(Self.engine.respond(to: q, context: &ctx).intent != nil, Comment(rawValue: q))
        }
    }

    @Test func aYesNoQuestionWithTheRolesReversedGetsNo() {
        var ctx = DialogueContext()
        let r = Self.engine.respond(to: "did isaac order richard to free the prisoners", context: &ctx)
        #expect(r.answer.hasPrefix("No."), Comment(rawValue: r.answer))
    }

    @Test func someoneElseInARelationIsDeclinedNamingIt() {
        var ctx = DialogueContext()
        let r = Self.engine.respond(to: "who was tancred's nephew", context: &ctx)
        #expect(r.intent == nil)
        #expect(r.answer.contains("nephew"))
    }
}

/// When-questions about the other end of an event, and kind-only follow-ups.
@Suite struct EventPhaseTests {
    static let engine = NormansPackTests.engine

    func reply(_ turns: [String]) -> Response {
        var ctx = DialogueContext()
        var r: Response?
        for t in turns { r = Self.engine.respond(to: t, context: &ctx) }
        return r!
    }

    @Test func phasesAreReadButTheEndOfATimeIsNoPhase() {
        #expect(Self.engine.analyse("when did the war end").phases == [.end])
        #expect(Self.engine.analyse("when was it founded").phases == [.start])
        #expect(Self.engine.analyse("what happened by the end of 1100").phases.isEmpty)
    }

    @Test func askingWhenAnEventEndedOfAnIntentThatNamesNoEndIsDeclined() {
        let r = reply(["when did the war of barbastro end"])
        #expect(r.intent == nil)
        #expect(r.answer.contains("when that ended"), Comment(rawValue: r.answer))
        // The same event's own date still answers.
        #expect(reply(["when was the war of barbastro"]).intent != nil)
    }

    @Test func whatYearWasThatTakesThePreviousAnswersTime() {
        let r = reply(["who led the papal army in the war of barbastro", "what year was that"])
        #expect(r.intent != nil)
        #expect(r.answer.contains("1064"))
    }
}

/// The noun a which/what question asks for.
@Suite struct FocusNounTests {
    static let engine = NormansPackTests.engine

    func focus(_ q: String) -> String? {
        let a = Self.engine.analyse(q)
        return a.focusUnit.map { a.units[$0].text }
    }

    @Test func theFocusIsTheLastNounAfterWhichOrWhat() {
        #expect(focus("which norman lord built the castle") == "lord")
        #expect(focus("under which abbot did the monks flee") == "abbot")
        #expect(focus("what cheese is the region famous for") == "cheese")
        // Kind nouns and generic nouns ask for nothing in particular; other questions have no focus.
        #expect(focus("what year did they arrive") == nil)
        #expect(focus("what kind of art did they make") == nil)
        #expect(focus("who built the castle") == nil)
    }

    @Test func aFocusNoIntentNamesIsDeclinedNamingIt() {
        var ctx = DialogueContext()
        let r = Self.engine.respond(to: "what cheese is normandy famous for", context: &ctx)
        #expect(r.intent == nil)
        #expect(r.answer.contains("cheese"), Comment(rawValue: r.answer))
    }

    @Test func aPersonAskedOfAnIntentThatNamesNobodyIsDeclined() {
        var ctx = DialogueContext()
        let r = Self.engine.respond(to: "who were the two judges that wrote the norman customaries", context: &ctx)
        #expect(r.intent == nil)
        #expect(r.answer.contains("no name for the judges"), Comment(rawValue: r.answer))
    }

    @Test func aPersonNounIsAnsweredByAnyPersonTheIntentNames() {
        var ctx = DialogueContext()
        let r = Self.engine.respond(to: "To which Frankish ruler did the Viking chieftain pledge his loyalty?", context: &ctx)
        #expect(r.intent != nil, Comment(rawValue: r.answer))
    }
}

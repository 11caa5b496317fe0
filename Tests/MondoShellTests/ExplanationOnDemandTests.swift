import Testing
@testable import MondoCore
@testable import MondoShell

/// The texts saying why candidates were blocked are built only when shown: `Engine.explains`
/// off answers the same, and `:why` answers the turn again with them.
@Suite("Explanations built on demand")
struct ExplanationOnDemandTests {
    /// A question whose best candidates include blocked ones (the other direction of travel).
    static let question = q1

    @Test func theAnswerIsTheSameWithoutExplanations() {
        var quiet = engine
        quiet.explains = false
        var c1 = DialogueContext(), c2 = DialogueContext()
        let full = engine.respond(to: Self.question, context: &c1)
        let bare = quiet.respond(to: Self.question, context: &c2)
        #expect(bare.answer == full.answer)
        #expect(bare.intent == full.intent)
        #expect(bare.facts == full.facts)
        #expect(full.explanation.described)
        #expect(!bare.explanation.described)
        let fullBlocked = full.explanation.candidates.filter { $0.blocked != nil }
        let bareBlocked = bare.explanation.candidates.filter { $0.blocked != nil }
        #expect(!fullBlocked.isEmpty, "the question needs a blocked candidate among the best")
        #expect(fullBlocked.allSatisfy { !($0.blocked ?? "").isEmpty })
        #expect(bareBlocked.map(\.intent) == fullBlocked.map(\.intent), "the same candidates are blocked")
        #expect(bareBlocked.allSatisfy { $0.blocked == "" }, "no text is built for them")
    }

    @Test func whyAfterAPlainAnswerStillSaysWhatBlockedEachCandidate() throws {
        let s = Session()
        s.run("\(Self.question)\n")
        let turn = try #require(s.shell.turns.last)
        #expect(!turn.response.explanation.described, "a text answer is built without the texts")
        s.run(":why\n")
        let blockedLines = s.lines.filter { $0.contains("  blocked: ") }
        #expect(!blockedLines.isEmpty, "\(s.out.text)")
        #expect(blockedLines.allSatisfy { !$0.hasSuffix("blocked: ") }, "\(s.out.text)")
        #expect(s.shell.turns.count == 1, ":why does not add a turn")
    }
}

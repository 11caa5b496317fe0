import Testing
@testable import MondoCore

/// Pack settings that change how the engine answers.
@Suite struct PackSettingsEngineTests {
    static let question = "Which was bigger, the Rorze investment or the AZEC package?"

    @Test func builtInComparisonsAnswerByDefault() {
        #expect(ask(Self.question).intent.map { Engine.builtInIntents.contains($0) } == true)
    }

    @Test func comparisonsOffLeavesTheQuestionToThePacksIntents() {
        var pack = shippedEngine.pack
        pack.settings.comparisons = false
        let engine = Engine(pack: pack)
        var ctx = DialogueContext()
        let r = engine.respond(to: Self.question, context: &ctx)
        #expect(!(r.intent.map { Engine.builtInIntents.contains($0) } ?? false))
    }
}

import Foundation
import Testing
import LineEditor
@testable import MondoCore
@testable import MondoShell

/// The REPL side of the authoring tools: `:save` after `:reset`, and the reports over a session.
@Suite("authoring in the shell")
struct AuthoringShellTests {
    static let good = Paths.root + "/Tests/Fixtures/authoring/good/Intents"

    @Test func saveAfterResetWritesAResetAndReplays() throws {
        let e = try Engine(packDirectory: Self.good)
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/s.transcript"
        let s = Session(engine: e, packDirectory: Self.good)
        // Without the @reset, "And the other way round?" would replay as a follow-up.
        s.run("How many Japanese visited Viet Nam in 2024?\n:reset\nAnd the other way round?\n:save \(file)\n")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("@intent visits.jp_to_vn\n"))
        #expect(text.contains("\n@reset\n> And the other way round?\n@decline\n"))
        let t = try Transcript.load(path: file)
        #expect(t.exchanges[1].resetBefore)
        #expect(TranscriptRunner.replay(t, engine: e).failures.isEmpty)
        // And through `mondo test`'s own runner.
        let out = BufferOutput(), err = BufferOutput()
        #expect(TranscriptCommand.run(paths: [file], engine: e, update: false, out: out, err: err) == 0)
        #expect(out.text == "2 passed, 0 failed\n")
    }

    @Test func variantsAreDeterministicAndSeeded() throws {
        let e = try Engine(packDirectory: Self.good)
        let q = "How many Japanese tourists visited Việt Nam in 2024?"
        let a = VariantMaker(engine: e, seed: 1).variants(of: q)
        #expect(a == VariantMaker(engine: e, seed: 1).variants(of: q))
        #expect(a.map(\.kind) == VariantKind.allCases)
        #expect(a.first { $0.kind == .diacritics }?.text == "How many Japanese tourists visited Viet Nam in 2024?")
        #expect(a.first { $0.kind == .lowercase }?.text == "how many japanese tourists visited việt nam in 2024")
        #expect(a.first { $0.kind == .filler }?.text.hasSuffix("how many Japanese tourists visited Việt Nam in 2024?") == true)
        let other = VariantMaker(engine: e, seed: 2).variants(of: q)
        #expect(other.count == a.count)
    }

    @Test func diacriticsAreAddedFromConceptTerms() throws {
        let e = try Engine(packDirectory: Self.good)
        let v = VariantMaker(engine: e, seed: 1).variants(of: "Who visited Viet Nam?")
        #expect(v.first { $0.kind == .diacritics }?.text == "Who visited Việt Nam?")
    }
}

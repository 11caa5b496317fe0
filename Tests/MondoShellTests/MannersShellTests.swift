import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// Manners and clarifying questions through the shell: JSON fields, batch never waiting for a
/// reply, `:save` writing `@clarify` so that the replay asks as the REPL did.
@Suite("Manners and clarifying questions in the shell")
struct MannersShellTests {
    @Test("JSON: small talk has a meta intent and no facts; a decline with a close reading lists its candidates")
    func json() throws {
        let s = Session(format: .json)
        s.run("hi\nhow many companies\nyes\n")
        let objs = s.lines.compactMap(jsonObject)
        #expect(objs.count == 3)
        #expect(objs[0]["intent"] as? String == "meta.greeting")
        #expect((objs[0]["facts"] as? [Any])?.isEmpty == true)
        // Batch: the decline is as before, and nothing waits for "yes".
        #expect(objs[1]["intent"] is NSNull)
        #expect(objs[1]["reason"] as? String == "not_in_pack")
        let cands = try #require(objs[1]["candidates"] as? [[String: Any]])
        #expect(cands.first?["intent"] as? String == "investment_trade.companies_count")
        #expect(cands.first?["question"] as? String == "How many Japanese companies operate in Viet Nam?")
        #expect(objs[2]["intent"] is NSNull)
    }

    @Test("with clarifying questions on, yes answers; :save writes @clarify and the transcript replays")
    func saveAndReplay() throws {
        let dir = try Paths.tempDir()
        let file = dir + "/c.transcript"
        let s = Session()
        s.shell.clarifies = true
        s.run("how many companies\nyes\n:save \(file)\n")
        #expect(s.lines.first?.hasPrefix("Do you mean: “How many Japanese companies operate in Viet Nam?”") == true, "\(s.out.text)")
        #expect(s.out.text.contains("2,000"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\n@clarify\n"))
        let t = try Transcript.parse(text, path: file)
        #expect(t.clarifies)
        #expect(TranscriptRunner.replay(t, engine: engine).failures.isEmpty)
        // The same transcript without @clarify does not replay: the clarification is part of it.
        let plain = try Transcript.parse(text.replacingOccurrences(of: "@clarify\n", with: ""), path: file)
        #expect(!TranscriptRunner.replay(plain, engine: engine).failures.isEmpty)
    }

    @Test(":why names a meta intent as manners, and lists what a decline offers")
    func why() {
        let s = Session()
        s.run("thanks\n:why\n:why meta.thanks\nhow many companies\n:why\n")
        #expect(s.out.text.contains("intent:      meta.thanks (conversation manners"), "\(s.out.text)")
        #expect(s.out.text.contains("meta.thanks is one of the engine's conversation manners"))
        #expect(s.out.text.contains("offered:     investment_trade.companies_count"))
    }
}

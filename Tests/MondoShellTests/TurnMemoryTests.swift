import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// A long session keeps what `:save` needs of every turn, and the whole explanation of the last
/// one only (what `:why` and `:source` read).
@Suite("Shell: what a session keeps of its turns")
struct TurnMemoryTests {
    @Test func earlierTurnsKeepTheirAnswersButNotTheirAnalyses() throws {
        let s = Session()
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.run("\(q1)\n\(q2)\nWho is the President of the United States?\n:why\n:save \(dir)/s.transcript\n")
        let turns = s.shell.turns
        #expect(turns.count == 3)
        for t in turns.dropLast() {
            #expect(t.response.explanation.analysis.units.isEmpty && t.response.explanation.candidates.isEmpty)
        }
        #expect(turns[0].response.answer == a1 && turns[1].response.answer == a2)
        #expect(turns[0].response.intent != nil && turns[1].response.intent != nil)
        let last = try #require(turns.last)
        #expect(!last.response.explanation.analysis.units.isEmpty, "the last turn keeps its analysis for :why")
        #expect(s.out.text.contains("candidates") || s.out.text.contains("intent"), ":why explains the last turn")
        let saved = try String(contentsOfFile: dir + "/s.transcript", encoding: .utf8)
        #expect(saved.contains("> \(q1)\n") && saved.contains(a1) && saved.contains(a2) && saved.contains("@decline"))
    }
}

import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// `--independent`: each question is answered in a new conversation.
@Suite("Shell: independent questions")
struct IndependentTests {
    @Test func followUpsDoNotReachAcrossLines() {
        let s = Session()
        s.shell.independent = true
        s.run("\(q1)\nand the other way round?\n")
        #expect(s.lines.first == a1)
        #expect(s.lines.count == 2)
        #expect(s.lines.last != a2, "the follow-up was answered from the previous line")
        #expect(s.shell.turns.last?.response.intent == nil)
    }

    @Test func byDefaultLinesAreOneConversation() {
        let s = Session()
        s.run("\(q1)\nand the other way round?\n")
        #expect(s.lines == [a1, a2])
    }

    @Test func savedSessionReplaysEachQuestionAfreshly() throws {
        let s = Session()
        s.shell.independent = true
        s.run("\(q1)\nand the other way round?\n")
        #expect(s.shell.resetsBefore == [1])
        let text = Transcript.render(s.shell.turns, header: "t", resetsBefore: s.shell.resetsBefore)
        #expect(text.contains("@reset\n> and the other way round?\n@decline"), "\(text)")
    }
}

import Testing
@testable import MondoCore

// Transcript parsing and diffs (the runner's replay behaviour is covered in TranscriptTests.swift).
@Suite("Transcript format")
struct TranscriptFormatTests {
    @Test func parsesQuestionsDirectivesAndAnswers() throws {
        let text = """
        # a comment
        > How many Japanese visited?
        @intent visitors.japanese_to_vietnam_2024
        About 710,000.

        @reset
        > What is the weather?
        @decline
        > Two lines
        first
        second
        """
        let t = try Transcript.parse(text, path: "t.transcript")
        #expect(t.exchanges.count == 3)
        let a = t.exchanges[0], b = t.exchanges[1], c = t.exchanges[2]
        #expect(a.question == "How many Japanese visited?")
        #expect(a.expectIntent == "visitors.japanese_to_vietnam_2024")
        #expect(a.expected == ["About 710,000."])
        #expect(a.line == 2)
        #expect(a.expectedLine == 4)
        #expect(!a.resetBefore)
        #expect(b.resetBefore)
        #expect(b.expectDecline)
        #expect(b.expected.isEmpty)
        #expect(c.expected == ["first", "second"])
        #expect(c.expectedLine == 10)
        #expect(t.lines.count == 11)
    }

    @Test("errors point at the offending line", arguments: [
        ("answer first\n> q\n", "t:1:1: error: answer text before the first '> question' line\nanswer first\n^"),
        (">   \n", "t:1:1: error: empty question\n>   \n^"),
        ("> q\n@intnet x\n", "t:2:1: error: unknown directive '@intnet'; did you mean '@intent'?\n@intnet x\n^"),
        ("@decline\n> q\n", "t:1:1: error: @decline before any question\n@decline\n^"),
        ("> q\n@intent\n", "t:2:8: error: @intent needs an intent id\n@intent\n       ^"),
    ])
    func parseErrors(text: String, expected: String) {
        do {
            _ = try Transcript.parse(text, path: "t")
            Issue.record("parsed without error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.description == expected)
        }
    }

    @Test func allParseErrorsAreCollected() {
        do {
            _ = try Transcript.parse("oops\n@bogus\n>\n", path: "t")
            Issue.record("parsed without error")
        } catch {
            #expect(error.diagnostics.map { $0.location?.line ?? 0 } == [1, 2, 3])
        }
    }

    // BUG: lines are split on the Character "\n", and "\r\n" is a single Character in Swift, so a
    // CRLF file is one long line (the "\r" trimming after the split never runs).
    @Test func crlfLinesAreAccepted() throws {
            let t = try Transcript.parse("> q\r\nanswer\r\n", path: "t")
            #expect(t.exchanges.count == 1)
            #expect(t.exchanges.first?.question == "q")
            #expect(t.exchanges.first?.expected == ["answer"])
    }

    @Test func diffOfEqualLinesHasNoChanges() {
        let d = TranscriptRunner.unifiedDiff(expected: ["a", "b"], actual: ["a", "b"], line: 3)
        #expect(d == "--- expected\n+++ actual\n@@ -3,2 +3,2 @@\n a\n b\n")
    }

    @Test func diffShowsRemovedThenAdded() {
        let d = TranscriptRunner.unifiedDiff(expected: ["same", "old"], actual: ["same", "new", "extra"], line: 7)
        #expect(d == "--- expected\n+++ actual\n@@ -7,2 +7,3 @@\n same\n-old\n+new\n+extra\n")
    }

    @Test func diffAgainstNothing() {
        #expect(TranscriptRunner.unifiedDiff(expected: [], actual: ["x"], line: 1) == "--- expected\n+++ actual\n@@ -1,0 +1,1 @@\n+x\n")
        #expect(TranscriptRunner.unifiedDiff(expected: ["x"], actual: [], line: 1) == "--- expected\n+++ actual\n@@ -1,1 +1,0 @@\n-x\n")
    }

    @Test func renderedSessionReplaysClean() throws {
        let qs = ["How many Japanese people visited Viet Nam in 2024?", "What is the capital of France?"]
        var ctx = DialogueContext()
        let turns = qs.map { (question: $0, response: shippedEngine.respond(to: $0, context: &ctx)) }
        let text = Transcript.render(turns, header: "test")
        #expect(text.hasPrefix("# test\n\n> How many Japanese people visited Viet Nam in 2024?\n@intent visitors.japanese_to_vietnam_2024\n"))
        #expect(text.contains("> What is the capital of France?\n@decline\n"))
        let t = try Transcript.parse(text, path: "r")
        #expect(TranscriptRunner.replay(t, engine: shippedEngine).failures.isEmpty)
    }

    @Test func changedAnswerFailsWithDiff() throws {
        let t = try Transcript.parse("> How many Japanese people visited Viet Nam in 2024?\nAbout 1 Japanese person.\n", path: "x.transcript")
        let f = TranscriptRunner.replay(t, engine: shippedEngine).failures
        #expect(f.count == 1)
        #expect(f.first?.kind == "facts changed")
        #expect(f.first?.description.hasPrefix("x.transcript:2: error: facts changed for 'How many Japanese people visited Viet Nam in 2024?' (asked at line 1)\n--- expected\n+++ actual\n") == true)
        #expect(f.first?.diff.contains("-About 1 Japanese person.\n+About 710,000 Japanese people visited Viet Nam in 2024.\n") == true)
    }
}

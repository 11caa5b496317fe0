import Foundation
import Testing

/// `mondo --independent`: every -c question and every input line starts a new conversation.
@Suite("independent questions")
struct IndependentBinaryTests {
    static let ask = "How many Japanese visited Viet Nam in 2024?"
    static let answer = "About 710,000 Japanese people visited Viet Nam in 2024."
    static let followUp = "and the other way round?"

    @Test func dashCQuestionsAreIndependent() throws {
        let r = try Mondo.run(["--independent", "--format", "json", "-c", Self.ask, "-c", Self.followUp])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 2)
        let second = try #require(try JSONSerialization.jsonObject(with: Data((r.lines.last ?? "").utf8)) as? [String: Any])
        #expect(second["intent"] is NSNull, "\(r.stdout)")
    }

    @Test func inputLinesAreIndependent() throws {
        let r = try Mondo.run(["--independent"], input: Data("\(Self.ask)\n\(Self.followUp)\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.first == Self.answer)
        #expect(r.lines.count == 2 && !r.line(1).contains("620,000"), "\(r.stdout)")
    }

    @Test func aResetLineInAFileStartsAfresh() throws {
        // Without the flag, `:reset` in the input does the same for one place (it prints a line).
        let r = try Mondo.run([], input: Data("\(Self.ask)\n:reset\n\(Self.followUp)\n".utf8))
        #expect(r.lines.count == 3)
        #expect(r.line(1) == "Conversation forgotten; the next question starts afresh.")
        #expect(!r.line(2).contains("620,000"), "\(r.stdout)")
    }
}

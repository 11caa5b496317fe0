import Foundation
import Testing

/// Conversation manners and a clarifying question in the REPL at a real (pseudo-)terminal.
@Suite("manners at a terminal", .serialized)
struct MannersTerminalTests {
    @Test("hi is greeted; a question with a close reading is asked back; yes answers it; the follow-up works",
          .timeLimit(.minutes(1)))
    func greetingAndClarification() throws {
        let exe = try #require(Mondo.binary, "mondo executable not found next to the test bundle")
        let home = try Mondo.tempDir()
        let s = try PTYSession(executable: exe, arguments: ["--pack", Mondo.root + "/Intents"], home: home, rows: 30, columns: 100)
        #expect(s.waitFor("mondo> "))
        var m = s.typeAtPrompt("hi\r", since: 0)
        #expect(s.waitFor("Hello! I answer questions about", since: m), "screen: \(s.screen(since: m))")
        m = s.typeAtPrompt("how many companies\r", since: m)
        #expect(s.waitFor("Do you mean:", since: m), "screen: \(s.screen(since: m))")
        #expect(s.waitFor("How many Japanese companies operate in Viet Nam?", since: m))
        m = s.typeAtPrompt("yes\r", since: m)
        #expect(s.waitFor("2,000", since: m), "screen: \(s.screen(since: m))")
        m = s.typeAtPrompt("thanks\r", since: m)
        #expect(s.waitFor("You're welcome", since: m), "screen: \(s.screen(since: m))")
        m = s.typeAtPrompt("bye\r", since: m)
        #expect(s.waitFor("Goodbye!", since: m), "screen: \(s.screen(since: m))")
        // Goodbye does not end the session: the prompt comes back, and Ctrl-D leaves.
        _ = s.typeAtPrompt("\u{4}", since: m)
        #expect(s.waitForExit().map(exitCode) == 0, "screen: \(s.screen())")
    }
}

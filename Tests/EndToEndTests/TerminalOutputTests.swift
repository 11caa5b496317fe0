import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What mondo writes at a real (pseudo-)terminal: answers wrapped to the window, set-apart and
/// dimmed secondary text, "understood as" notes, `:topics` completion, progress lines.
@Suite("mondo's output at a terminal", .serialized)
struct TerminalOutputEndToEndTests {
    static let longAnswerQuestion = "How many more Japanese visited Vietnam than Vietnamese visited Japan in 2024?"

    func start(_ arguments: [String] = [], columns: UInt16 = 80, environment: [String: String] = [:]) throws -> PTYSession {
        let exe = try #require(Mondo.binary, "mondo executable not found next to the test bundle")
        return try PTYSession(executable: exe, arguments: ["--pack", Mondo.root + "/Intents"] + arguments, home: try Mondo.tempDir(),
                              columns: columns, environment: environment)
    }

    /// The lines of the answer that starts with `start`, up to the blank line after it.
    func answerLines(_ s: PTYSession, since mark: Int, startingWith start: String) -> [String] {
        let lines = s.screen(since: mark).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines.drop { !$0.hasPrefix(start) }.prefix { !$0.isEmpty && !$0.hasPrefix("mondo> ") })
    }

    @Test("answers wrap at word boundaries to the window's width, measured again after a resize",
          .timeLimit(.minutes(1)))
    func wrapping() throws {
        let s = try start(columns: 50)
        let piped = try Mondo.run(["-c", Self.longAnswerQuestion]).stdout.trimmingCharacters(in: .newlines)
        #expect(piped.count > 100 && !piped.contains("\n"), "piped output is one line: \(piped)")
        var m = s.typeAtPrompt(Self.longAnswerQuestion + "\r", since: 0)
        #expect(s.waitFor("mondo> ", since: m))
        let narrow = answerLines(s, since: m, startingWith: String(piped.prefix(10)))
        #expect(narrow.joined(separator: " ") == piped, "\(narrow)")
        #expect(narrow.count >= 3 && narrow.allSatisfy { $0.count <= 50 }, "\(narrow)")

        s.resize(rows: 24, columns: 120)
        m = s.typeAtPrompt(Self.longAnswerQuestion + "\r", since: s.mark)
        #expect(s.waitFor("mondo> ", since: m))
        let wide = answerLines(s, since: m, startingWith: String(piped.prefix(10)))
        #expect(wide.joined(separator: " ") == piped, "\(wide)")
        #expect(wide.count < narrow.count && wide.contains { $0.count > 50 } && wide.allSatisfy { $0.count <= 120 }, "\(wide)")
        s.send("\u{4}")
        #expect(s.waitForExit().map(exitCode) == 0)
    }

    @Test("suggestions and notes are on lines of their own, dim unless NO_COLOR or --color never",
          .timeLimit(.minutes(3)))
    func secondaryText() throws {
        let dim = "\u{1B}[2m"
        // An empty NO_COLOR counts as unset (no-color.org).
        for (arguments, environment, colored) in [([String](), ["NO_COLOR": ""], true), ([], ["NO_COLOR": "1"], false), (["--color", "never"], ["NO_COLOR": ""], false)] {
            let s = try start(arguments, columns: 200, environment: environment)
            var m = s.typeAtPrompt("What is the population of Ha Noi?\r", since: 0)
            #expect(s.waitFor("mondo> ", since: m))
            let decline = s.screen(since: m)
            let rawDecline = String(decoding: Array(s.raw.utf8).dropFirst(m), as: UTF8.self)
            #expect(decline.contains("\nYou could ask: ") || decline.contains("\nType :topics"), "\(decline)")
            #expect(rawDecline.contains(dim) == colored, "\(arguments) \(environment): \(rawDecline.debugDescription)")

            m = s.typeAtPrompt("how mnay japanse visited viet nam last year\r", since: s.mark)
            #expect(s.waitFor("(read “mnay” as “many”; “japanse” as “japanese”)", since: m), "\(s.screen(since: m))")
            m = s.typeAtPrompt(":notes off\r", since: m)
            m = s.typeAtPrompt("how mnay japanse visited viet nam last year\r", since: m)
            #expect(s.waitFor("710,000", since: m))
            #expect(s.waitFor("mondo> ", since: m))
            #expect(!s.screen(since: m).contains("(read"))
            s.send("\u{4}")
            #expect(s.waitForExit().map(exitCode) == 0)
        }
        // Not at a terminal: the answer as it is, with no note and no escape sequence.
        let piped = try Mondo.run(["-c", "how mnay japanse visited viet nam last year", "-c", "What is the population of Ha Noi?"], environment: ["COLUMNS": "40"])
        #expect(!piped.stdout.contains("(read") && !piped.stdout.contains("\u{1B}"))
        #expect(piped.lines.count == 2, "\(piped.stdout)")
    }

    @Test(":topics NAME is Tab-completed and lists the topic's example questions", .timeLimit(.minutes(1)))
    func topicsCompletion() throws {
        let s = try start(columns: 120)
        let m = s.typeAtPrompt(":topics visi\t\r", since: 0)
        #expect(s.waitFor("kinds of question, for example:", since: m), "\(s.screen(since: m))")
        #expect(s.screen(since: m).contains("visitors: "))
        s.send("\u{4}")
        #expect(s.waitForExit().map(exitCode) == 0)
    }

    @Test("robustness shows a progress line on a terminal and clears it; nothing on a pipe", .timeLimit(.minutes(2)))
    func progress() throws {
        // The small authoring pack: quick, so as not to slow the tests running beside this one.
        let good = Mondo.root + "/Tests/Fixtures/authoring/good"
        let transcript = good + "/Transcripts"
        let exe = try #require(Mondo.binary)
        let s = try PTYSession(executable: exe, arguments: ["robustness", "--pack", good + "/Intents", transcript],
                               home: try Mondo.tempDir())
        let status = s.waitForExit(timeout: 90)
        #expect(status.map(exitCode) == 0)
        usleep(200_000)  // the reader thread drains what is left
        let raw = s.raw
        #expect(raw.contains("\r\u{1B}[Kvarying questions "), "\(raw.prefix(300).debugDescription)")
        // Cleared before the report: the report starts on a clean line.
        #expect(raw.contains("\r\u{1B}[Krobustness: "), "\(raw.prefix(300).debugDescription)")

        let piped = try Mondo.run(["robustness", "--pack", good + "/Intents", transcript], timeout: 90)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("varying") && !piped.stderr.contains("\r"), "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("robustness: "))
    }
}

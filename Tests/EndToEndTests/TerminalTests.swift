import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

let ambassadorAnswer = "Ito Naoki is the Ambassador of Japan to Viet Nam"
let primeMinisterAnswer = "The Prime Minister of Japan is Ishiba Shigeru."
let officeAnswer = "Ito Naoki took up his duties as Ambassador of Japan to Viet Nam on 17 May 2024."

/// The REPL at a real (pseudo-)terminal: keys, signals, completion, resize, paste, history.
@Suite("mondo at a terminal", .serialized)
struct TerminalTests {
    func start(home: String, rows: UInt16 = 24, columns: UInt16 = 80) throws -> PTYSession {
        let exe = try #require(Mondo.binary, "mondo executable not found next to the test bundle")
        return try PTYSession(executable: exe, arguments: ["--pack", Mondo.root + "/Intents"], home: home,
                              rows: rows, columns: columns)
    }

    /// The history file's entries, decoded (vis-encoded spaces and backslashes).
    func history(_ home: String) -> [String] {
        let text = (try? String(contentsOfFile: home + "/.local/state/mondo/history", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map {
            $0.replacingOccurrences(of: "\\040", with: " ").replacingOccurrences(of: "\\134", with: "\\")
        }
    }

    /// Sends Ctrl-D once a prompt has appeared after `mark` (at once when `mark` is nil) and
    /// expects exit status 0.
    func quit(_ s: PTYSession, since mark: Int?) {
        if let mark { s.typeAtPrompt("\u{4}", since: mark) } else { s.send("\u{4}") }
        let status = s.waitForExit()
        #expect(status.map(exitCode) == 0, "screen: \(s.screen())")
    }

    @Test("a question is answered; Up recalls it; Ctrl-R finds an older line; Ctrl-D exits 0",
          .timeLimit(.minutes(1)))
    func answerRecallSearch() throws {
        let home = try Mondo.tempDir()
        let s = try start(home: home)
        #expect(s.waitFor("mondo> "))
        #expect(s.screen().contains("Mondo — questions and answers about"))
        var m = s.typeAtPrompt("who is the ambassador?\r", since: 0)
        #expect(s.waitFor(ambassadorAnswer, since: m))
        m = s.typeAtPrompt("who is the prime minister of Japan?\r", since: m)
        #expect(s.waitFor(primeMinisterAnswer, since: m))
        m = s.typeAtPrompt("\u{1B}[A\r", since: m)  // Up: the prime minister again
        #expect(s.waitFor(primeMinisterAnswer, since: m))
        m = s.typeAtPrompt("\u{12}ambas\r", since: m)  // Ctrl-R
        #expect(s.waitFor(ambassadorAnswer, since: m), "screen: \(s.screen(since: m))")
        quit(s, since: m)
        // The repeat found by Ctrl-R is stored again; the one recalled with Up repeats the
        // previous entry and is not.
        #expect(history(home) == ["who is the ambassador?", "who is the prime minister of Japan?", "who is the ambassador?"])
    }

    @Test("Ctrl-C abandons the line and gives a new prompt; Ctrl-\\ is ignored and keeps the line",
          .timeLimit(.minutes(1)))
    func interruptAndQuitKeys() throws {
        let home = try Mondo.tempDir()
        let s = try start(home: home)
        var m = s.typeAtPrompt("who is the prime", since: 0)
        #expect(s.waitFor("who is the prime", since: m))
        m = s.mark
        s.send("\u{3}")
        #expect(s.waitFor("mondo> ", since: m))
        m = s.typeAtPrompt("who is the ambassador?\r", since: m)
        #expect(s.waitFor(ambassadorAnswer, since: m))

        m = s.typeAtPrompt("when did ito", since: m)
        #expect(s.waitFor("when did ito", since: m))
        s.send("\u{1C}")  // Ctrl-\: SIGQUIT
        usleep(200_000)   // let the signal be delivered before more keys arrive
        s.send(" take office?\r")
        #expect(s.waitFor(officeAnswer, since: m), "screen: \(s.screen(since: m))")
        #expect(!s.screen().contains("crashed"))
        #expect(!s.screen().contains("Backtrac"))
        quit(s, since: m)
        #expect(history(home) == ["who is the ambassador?", "when did ito take office?"])
    }

    @Test("Tab completes commands and names, and lists ambiguous names", .timeLimit(.minutes(1)))
    func tabCompletion() throws {
        let home = try Mondo.tempDir()
        let s = try start(home: home)
        var m = s.typeAtPrompt(":he\t\r", since: 0)
        #expect(s.waitFor("Type a question about", since: m))
        m = s.typeAtPrompt("who is ito\t", since: m)
        #expect(s.waitFor("Ito Naoki", since: m))
        m = s.mark
        s.send("\u{15}who is pham\t")  // Ctrl-U, then an ambiguous name
        #expect(s.waitFor("Phạm Minh Chính", since: m), "screen: \(s.screen(since: m))")
        #expect(s.waitFor("mondo> who is pham", since: m))  // the line is drawn again below the list
        s.send("\u{15}")
        quit(s, since: nil)
        #expect(history(home) == [":help"])  // the completion's space is typed, but not kept in history
    }

    @Test("escape sequences of other keys move, delete or do nothing, never insert text",
          .timeLimit(.minutes(2)))
    func keySequences() throws {
        let esc = "\u{1B}"
        let cases: [(String, String)] = [
            ("k1a\(esc)[2~b", "k1ab"),            // Insert
            ("k2a\(esc)[5~\(esc)[6~b", "k2ab"),   // PgUp, PgDn
            ("k3a\(esc)[15~\(esc)[17~\(esc)[24~b", "k3ab"),  // F5, F6, F12
            ("k4a\(esc)[1;2A\(esc)[1;2Bb", "k4ab"),  // Shift-Up, Shift-Down
            ("k5a\(esc)[200~b\(esc)[201~", "k5ab"),  // bracketed-paste markers
            ("one two\(esc)[1;5DX", "one Xtwo"),    // Ctrl-Left
            ("one tw\(esc)[1;3DY", "one Ytw"),      // Alt-Left
            ("one t\(esc)\(esc)[DZ", "one Zt"),     // ESC ESC [D
            ("one two\(esc)[H\(esc)[1;5CX", "oneX two"),  // Home, Ctrl-Right
            ("bc\(esc)OHa", "abc"),                 // Home (SS3)
            ("cd\(esc)[1~b", "bcd"),                // Home (ESC [1~)
            ("de\(esc)[H\(esc)[Ff", "def"),         // End
            ("ef\(esc)[H\(esc)[4~g", "efg"),        // End (ESC [4~)
            ("abcz\(esc)[D\(esc)[3~", "abc"),       // Left, Delete
            ("x one two\(esc)[H\(esc)[1;5C\(esc)[3;5~", "x two"),  // Ctrl-Delete
        ]
        let home = try Mondo.tempDir()
        let s = try start(home: home)
        var m = 0
        for (keys, _) in cases {
            m = s.typeAtPrompt(keys + "\r", since: m)
        }
        quit(s, since: m)
        #expect(history(home) == cases.map(\.1), "screen: \(s.screen())")
        #expect(!s.screen().contains("~b"))
    }

    @Test("UTF-8: Backspace removes one whole character", .timeLimit(.minutes(1)))
    func utf8Backspace() throws {
        let home = try Mondo.tempDir()
        let s = try start(home: home)
        let m = s.typeAtPrompt("who is the ambassadorệ\u{7F}?\r", since: 0)
        #expect(s.waitFor(ambassadorAnswer, since: m))
        let n = s.typeAtPrompt("Việt\u{7F}\u{7F}et Nam\r", since: m)
        #expect(s.waitFor("mondo> ", since: n))
        quit(s, since: n)
        #expect(history(home) == ["who is the ambassador?", "Viet Nam"])
    }

    @Test("resizing while a wrapped line is edited redraws it; the line is submitted intact",
          .timeLimit(.minutes(1)))
    func resize() throws {
        let home = try Mondo.tempDir()
        let s = try start(home: home, rows: 24, columns: 30)
        let question = "when did ito naoki take office as the ambassador?"
        var m = s.typeAtPrompt(question, since: 0)
        #expect(s.waitFor("ambassador?", since: m))
        for columns: UInt16 in [60, 24] {
            m = s.mark
            s.resize(rows: 24, columns: columns)
            kill(s.pid, SIGWINCH)
            // The redraw: back to the prompt's row, clear below, prompt and line again.
            #expect(s.waitFor("mondo> " + question.prefix(10), since: m), "columns \(columns): \(s.raw.debugDescription)")
        }
        m = s.mark
        s.send("\r")
        // The answer is wrapped for the new width: 24 columns, words whole.
        #expect(s.waitFor("2024.", since: m))
        #expect(s.waitFor("mondo> ", since: m))
        let lines = s.screen(since: m).split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let answer = lines.drop { !$0.hasPrefix("Ito Naoki") }.prefix { !$0.isEmpty }
        #expect(answer.joined(separator: " ") == officeAnswer, "\(lines)")
        #expect(answer.count > 1 && answer.allSatisfy { $0.count <= 24 }, "\(lines)")
        quit(s, since: m)
        #expect(history(home) == [question])
    }

    @Test("a paste of three lines gives three answers, in order, each on lines of its own",
          .timeLimit(.minutes(1)))
    func multiLinePaste() throws {
        let home = try Mondo.tempDir()
        let s = try start(home: home)
        #expect(s.waitFor("mondo> "))
        let m = s.mark
        s.send("who is the ambassador?\rwho is the prime minister of Japan?\rwhen did ito take office?\r")
        #expect(s.waitFor("mondo> ", count: 3, since: m))
        #expect(s.waitFor(officeAnswer, since: m))
        let lines = s.screen(since: m).components(separatedBy: "\n")
        let a = lines.firstIndex { $0.hasPrefix(ambassadorAnswer) }
        let b = lines.firstIndex { $0 == primeMinisterAnswer }
        let c = lines.firstIndex { $0 == officeAnswer }
        #expect(a != nil && b != nil && c != nil, "screen: \(lines)")
        if let a, let b, let c { #expect(a < b && b < c) }
        // Each question is drawn once, after its prompt, and no later question leaks into an answer.
        #expect(lines.filter { $0.contains("who is the prime minister of Japan?") } == ["mondo> who is the prime minister of Japan?"])
        quit(s, since: nil)
        #expect(history(home) == ["who is the ambassador?", "who is the prime minister of Japan?", "when did ito take office?"])
    }

    @Test("two sessions at once share one history file; a third recalls both with Up",
          .timeLimit(.minutes(1)))
    func twoSessionsHistory() throws {
        let home = try Mondo.tempDir()
        let a = try start(home: home)
        let b = try start(home: home)
        var ma = a.typeAtPrompt("who is the ambassador?\r", since: 0)
        #expect(a.waitFor(ambassadorAnswer, since: ma))
        let mb = b.typeAtPrompt("who is the prime minister of Japan?\r", since: 0)
        #expect(b.waitFor(primeMinisterAnswer, since: mb))
        ma = a.typeAtPrompt("when did ito take office?\r", since: ma)
        #expect(a.waitFor(officeAnswer, since: ma))
        quit(a, since: ma)
        quit(b, since: nil)
        #expect(Set(history(home)) == ["who is the ambassador?", "who is the prime minister of Japan?", "when did ito take office?"])
        #expect(history(home).count == 3)

        let c = try start(home: home)
        let mc = c.typeAtPrompt("\u{1B}[A\u{1B}[A\r", since: 0)
        #expect(c.waitFor(primeMinisterAnswer, since: mc), "screen: \(c.screen(since: mc))")
        quit(c, since: mc)
    }

    @Test("with standard output redirected, banner and prompt stay on the terminal; the file has answers only",
          .timeLimit(.minutes(1)))
    func redirectedOutput() throws {
        let exe = try #require(Mondo.binary)
        let home = try Mondo.tempDir()
        let file = home + "/answers.txt"
        let s = try PTYSession(executable: "/bin/sh",
                               arguments: ["-c", "exec \"$0\" --pack \"$1\" > \"$2\"", exe, Mondo.root + "/Intents", file],
                               home: home)
        #expect(s.waitFor("mondo> "))
        #expect(s.screen().contains("Mondo — questions and answers about"))
        let m = s.typeAtPrompt("who is the ambassador?\r", since: 0)
        #expect(s.waitFor("mondo> ", since: m))
        quit(s, since: m)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix(ambassadorAnswer) && text.split(separator: "\n", omittingEmptySubsequences: false).count == 2, "file: \(text.debugDescription)")  // one answer line, no spacing line
        #expect(!text.contains("Mondo —"))
        #expect(!text.contains("mondo>"))
        #expect(!s.screen().contains(ambassadorAnswer))
    }

    @Test(":source at a terminal shows the paragraph behind the answer, the fact's sentence marked; nothing after a decline",
          .timeLimit(.minutes(1)))
    func sourceCommand() throws {
        let home = try Mondo.tempDir()
        let exe = try #require(Mondo.binary, "mondo executable not found next to the test bundle")
        let s = try PTYSession(executable: exe, arguments: ["--pack", Mondo.root + "/Tests/Fixtures/provenance/Intents"],
                               home: home, rows: 30, columns: 200)
        #expect(s.waitFor("mondo> "))
        var m = s.typeAtPrompt("Who founded Velmora?\r", since: 0)
        #expect(s.waitFor("The fisher Ada Quell founded Velmora in 1642.", since: m))
        m = s.typeAtPrompt(":source\r", since: m)
        #expect(s.waitFor("»It was founded in 1642 by the fisher Ada Quell.«", since: m), "screen: \(s.screen(since: m))")
        #expect(s.screen(since: m).contains("¶1  (line 3)"))
        m = s.typeAtPrompt("What colour are the boats?\r", since: m)
        m = s.typeAtPrompt(":source\r", since: m)
        #expect(s.waitFor("Nothing to show: the last question was not answered", since: m), "screen: \(s.screen(since: m))")
        quit(s, since: m)
    }
}

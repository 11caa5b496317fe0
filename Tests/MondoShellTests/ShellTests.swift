import Foundation
import Testing
import LineEditor
@testable import MondoCore
@testable import MondoShell

enum Paths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var intents: String { root + "/Intents" }
    static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/packs/" + name }

    /// A fresh temporary directory.
    static func tempDir() throws -> String {
        let d = NSTemporaryDirectory() + "mondo-shell-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}

let engine: Engine = {
    do { return try Engine(packDirectory: Paths.intents) } catch { fatalError("\(error)") }
}()

/// A shell over the shipped pack with captured output.
struct Session {
    let shell: Shell
    let out = BufferOutput()
    let err = BufferOutput()
    init(format: OutputFormat = .text, engine e: Engine = engine, packDirectory: String = Paths.intents) {
        shell = Shell(engine: e, packDirectory: packDirectory, format: format, out: out, err: err)
    }
    /// Runs the shell over `text` as piped input; returns the exit status.
    @discardableResult
    func run(_ text: String, maxLineBytes: Int = StreamLineReader.defaultMaxLineBytes) -> Int32 {
        shell.run(reader: StreamLineReader(text: text, maxLineBytes: maxLineBytes))
    }
    var lines: [String] { out.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

func jsonObject(_ line: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

let q1 = "How many Japanese people visited Viet Nam last year?"
let a1 = "About 710,000 Japanese people visited Viet Nam in 2024."
let q2 = "How many Vietnamese people visited Japan in 2024?"
let a2 = "About 620,000 Vietnamese people visited Japan in 2024."

@Suite("Shell: JSON output")
struct ShellJSONTests {
    @Test func oneObjectPerQuestionWithContractFieldsFirst() throws {
        let s = Session(format: .json)
        #expect(s.run("\(q1)\nWhat is the population of Ha Noi?\n") == 0)
        #expect(s.lines.count == 2)
        let answered = try #require(jsonObject(s.lines[0]))
        #expect(answered["question"] as? String == q1)
        #expect(answered["answer"] as? String == a1)
        #expect(answered["intent"] as? String == "visitors.japanese_to_vietnam_2024")
        #expect(answered["facts"] as? [String] == ["visitors_jp_to_vn_2024"])
        #expect(s.lines[0].hasPrefix("{\"question\":\(JSONValue.quote(q1)),\"answer\":\(JSONValue.quote(a1)),\"intent\":\"visitors.japanese_to_vietnam_2024\",\"facts\":[\"visitors_jp_to_vn_2024\"],"))
        let declined = try #require(jsonObject(s.lines[1]))
        #expect(declined["intent"] is NSNull)
        #expect(declined["facts"] as? [String] == [])
        #expect(s.lines[1].hasPrefix("{\"question\":\"What is the population of Ha Noi?\",\"answer\":"))
        #expect(s.lines[1].contains(",\"intent\":null,\"facts\":[],"))
    }

    @Test func jsonEscapesSpecialCharacters() {
        #expect(JSONValue.quote("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
        #expect(JSONValue.object([("b", .number(1)), ("a", .null)]).serialized == "{\"b\":1,\"a\":null}")
        #expect(JSONValue.number(0.125).serialized == "0.125")
    }

    @Test func metaCommandOutputIsJSONToo() throws {
        let s = Session(format: .json)
        s.run(":reset\n")
        let first = try #require(s.lines.first)
        let o = try #require(jsonObject(first))
        #expect(o["command"] as? String == ":reset")
        #expect(o["output"] as? String == "Conversation forgotten; the next question starts afresh.")
    }
}

@Suite("Shell: meta-commands")
struct ShellCommandTests {
    @Test func help() {
        let s = Session()
        s.run(":help\n")
        #expect(s.out.text.hasPrefix("Type a question about the Bridges interview with Ambassador Ito Naoki, or a command:\n"))
        for c in Shell.commands { #expect(s.out.text.contains("  :\(c.name)"), "missing :\(c.name)") }
    }

    @Test func topics() throws {
        let s = Session()
        s.run(":topics\n")
        let lines = s.out.text.split(separator: "\n").map(String.init)
        let topics = TopicsCommand.topics(engine.pack)
        #expect(lines.first == "\(topics.count) topics, \(engine.pack.intents.count) kinds of question. :topics NAME lists a topic's example questions.")
        #expect(lines.count == topics.count + 2)
        // One row per topic: its name, its intents and example questions counted, its description.
        let visitors = try #require(lines.first { $0.hasPrefix("  visitors ") })
        let intents = engine.pack.intents.filter { $0.id.hasPrefix("visitors.") }
        let cells = visitors.split(separator: " ", maxSplits: 3)
        #expect(cells[1] == "\(intents.count)")
        #expect(cells[2] == "\(intents.flatMap(\.examples).count)")
        #expect(cells[3].trimmingCharacters(in: .whitespaces) == engine.pack.topicDescriptions["visitors"])
        #expect(topics.allSatisfy { $0.description != nil }, "every shipped topic has a description")
    }

    @Test func topicsNameListsItsExamplesAndSuggestsANearName() {
        let s = Session()
        s.run(":topics visitors\n:topics investment_trade\n:topics azec\n:topics vistors\n:topics weather\n")
        let visitors = engine.pack.intents.filter { $0.id.hasPrefix("visitors.") }
        #expect(s.out.text.hasPrefix("visitors: \(engine.pack.topicDescriptions["visitors"]!)\n\(visitors.count) kinds of question, for example:\n"))
        for i in visitors { #expect(s.out.text.contains("  “\(i.examples[0])”\n")) }
        #expect(s.out.text.contains("investment trade: "))
        #expect(s.out.text.contains("azec energy: "))
        #expect(s.out.text.contains("No topic 'vistors'. Did you mean :topics visitors?\n"))
        #expect(s.out.text.contains("No topic 'weather'. The topics are: ambassador, azec energy, "))
    }

    @Test func whyExplainsTheLastAnswer() {
        let s = Session()
        s.run("\(q1)\n:why\n")
        #expect(s.out.text.hasPrefix(a1 + "\nquestion:    \(q1)\n"))
        #expect(s.out.text.contains("kind:        number"))
        #expect(s.out.text.contains("times:       2024 (\"last year\")"))
        #expect(s.out.text.contains("intent:      visitors.japanese_to_vietnam_2024 (score "))
        #expect(s.out.text.contains("fact:        visitors_jp_to_vn_2024 [Q2 ¶4] Japanese visitors to Viet Nam"))
    }

    @Test func whyShowsCorrections() {
        let s = Session()
        s.run(":why How many Japanes tourists visited Viet Nam in 2024?\n")
        #expect(s.out.text.contains("corrected:   japanes → japanese"))
    }

    @Test func whyBeforeAnyQuestion() {
        let s = Session()
        s.run(":why\n")
        #expect(s.out.text == "Nothing to explain yet: ask a question first, or type :why QUESTION.\n")
    }

    @Test func whyWithAQuestionDoesNotChangeTheContext() {
        let s = Session()
        s.run(":why \(q1)\n:context\n")
        #expect(s.out.text.hasSuffix("Nothing remembered yet (0 turns so far).\n"))
        #expect(s.shell.turns.isEmpty)
    }

    @Test func traceOnAddsTheExplanation() {
        let s = Session()
        s.run(":trace on\n\(q1)\n:trace off\n\(q2)\n")
        #expect(s.out.text.hasPrefix("Trace on: every answer is followed by its explanation.\n\(a1)\n  | question:    \(q1)\n"))
        #expect(s.out.text.hasSuffix("Trace off.\n\(a2)\n"))
        #expect(!s.shell.trace)
    }

    @Test func traceUsage() {
        let s = Session()
        s.run(":trace maybe\n")
        #expect(s.out.text == "Usage: :trace on|off (it is off).\n")
    }

    @Test func contextAndReset() {
        let s = Session()
        s.run(":context\n\(q1)\n:context\n:reset\n:context\n")
        let expected = """
        Nothing remembered yet (0 turns so far).
        \(a1)
        Last answered: visitors.japanese_to_vietnam_2024
        Slots: source=japan, target=vietnam, time=2024
        Entities: japanese, vietnam
        Turns so far: 1
        Conversation forgotten; the next question starts afresh.
        Nothing remembered yet (0 turns so far).

        """
        #expect(s.out.text == expected)
    }

    @Test func followUpUsesTheContextAndResetForgetsIt() {
        let s = Session()
        s.run("\(q1)\nand the other way round?\n:reset\nand the other way round?\n")
        #expect(s.lines.count == 4)
        #expect(s.lines[1] == a2)
        #expect(s.shell.turns.last?.response.intent == nil)
    }

    @Test func historyListsTheQuestionsAsked() throws {
        let s = Session()
        _ = try s.shell.handle(q1)
        _ = try s.shell.handle(q2)
        _ = try s.shell.handle(":history 1")
        #expect(s.out.text.hasSuffix("    2  \(q2)\n"))
        _ = try s.shell.handle(":history")
        #expect(s.out.text.hasSuffix("    1  \(q1)\n    2  \(q2)\n"))
    }

    @Test func saveThenReplayPasses() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/session.transcript"
        let s = Session()
        s.run("\(q1)\nand the other way round?\nWhat is the population of Ha Noi?\n:save \(file)\n")
        #expect(s.out.text.hasSuffix("Saved 3 exchanges to \(file).\n"))
        let t = try Transcript.load(path: file)
        #expect(t.exchanges.count == 3)
        #expect(t.exchanges[2].expectDecline)
        let result = TranscriptRunner.replay(t, engine: engine)
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description))")
    }

    @Test func saveWithoutAFileShowsUsage() {
        let s = Session()
        s.run(":save\n")
        #expect(s.out.text.hasPrefix("Usage: :save FILE"))
    }

    @Test func saveToAnUnwritablePathReportsAnError() {
        let s = Session()
        s.run(":save /nonexistent-dir/x.transcript\n")
        #expect(s.err.text.hasPrefix("mondo: cannot write '/nonexistent-dir/x.transcript': "))
    }

    @Test func reloadKeepsTheOldPackOnErrors() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = dir + "/pack"
        try FileManager.default.copyItem(atPath: Paths.fixture("mini"), toPath: pack)
        let mini = try Engine(packDirectory: pack)
        let s = Session(engine: mini, packDirectory: pack)
        let q = "How many Japanese tourists visited Viet Nam in 2024?"
        let a = "About 710,000 Japanese people visited Viet Nam in 2024."
        s.run(":reload\n")
        #expect(s.out.text == "Reloaded 1 intents and 1 facts from \(pack).\n")
        // Break the topic file: an unknown concept.
        let topic = pack + "/topics/visits.yaml"
        let text = try String(contentsOfFile: topic, encoding: .utf8)
        try text.replacingOccurrences(of: "[~visit,", with: "[~vizit,").write(toFile: topic, atomically: true, encoding: .utf8)
        let s2 = Session(engine: s.shell.engine, packDirectory: pack)
        s2.run(":reload\n\(q)\n")
        #expect(s2.out.text == "The pack has errors; the previous pack is still in use.\n\(a)\n")
        #expect(s2.err.text.contains("\(topic):13:15: error: unknown concept '~vizit'; did you mean '~visit'?\n    require: [~vizit, [~japan, ~japanese]]\n              ^\n"), "\(s2.err.text)")
        #expect(s2.shell.engine.pack.intents.count == 1)
    }

    @Test("unknown commands suggest the nearest", arguments: [
        (":hlep", "Unknown command ':hlep'. Did you mean :help? (:help lists them all)\n"),
        (":topic", "Unknown command ':topic'. Did you mean :topics? (:help lists them all)\n"),
        (":rset", "Unknown command ':rset'. Did you mean :reset? (:help lists them all)\n"),
        (":frobnicate", "Unknown command ':frobnicate'. Type :help for the list.\n"),
    ])
    func unknownCommand(line: String, expected: String) {
        let s = Session()
        s.run(line + "\n")
        #expect(s.out.text == expected)
    }

    @Test func quitStopsReading() {
        let s = Session()
        #expect(s.run("\(q1)\n:quit\n\(q2)\n") == 0)
        #expect(s.out.text == a1 + "\n")
    }
}

@Suite("Shell: batch input")
struct ShellBatchTests {
    @Test func blankAndCommentLinesAreIgnored() {
        let s = Session(format: .json)
        s.run("\n# a comment line\n   \n\t\n\(q1)\n#another\n")
        #expect(s.lines.count == 1)
        #expect(s.shell.turns.count == 1)
    }

    @Test func jsonLinesInput() throws {
        let s = Session(format: .json)
        s.run("{\"question\": \"\(q1)\"}\n\"\(q2)\"\n{\"reset\": true}\n{\"q\": \"and the other way round?\"}\n")
        #expect(s.lines.count == 3)
        #expect(jsonObject(s.lines[0])?["question"] as? String == q1)
        #expect(jsonObject(s.lines[0])?["answer"] as? String == a1)
        #expect(jsonObject(s.lines[1])?["answer"] as? String == a2)
        // After the reset, the follow-up has nothing to follow.
        #expect(jsonObject(s.lines[2])?["intent"] is NSNull)
        #expect(s.err.text.isEmpty)
    }

    @Test func invalidJSONIsAnsweredAsText() {
        let s = Session(format: .json)
        s.run("{not json\n{\"nothing\": 1}\n")
        #expect(s.err.text == "mondo: line 1: not valid JSON; answered as plain text\nmondo: line 2: a JSON object needs a \"question\" string; answered as plain text\n")
        #expect(s.lines.count == 2)
    }

    @Test func tooLongLineIsReportedAndSkipped() throws {
        let s = Session(format: .json)
        let long = String(repeating: "x", count: 500)
        #expect(s.run("\(long)\n\(q1)\n", maxLineBytes: 100) == 0)
        #expect(s.err.text == "mondo: line 1 is too long (500 bytes; the limit is 100); skipped\n")
        #expect(s.lines.count == 2)
        let e = try #require(jsonObject(s.lines[0]))
        #expect(e["intent"] is NSNull)
        #expect(e["error"] as? String == "line 1 is too long (500 bytes; the limit is 100); skipped")
        #expect(jsonObject(s.lines[1])?["answer"] as? String == a1)
    }

    @Test func invalidUTF8IsReplacedAndTheSessionGoesOn() throws {
        let s = Session(format: .json)
        var warnings: [LineEditorWarning] = []
        let bytes: [UInt8] = [0x66, 0xFF, 0xFE, 0x6F, 0x0A] + Array("\(q1)\n".utf8)
        let status = s.shell.run(reader: StreamLineReader(bytes: bytes, warning: { warnings.append($0) }))
        #expect(status == 0)
        #expect(warnings == [.invalidUTF8(line: 1)])
        #expect(s.lines.count == 2)
        let first = try #require(jsonObject(s.lines[0]))
        #expect((first["question"] as? String)?.contains("\u{FFFD}") == true)
        #expect(first["intent"] is NSNull)
        #expect(jsonObject(s.lines[1])?["answer"] as? String == a1)
    }

    final class ClosedOutput: OutputSink {
        func write(_ text: String) throws { throw OutputError() }
    }

    @Test func closedOutputEndsTheRunWithStatusOne() {
        let shell = Shell(engine: engine, packDirectory: Paths.intents, format: .text, out: ClosedOutput(), err: BufferOutput())
        #expect(shell.run(reader: StreamLineReader(text: "\(q1)\n\(q2)\n")) == 1)
        #expect(shell.turns.count == 1)
    }

    @Test func textOutputHasNoPromptOrBannerInBatch() {
        let s = Session()
        s.run("\(q1)\n\(q2)\n")
        #expect(s.out.text == "\(a1)\n\(a2)\n")
    }
}

/// An interactive reader with scripted lines, recording what goes to history.
final class ScriptedTerminalReader: LineReader {
    var lines: [String]
    var history: [String] = []
    var isInteractive: Bool { true }
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> LineReadResult { lines.isEmpty ? .endOfInput : .line(lines.removeFirst()) }
    func addHistory(_ line: String) { history.append(line) }
}

@Suite("REPL history") struct REPLHistoryTests {
    @Test func trailingBlanksAreNotKeptInHistory() {
        let reader = ScriptedTerminalReader([":help ", "who is the ambassador?  \t"])
        let s = Session()
        _ = s.shell.run(reader: reader)
        #expect(reader.history == [":help", "who is the ambassador?"])
    }
}

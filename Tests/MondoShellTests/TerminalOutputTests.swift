import Foundation
import Testing
import LineEditor
@testable import MondoCore
@testable import MondoShell

/// Layout at a terminal: display widths, wrapping, secondary text and its colour, "understood
/// as" notes; and that output to a pipe (no ``Shell/terminal``) is exactly the engine's answer.
@Suite("terminal output")
struct TerminalOutputTests {
    @Test func displayWidthCountsWideCharactersTwiceAndMarksNever() {
        #expect(DisplayWidth.of("Viet Nam") == 8)
        #expect(DisplayWidth.of("Việt Nam") == 8)  // precomposed
        #expect(DisplayWidth.of("Vie\u{0323}\u{0302}t") == 4)  // combining marks
        #expect(DisplayWidth.of("日本と越南") == 10)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana stay narrow
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
    }

    @Test func wrapBreaksAtWordBoundariesWithinTheWidth() {
        let text = "About 710,000 Japanese people visited Viet Nam in 2024, and about 620,000 Vietnamese people visited Japan in the same year."
        for width in [20, 33, 40, 57, 80] {
            let wrapped = TextWrap.wrap(text, width: width)
            let lines = wrapped.split(separator: "\n").map(String.init)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            // Only spaces became line breaks: no word was cut.
            #expect(lines.joined(separator: " ") == text, "\(width)")
            // Greedy: the next word would not have fitted on each line.
            for (line, next) in zip(lines, lines.dropFirst()) {
                #expect(DisplayWidth.of(line) + 1 + DisplayWidth.of(next.split(separator: " ")[0]) > width)
            }
        }
        #expect(TextWrap.wrap(text, width: 200) == text)
    }

    @Test func wrapCountsWideCharactersAndKeepsLinesAndIndentation() {
        let wide = "東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜"
        let lines = TextWrap.wrap(wide, width: 12).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 12 })
        #expect(lines.first == "東京 大阪")
        // Existing line breaks stay; a list item's continuation is indented under its text.
        let list = "Three projects:\n- the first one has a rather long description that wraps\n  1. numbered items hang under their text too"
        let out = TextWrap.wrap(list, width: 30)
        #expect(out == """
            Three projects:
            - the first one has a rather
              long description that wraps
              1. numbered items hang under
                 their text too
            """)
    }

    @Test func tableRowsKeepTheirColumnsAndHangUnderTheLast() {
        let row = "  visitors   20   110  Travel both ways: visitor numbers, growth and targets"
        #expect(TextWrap.wrap(row, width: 50) == """
              visitors   20   110  Travel both ways: visitor
                                   numbers, growth and targets
            """)
    }

    @Test func aLongWordIsMovedWholeAndCutOnlyWhenWiderThanTheLine() {
        #expect(TextWrap.wrap("see https://example.org/a/very/long/path now", width: 30)
            == "see\nhttps://example.org/a/very/lon\ng/path now")
        #expect(TextWrap.wrap("short community words", width: 12) == "short\ncommunity\nwords")
    }

    /// A shell writing to a VisibleControls buffer, as standard output is, laid out for a
    /// terminal of `width` columns.
    func terminalSession(width: Int?, color: Bool) -> (Shell, BufferOutput) {
        let buffer = BufferOutput()
        let shell = Shell(engine: engine, packDirectory: Paths.intents, format: .text, out: VisibleControls(buffer), err: BufferOutput())
        shell.terminal = TerminalLayout(width: { width }, color: color)
        return (shell, buffer)
    }

    @Test func answersAreWrappedToTheWidthAskedAtEachAnswer() throws {
        let question = "How many more Japanese visited Vietnam than Vietnamese visited Japan in 2024?"
        var context = DialogueContext()
        let response = engine.respond(to: question, context: &context)
        let answer = response.answer
        #expect(response.intent != nil && DisplayWidth.of(answer) > 100)
        let box = WidthBox(40)
        let buffer = BufferOutput()
        let shell = Shell(engine: engine, packDirectory: Paths.intents, format: .text, out: VisibleControls(buffer), err: BufferOutput())
        shell.terminal = TerminalLayout(width: { box.value }, color: false)
        try shell.ask(question)
        let narrow = buffer.text.split(separator: "\n")
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(narrow)")
        #expect(narrow.joined(separator: " ") == answer)
        box.value = 100  // the window was resized
        try shell.ask(question)
        let wide = buffer.text.split(separator: "\n").dropFirst(narrow.count)
        #expect(wide.contains { DisplayWidth.of($0) > 40 })
        #expect(wide.allSatisfy { DisplayWidth.of($0) <= 100 })
    }

    @Test func metaCommandOutputIsWrappedAtATerminalToo() throws {
        let (shell, out) = terminalSession(width: 40, color: true)
        #expect(try shell.handle(":topics azec"))
        let lines = out.text.split(separator: "\n")
        #expect(lines.count > 10 && lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
        #expect(out.text.contains("  “How are Japan and Vietnam cooperating\n  on green transformation and energy?”\n"), "\(out.text)")
        #expect(!out.text.contains("\u{1B}"))
    }

    @Test func outputWithoutATerminalIsTheAnswerAsItIs() throws {
        let s = Session()
        let questions = ["How many more Japanese visited Vietnam than Vietnamese visited Japan in 2024?", "how mnay japanse visited viet nam last year", "What is the population of Ha Noi?"]
        s.run(questions.joined(separator: "\n") + "\n")
        var context = DialogueContext()
        let expected = questions.map { engine.respond(to: $0, context: &context).answer + "\n" }.joined()
        #expect(s.out.text == expected)
    }

    @Test func declineSuggestionsAreSetApartAndDimOnlyWithColour() throws {
        let question = "What is the population of Ha Noi?"
        var context = DialogueContext()
        let answer = engine.respond(to: question, context: &context).answer
        let main = Engine.withoutSuggestions(answer)
        try #require(main != answer, "the decline has suggestions")
        let rest = answer.dropFirst(main.count).trimmingCharacters(in: .whitespaces)

        let (plain, plainOut) = terminalSession(width: 500, color: false)
        try plain.ask(question)
        #expect(plainOut.text == main + "\n" + rest + "\n")

        let (colored, coloredOut) = terminalSession(width: 500, color: true)
        try colored.ask(question)
        #expect(coloredOut.text == main + "\n\u{1B}[2m" + rest + "\u{1B}[22m\n")
    }

    @Test func understoodAsNotesCorrectedContentWordsAndCanBeTurnedOff() throws {
        let (shell, out) = terminalSession(width: 500, color: false)
        try shell.ask("how mnay japanse visited viet nam last year")
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("710,000") == true)
        #expect(lines.last == "(read “mnay” as “many”; “japanse” as “japanese”)")

        // A correction to a mere function word is not worth a note; no correction, no note.
        var context = DialogueContext()
        let teh = engine.respond(to: "who is teh ambassador", context: &context)
        #expect(UnderstoodAs.note(teh, language: engine.pack.language) == nil || !UnderstoodAs.note(teh, language: engine.pack.language)!.contains("“teh”"))
        let clean = engine.respond(to: "How many Japanese visited Viet Nam last year?", context: &context)
        #expect(UnderstoodAs.note(clean, language: engine.pack.language) == nil)

        #expect(try shell.handle(":notes off"))
        let mark = out.text.count
        try shell.ask("how mnay japanse visited viet nam last year")
        #expect(!out.text.dropFirst(mark).contains("(read"))
        #expect(try shell.handle(":notes on"))
        #expect(out.text.hasSuffix("Notes on: a spelling correction is shown after the answer, on a terminal.\n"))
    }

    @Test func styledTextNeverCarriesItsOwnEscapes() throws {
        let buffer = BufferOutput()
        try VisibleControls(buffer).write("a\u{1B}[31mred\u{7}\nb", style: .secondary)
        #expect(buffer.text == "\u{1B}[2ma^[[31mred^G\u{1B}[22m\n\u{1B}[2mb\u{1B}[22m")
        let plain = BufferOutput()
        try plain.write("x", style: .secondary)  // a sink that knows no styles
        #expect(plain.text == "x")
    }

    @Test func colourModes() {
        #expect(ColorMode.auto.enabled(isTerminal: true, environment: [:]))
        #expect(!ColorMode.auto.enabled(isTerminal: false, environment: [:]))
        #expect(!ColorMode.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorMode.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(ColorMode.always.enabled(isTerminal: false, environment: [:]))
        #expect(!ColorMode.always.enabled(isTerminal: false, environment: ["NO_COLOR": "yes"]))
        #expect(!ColorMode.never.enabled(isTerminal: true, environment: [:]))
    }

    @Test func progressLineRewritesOneLineAndClearsIt() {
        let buffer = BufferOutput()
        let p = ProgressLine(sink: buffer, minimumInterval: .seconds(3600))
        p.update("checking", done: 0, of: 3)
        p.update("checking", done: 1, of: 3)  // too soon: not drawn
        p.update("checking", done: 3, of: 3)  // the last is always drawn
        p.clear()
        p.clear()  // nothing shown: nothing written
        #expect(buffer.text == "\r\u{1B}[Kchecking 0/3 …\r\u{1B}[Kchecking 3/3 …\r\u{1B}[K")
    }

    @Test func robustnessReportsProgressAndLeavesNothingBehind() throws {
        let river = try RiverPack(transcript: "> How long is the Nile?\nThe Nile is 6,650 kilometres long.\n")
        defer { river.remove() }
        let progress = BufferOutput(), out = BufferOutput()
        let status = RobustnessReport.run(paths: [river.transcript], engine: try Engine(packDirectory: river.pack), seed: 1, format: .json,
                                          listAll: false, minimum: nil, out: out, err: BufferOutput(),
                                          progress: ProgressLine(sink: progress, minimumInterval: .zero))
        #expect(status == 0)
        #expect(progress.text.contains("\r\u{1B}[Kvarying questions 0/1 …"), "\(progress.text.debugDescription)")
        #expect(progress.text.contains("replaying transcripts 0/1"))
        #expect(progress.text.hasSuffix("\r\u{1B}[K"))
        #expect(!out.text.contains("\r"))
    }
}

extension TerminalOutputTests {
    @Test func testClearsItsProgressLineBeforeAFailureAndTheSummary() throws {
        let river = try RiverPack(transcript: "> How long is the Nile?\nNot long at all.\n")
        defer { river.remove() }
        let screen = BufferOutput()  // standard output and standard error on one terminal
        let status = TranscriptCommand.run(paths: [river.transcript], engine: try Engine(packDirectory: river.pack), update: false,
                                           out: screen, err: screen, progress: ProgressLine(sink: screen, minimumInterval: .zero))
        #expect(status == 1)
        #expect(screen.text.hasPrefix("\r\u{1B}[Kreplaying transcripts 0/1 …\r\u{1B}[K\(river.transcript):"), "\(screen.text.debugDescription)")
        #expect(screen.text.hasSuffix("0 passed, 1 failed\n"))
        #expect(screen.text.components(separatedBy: "\u{1B}[K").count == 3, "drawn once, cleared once")
    }
}

/// A mutable width for a layout closure (a resize in a test).
final class WidthBox: @unchecked Sendable {
    var value: Int
    init(_ value: Int) { self.value = value }
}

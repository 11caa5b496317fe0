import Foundation
import Testing
import LineEditor
@testable import MondoCore
@testable import MondoShell
#if canImport(Glibc)
import Glibc
#endif

/// Output that cannot be written: a closed pipe stops quietly, any other reason is said.
@Suite("Errors: output that cannot be written")
struct OutputErrorTests {
    /// A sink whose writes fail with `code`.
    final class FailingOutput: OutputSink {
        let code: Int32
        init(_ code: Int32) { self.code = code }
        func write(_ text: String) throws { throw OutputError(code: code) }
    }

    static let q = "who is the ambassador"

    @Test func aFullDiskIsReportedWithItsReason() {
        let err = BufferOutput()
        let shell = Shell(engine: engine, packDirectory: Paths.intents, format: .text, out: FailingOutput(ENOSPC), err: err)
        #expect(shell.run(reader: StreamLineReader(text: "\(Self.q)\n")) == 1)
        #expect(err.text == "mondo: cannot write output: No space left on device\n")
    }

    @Test func aClosedPipeStopsQuietly() {
        let err = BufferOutput()
        let shell = Shell(engine: engine, packDirectory: Paths.intents, format: .text, out: FailingOutput(EPIPE), err: err)
        #expect(shell.run(reader: StreamLineReader(text: "\(Self.q)\n")) == 1)
        #expect(err.text.isEmpty)
    }

    @Test func theFileOutputCarriesErrno() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(throws: OutputError.self) { try FileOutput(fd: fd).write("x") }
        do { try FileOutput(fd: fd).write("x") } catch let e as OutputError {
            #expect(e.code == ENOSPC && !e.isClosedPipe)
        } catch { Issue.record("\(error)") }
    }

    @Test func everyAuthoringCommandReportsIt() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = dir + "/a.transcript"
        try "> \(Self.q)\n".write(toFile: t, atomically: true, encoding: .utf8)
        let runs: [(String, (OutputSink, OutputSink) -> Int32)] = [
            ("test", { TranscriptCommand.run(paths: [t], engine: engine, update: false, out: $0, err: $1) }),
            ("lint", { MondoShell.Lint.run(packDirectory: Paths.intents, transcripts: [t], out: $0, err: $1) }),
            ("coverage", { CoverageReport.run(paths: [t], engine: engine, format: .text, out: $0, err: $1) }),
            ("robustness", { RobustnessReport.run(paths: [t], engine: engine, seed: 1, format: .text, listAll: false, minimum: nil, out: $0, err: $1) }),
        ]
        for (name, run) in runs {
            let err = BufferOutput()
            #expect(run(FailingOutput(EIO), err) == 1, "\(name)")
            #expect(err.text == "mondo: cannot write output: Input/output error\n", "\(name)")
            let quiet = BufferOutput()
            #expect(run(FailingOutput(EPIPE), quiet) == 1, "\(name)")
            #expect(quiet.text.isEmpty, "\(name)")
        }
    }

    @Test func fileErrorsGiveTheSystemReason() {
        #expect(FileErrors.reason(CocoaError(.fileWriteNoPermission)) == "Permission denied")
        #expect(FileErrors.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))) == "Read-only file system")
        #expect(FileErrors.reason(SystemError(code: ENOENT)) == "No such file or directory")
    }
}

/// Warnings about input lines name the file and count lines within it.
@Suite("Errors: warnings about -f files")
struct InputWarningTests {
    @Test func lineNumbersAreCountedPerFile() {
        let s = Session(format: .json)
        s.shell.run(reader: StreamLineReader(text: "who is the ambassador\n{bad\n"), source: "a.txt")
        s.shell.run(reader: StreamLineReader(text: "{also bad\n"), source: "b.txt")
        #expect(s.err.text == "mondo: a.txt:2: not valid JSON; answered as plain text\nmondo: b.txt:1: not valid JSON; answered as plain text\n")
    }

    @Test func tooLongLinesNameTheFile() {
        let s = Session()
        s.shell.run(reader: StreamLineReader(text: "x\n" + String(repeating: "y", count: 200) + "\n", maxLineBytes: 100), source: "q.txt")
        #expect(s.err.text == "mondo: q.txt:2: line is too long (200 bytes; the limit is 100); skipped\n")
    }
}

/// A JSON question with a line break is one question: it is saved on one line and replays.
@Suite("Errors: JSON questions with line breaks")
struct JSONLineBreakTests {
    @Test func saveThenReplayRoundTrips() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/s.transcript"
        let s = Session(format: .json)
        s.run("{\"question\": \"who is\\nthe ambassador\"}\n{\"question\": \"How many Japanese\\r\\n\\tpeople visited Viet Nam in 2024?\"}\n:save \(path)\n")
        #expect(s.err.text.isEmpty, "\(s.err.text)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\n> who is the ambassador\n"))
        #expect(text.contains("\n> How many Japanese people visited Viet Nam in 2024?\n"))
        let t = try Transcript.load(path: path)
        #expect(t.exchanges.count == 2)
        let (_, failures) = TranscriptRunner.replay(t, engine: engine)
        #expect(failures.isEmpty, "\(failures.map(\.description))")
    }

    @Test func renderKeepsAQuestionOnOneLine() {
        #expect(Transcript.oneLine("a\nb\r\nc\td") == "a b c d")
        #expect(Transcript.oneLine("plain  question") == "plain  question")
    }
}

/// `mondo lint --pack .` must not trap: the default transcripts folder of a relative pack path.
@Suite("Errors: relative pack paths")
struct RelativePackPathTests {
    @Test func defaultTranscriptsOfDot() {
        let cwd = FileManager.default.currentDirectoryPath
        let parent = ((cwd as NSString).standardizingPath as NSString).deletingLastPathComponent
        #expect(Authoring.defaultTranscripts(packDirectory: ".") == (parent as NSString).appendingPathComponent("Transcripts"))
        #expect(Authoring.defaultTranscripts(packDirectory: "/a/Intents") == "/a/Transcripts")
        #expect(Authoring.defaultTranscripts(packDirectory: "Intents") == "Transcripts")
    }
}

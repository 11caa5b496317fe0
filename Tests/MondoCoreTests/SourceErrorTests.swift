import Foundation
import Testing
@testable import MondoCore

/// A temporary pack: `pack.yaml` (name only unless given) and the files given, removed afterwards.
struct TempPack {
    let dir = NSTemporaryDirectory() + "mondo-pack-\(UUID().uuidString)"

    init(_ files: [String: String], raw: [String: [UInt8]] = [:]) throws {
        try FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
        var files = files
        if files["pack.yaml"] == nil { files["pack.yaml"] = "name: t\n" }
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        for (name, bytes) in raw { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
    }

    /// The errors of loading it (empty when it loads).
    func errors() -> [Diagnostic] {
        do { _ = try Pack.load(from: dir); return [] } catch { return error.diagnostics.filter { $0.severity == .error } }
    }

    /// The printed form of loading it.
    func printed() -> String {
        do { _ = try Pack.load(from: dir); return "" } catch { return error.description }
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

/// A topic file with one fact and one intent that uses it, for packs that must otherwise load.
let okTopic = """
facts:
  - id: jp
    type: quantity
    label: Japanese visitors
    value: 710000
    unit: people
    source: Q1
intents:
  - id: visits.jp
    require: [visit]
    facts: [jp]
    answer: "{{jp.display}} people."

"""

/// Errors in files that cannot be used say what and why: the OS reason, or the line and column
/// of the first bad byte with the line and a caret.
@Suite("Errors: unreadable and non-UTF-8 files")
struct SourceErrorTests {
    @Test func missingPackYAMLGivesTheReason() throws {
        let p = try TempPack(["topics/a.yaml": okTopic])
        defer { p.remove() }
        try FileManager.default.removeItem(atPath: p.dir + "/pack.yaml")
        #expect(p.printed() == "\(p.dir)/pack.yaml: error: cannot read: No such file or directory\n1 error in the pack")
    }

    @Test func aDirectoryInPlaceOfAFile() throws {
        let p = try TempPack(["topics/a.yaml": okTopic])
        defer { p.remove() }
        try FileManager.default.createDirectory(atPath: p.dir + "/topics/b.yaml", withIntermediateDirectories: true)
        #expect(p.errors().map(\.description) == ["\(p.dir)/topics/b.yaml: error: cannot read: Is a directory"])
    }

    @Test func packDirectoryThatIsAFile() throws {
        do { _ = try Pack.load(from: "/etc/hostname"); Issue.record("loaded") } catch {
            #expect(error.diagnostics.map(\.description) == ["/etc/hostname: error: cannot read the pack directory: Not a directory"])
        }
    }

    @Test func nonUTF8IsReportedAtTheBadByte() throws {
        // Line 2, after "  - id: jp" (10 columns): the bad byte is column 11.
        let bytes = Array("facts:\n  - id: jp".utf8) + [0xFF] + Array("y\n    type: text\n".utf8)
        let p = try TempPack(["topics/a.yaml": okTopic], raw: ["topics/b.yaml": bytes])
        defer { p.remove() }
        let path = p.dir + "/topics/b.yaml"
        #expect(p.errors().map(\.description) == ["""
            \(path):2:11: error: file contains the byte 0xFF, which is not valid UTF-8 (save the file as UTF-8)
              - id: jp\u{FFFD}y
                      ^
            """])
    }

    @Test func badBytesAfterMultibyteCharactersCountScalars() {
        let bytes = Array("é ü".utf8) + [0xC3, 0x28]
        guard case .failure(let d) = SourceFile.text(bytes, path: "f") else { Issue.record("accepted"); return }
        #expect(d.location == SourceLocation(path: "f", line: 1, column: 4))
        #expect(d.description.hasSuffix("é ü\u{FFFD}(\n   ^"))
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(SourceFile.firstInvalidByte([0x41, 0xC0, 0x80], rejectNUL: false) == 1)
        #expect(SourceFile.firstInvalidByte([0xED, 0xA0, 0x80], rejectNUL: false) == 0)
        #expect(SourceFile.firstInvalidByte(Array("ok ✓ 𝄞".utf8), rejectNUL: false) == nil)
        #expect(SourceFile.firstInvalidByte([0x41, 0x00], rejectNUL: false) == nil)
        #expect(SourceFile.firstInvalidByte([0x41, 0x00], rejectNUL: true) == 1)
    }
}

/// Transcripts that cannot be read say why, in a transcript's words (not "in the pack").
@Suite("Errors: transcripts that cannot be read")
struct TranscriptReadErrorTests {
    func tempFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "mondo-t-\(UUID().uuidString).transcript"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func missing() {
        do { _ = try Transcript.load(path: "/nonexistent/a.transcript"); Issue.record("loaded") } catch {
            #expect(error.description == "/nonexistent/a.transcript: error: cannot read: No such file or directory\n1 error in /nonexistent/a.transcript")
        }
    }

    @Test func binary() throws {
        let path = try tempFile(Array("> hello\nanswer\n> wh".utf8) + [0, 1, 2])
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try Transcript.load(path: path); Issue.record("loaded") } catch {
            #expect(error.diagnostics.map(\.description) == ["\(path):3:5: error: file contains a NUL byte (this looks like a binary file, not text)\n> wh\u{2400}\u{1}\u{2}\n    ^"])
            #expect(!error.description.contains("in the pack"))
        }
    }

    @Test func badUTF8() throws {
        let path = try tempFile(Array("> caf".utf8) + [0xE9] + Array("\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try Transcript.load(path: path); Issue.record("loaded") } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(path: path, line: 1, column: 6))
            #expect(error.description.hasSuffix("\n1 error in \(path)"))
        }
    }

    @Test func parseErrorsNameTheTranscript() {
        do { _ = try Transcript.parse("@decline\n", path: "x.transcript"); Issue.record("parsed") } catch {
            #expect(error.description.hasSuffix("\n1 error in x.transcript"))
        }
    }

    @Test func directiveWithTrailingTabIsNoUnknownDirective() throws {
        let t = try Transcript.parse("> hi\n@decline\t\n", path: "x")
        #expect(t.exchanges.first?.expectDecline == true)
    }
}

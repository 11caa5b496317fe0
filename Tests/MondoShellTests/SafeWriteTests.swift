import Foundation
import Testing
@testable import MondoShell
#if canImport(Glibc)
import Glibc
#endif

/// `:save` and `mondo test --update` write through ``SafeWrite``: links are followed, only
/// regular files are replaced, mode and owner are kept, failures leave the file as it was.
@Suite("safe writes") struct SafeWriteTests {
    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
    func mode(_ path: String) -> mode_t { var st = stat(); _ = lstat(path, &st); return st.st_mode }

    @Test func newFileGetsContents() throws {
        let d = try Paths.tempDir()
        try SafeWrite.replaceContents(of: d + "/a.transcript", with: "hello\n")
        #expect(read(d + "/a.transcript") == "hello\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: d) == ["a.transcript"], "no temporary file left behind")
    }

    @Test func symbolicLinkIsWrittenThroughAndStaysALink() throws {
        let d = try Paths.tempDir()
        try "old\n".write(toFile: d + "/target.transcript", atomically: false, encoding: .utf8)
        #expect(symlink("target.transcript", d + "/link.transcript") == 0)
        try SafeWrite.replaceContents(of: d + "/link.transcript", with: "new\n")
        #expect(mode(d + "/link.transcript") & S_IFMT == S_IFLNK)
        #expect(read(d + "/target.transcript") == "new\n")
    }

    @Test func danglingLinkCreatesItsTarget() throws {
        let d = try Paths.tempDir()
        #expect(symlink(d + "/later.transcript", d + "/link.transcript") == 0)
        try SafeWrite.replaceContents(of: d + "/link.transcript", with: "made\n")
        #expect(mode(d + "/link.transcript") & S_IFMT == S_IFLNK)
        #expect(read(d + "/later.transcript") == "made\n")
    }

    @Test func fifoIsRefusedAndStaysAFifo() throws {
        let d = try Paths.tempDir()
        #expect(mkfifo(d + "/pipe", 0o600) == 0)
        #expect(throws: WriteFailure.self) { try SafeWrite.replaceContents(of: d + "/pipe", with: "x") }
        do { try SafeWrite.replaceContents(of: d + "/pipe", with: "x") } catch {
            #expect(error.description.contains("FIFO"))
        }
        #expect(mode(d + "/pipe") & S_IFMT == S_IFIFO)
    }

    @Test func directoryAndDeviceAreRefused() throws {
        let d = try Paths.tempDir()
        #expect(throws: WriteFailure.self) { try SafeWrite.replaceContents(of: d, with: "x") }
        #expect(throws: WriteFailure.self) { try SafeWrite.replaceContents(of: "/dev/null", with: "x") }
        #expect(mode("/dev/null") & S_IFMT == S_IFCHR)
    }

    @Test func modeIsKept() throws {
        let d = try Paths.tempDir()
        let f = d + "/kept.transcript"
        try "old\n".write(toFile: f, atomically: false, encoding: .utf8)
        #expect(chmod(f, 0o640) == 0)
        try SafeWrite.replaceContents(of: f, with: "new\n")
        #expect(mode(f) & 0o7777 == 0o640)
        #expect(read(f) == "new\n")
    }

    @Test func ownerIsKept() throws {
        let d = try Paths.tempDir()
        let f = d + "/owned.transcript"
        try "old\n".write(toFile: f, atomically: false, encoding: .utf8)
        // Only root can give a file away; elsewhere this checks that our own files stay ours.
        let otherUser: uid_t = geteuid() == 0 ? 65534 : geteuid()
        _ = chown(f, otherUser, getegid())
        var before = stat(); _ = stat(f, &before)
        try SafeWrite.replaceContents(of: f, with: "new\n")
        var after = stat(); _ = stat(f, &after)
        #expect(after.st_uid == before.st_uid)
        #expect(after.st_gid == before.st_gid)
        #expect(read(f) == "new\n")
    }

    @Test func readOnlyFileIsRefusedAndUnchanged() throws {
        let d = try Paths.tempDir()
        let f = d + "/ro.transcript"
        try "old\n".write(toFile: f, atomically: false, encoding: .utf8)
        #expect(chmod(f, 0o444) == 0)
        do {
            try SafeWrite.replaceContents(of: f, with: "new\n")
            Issue.record("a read-only file was replaced")
        } catch {
            #expect(error.description.contains("read-only") || error.description.contains("Permission denied"))
        }
        #expect(read(f) == "old\n")
    }

    @Test func missingDirectoryGivesTheReason() throws {
        let d = try Paths.tempDir()
        do {
            try SafeWrite.replaceContents(of: d + "/no/such/dir/x.transcript", with: "x")
            Issue.record("wrote into a missing directory")
        } catch {
            #expect(error.description == "cannot write '\(d)/no/such/dir/x.transcript': No such file or directory")
        }
    }

    @Test func saveCommandWritesThroughALink() throws {
        let d = try Paths.tempDir()
        try "stale\n".write(toFile: d + "/real.transcript", atomically: false, encoding: .utf8)
        #expect(symlink(d + "/real.transcript", d + "/link.transcript") == 0)
        let s = Session()
        s.run("who is the ambassador?\n:save \(d)/link.transcript\n")
        #expect(mode(d + "/link.transcript") & S_IFMT == S_IFLNK)
        #expect(read(d + "/real.transcript")?.contains("who is the ambassador?") == true)
        #expect(s.err.text.isEmpty)
    }

    @Test func saveCommandReportsTheReason() throws {
        let d = try Paths.tempDir()
        #expect(mkfifo(d + "/fifo", 0o600) == 0)
        let s = Session()
        s.run("who is the ambassador?\n:save \(d)/fifo\n")
        #expect(s.err.text == "mondo: cannot write '\(d)/fifo': it is a FIFO, not a regular file; nothing was written\n")
        #expect(!s.out.text.contains("Saved"))
    }
}

/// Control characters from a pack or a question are shown, never sent to the terminal.
@Suite("visible control characters") struct VisibleTextTests {
    @Test func escapeSequencesAreShownInCaretNotation() {
        #expect(VisibleText.of("a\u{1B}[2J\u{1B}]0;PWNED\u{07}b") == "a^[[2J^[]0;PWNED^Gb")
        #expect(VisibleText.of("x\ry\u{7F}") == "x^My^?")
    }

    @Test func c1ControlsAndBidiOverridesAreNamed() {
        #expect(VisibleText.of("a\u{9B}31mb") == "a<U+009B>31mb")
        #expect(VisibleText.of("abc\u{202E}fed") == "abc<U+202E>fed")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Hà Nội — “quoted”\n\tindented 2,000 ¶4"
        #expect(VisibleText.of(text) == text)
    }

    @Test func jsonEscapesTheSameCharacters() {
        #expect(JSONValue.quote("a\u{1B}b\u{9B}c\u{7F}") == "\"a\\u001bb\\u009bc\\u007f\"")
    }

    @Test func sinkMakesEverythingVisible() throws {
        let buffer = BufferOutput()
        try VisibleControls(buffer).write("answer \u{1B}[2J\n")
        #expect(buffer.text == "answer ^[[2J\n")
    }
}

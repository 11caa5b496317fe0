import Foundation
import Testing
@testable import LineEditor

/// A fresh directory under the temporary directory, removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("le-history-\(UUID().uuidString)").path
    }

    func file(_ name: String) -> String { path + "/" + name }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func mode(_ path: String) -> mode_t? {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
}

@Suite("HistoryFile")
struct HistoryFileTests {
    static let tricky = [
        "Việt Nam", "日本", "how many Japanese live in Việt Nam?", "back\\slash \\\\ twice",
        "  two leading", "trailing  ", "line\nbreak", "tab\there", "\\040 looks encoded",
        "bell\u{7} del\u{7F} esc\u{1B}[0m", "nel\u{85} ls\u{2028}", "emoji 🇻🇳🇯🇵", "", "\\",
        "\r\n", "\\^I and \\M-a stay",
    ]

    @Test("vis encoding round-trips tricky text", arguments: tricky)
    func roundTrip(text: String) {
        let encoded = HistoryFile.encode(text)
        #expect(HistoryFile.decode(encoded) == text)
        #expect(!encoded.contains(" ") && !encoded.contains("\n") && !encoded.contains("\t"))
        #expect(!encoded.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test("encoding uses libedit's octal escapes and keeps non-ASCII letters")
    func encodingForm() {
        #expect(HistoryFile.encode("Việt Nam") == "Việt\\040Nam")
        #expect(HistoryFile.encode("a\\b") == "a\\134b")
        #expect(HistoryFile.encode("a\nb\tc") == "a\\012b\\011c")
        #expect(HistoryFile.encode("\u{1}\u{7F}") == "\\001\\177")
        #expect(HistoryFile.encode("日本") == "日本")
    }

    @Test("decoding accepts libedit's other vis forms")
    func decodingForms() {
        #expect(HistoryFile.decode("a\\040b\\40c\\0") == "a b c\u{0}")
        #expect(HistoryFile.decode("x\\\\y") == "x\\y")
        #expect(HistoryFile.decode("\\^I\\^?\\n\\t\\s") == "\t\u{7F}\n\t ")
        #expect(HistoryFile.decode("\\303\\251t\\303\\251") == "été")
        #expect(HistoryFile.decode("end\\") == "end\\")
        #expect(HistoryFile.decode("\\q") == "\\q")
    }

    @Test("reads a line exactly as libedit 3.1's H_SAVE wrote it")
    func libeditFixture() {
        // Written by history(H_SAVE) for "tab\there back\\slash nl\nx é\u{7F}".
        let saved = "tab\\011here\\040back\\134slash\\040nl\\012x\\040é\\^?"
        #expect(HistoryFile.decode(saved) == "tab\there back\\slash nl\nx é\u{7F}")
        #expect(HistoryFile.encode("tab\there back\\slash nl\nx é") == String(saved.dropLast(3)))
    }

    @Test("default location: MONDO_HISTORY, then XDG_STATE_HOME, then HOME")
    func location() {
        #expect(HistoryFile.defaultPath(environment: ["MONDO_HISTORY": "/x/h", "HOME": "/home/u"]) == "/x/h")
        #expect(HistoryFile.defaultPath(environment: ["MONDO_HISTORY": "", "HOME": "/home/u"]) == nil)
        #expect(HistoryFile.defaultPath(environment: ["MONDO_HISTORY": "off"]) == nil)
        #expect(HistoryFile.defaultPath(environment: ["MONDO_HISTORY": "NONE"]) == nil)
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/home/u"])
            == "/s/mondo/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"])
            == "/home/u/.local/state/mondo/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/mondo/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test("append creates the directory 0700 and the file 0600 with the header")
    func appendCreates() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("state/mondo/history")
        let file = HistoryFile(path: path)
        #expect(try file.load() == [])
        try file.append("Việt Nam")
        try file.append("a\\b c")
        #expect(mode(dir.path) == 0o700)
        #expect(mode(dir.file("state/mondo")) == 0o700)
        #expect(mode(path) == 0o600)
        #expect(contents(path) == "_HiStOrY_V2_\nViệt\\040Nam\na\\134b\\040c\n")
        #expect(try file.load() == ["Việt Nam", "a\\b c"])
    }

    @Test("append to a zero-byte file writes the header first and tightens the mode")
    func appendToEmpty() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        let path = dir.file("history")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644]))
        let file = HistoryFile(path: path)
        #expect(try file.load() == [])
        try file.append("x")
        #expect(contents(path) == "_HiStOrY_V2_\nx\n")
        #expect(mode(path) == 0o600)
    }

    @Test("a file that is not a libedit history file is moved aside, never written over",
          arguments: [
              ("ls -l\ncd /tmp\n", "is not a libedit history file"),  // GNU readline
              ("_HiStOrY_V2_\r\nx\r\n", "CRLF"),
              ("_HiSt", "truncated"),
              ("\u{0}\u{1}\u{FF}garbage", "not a text file"),
          ])
    func badFile(content: String, reasonFragment: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        let path = dir.file("history")
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        let log = WarningLog()
        let history = SessionHistory(file: HistoryFile(path: path), warning: log.record)
        #expect(history.entries == [])
        let warnings = log.all
        try #require(warnings.count == 1)
        guard case .historyFileMovedAside(let original, let movedTo, let reason) = warnings[0] else {
            Issue.record("unexpected warning \(warnings[0])")
            return
        }
        #expect(original == path)
        #expect(movedTo.hasPrefix(path + ".bad-"))
        #expect(reason.contains(reasonFragment))
        #expect(warnings[0].description.contains(movedTo))
        #expect(contents(movedTo) == content)
        #expect(!FileManager.default.fileExists(atPath: path))

        history.add("new line")
        #expect(contents(path) == "_HiStOrY_V2_\nnew\\040line\n")
        #expect(contents(movedTo) == content)
    }

    @Test("a bad file that appears after loading is moved aside by append")
    func badFileAtAppend() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("h/history")
        let file = HistoryFile(path: path)
        try file.append("one")
        try Data("readline stuff\n".utf8).write(to: URL(fileURLWithPath: path))
        let log = WarningLog()
        try file.append("two", warning: log.record)
        #expect(contents(path) == "_HiStOrY_V2_\ntwo\n")
        guard case .historyFileMovedAside(_, let movedTo, _)? = log.all.first else {
            Issue.record("no moved-aside warning")
            return
        }
        #expect(contents(movedTo) == "readline stuff\n")
    }

    @Test("blank lines, leading-space lines and consecutive duplicates are not stored")
    func recordingRules() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history")
        let history = SessionHistory(file: HistoryFile(path: path))
        var recorded: [Bool] = []
        for line in ["", "   ", "\t", " secret", "a", "a", "b", "a", "  "] { recorded.append(history.add(line)) }
        #expect(recorded == [false, false, false, false, true, false, true, true, false])
        #expect(history.entries == ["a", "b", "a"])
        #expect(contents(path) == "_HiStOrY_V2_\na\nb\na\n")
        // A new session sees the old lines, and does not repeat the last one.
        let next = SessionHistory(file: HistoryFile(path: path))
        #expect(next.entries == ["a", "b", "a"])
        #expect(next.add("a") == false)
    }

    @Test("over the cap by the margin, the file is rewritten with the newest entries")
    func capRewrite() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history")
        let file = HistoryFile(path: path, maxEntries: 5, rewriteMargin: 2)
        for i in 1...7 { try file.append("entry \(i)") }
        #expect(HistoryFile.parseEntries(Array(contents(path)!.utf8)).count == 7)
        #expect(try file.load() == (3...7).map { "entry \($0)" })  // load returns the newest 5
        try file.append("entry 8")
        #expect(contents(path) == "_HiStOrY_V2_\n" + (4...8).map { "entry\\040\($0)\n" }.joined())
        #expect(mode(path) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["history"])
    }

    @Test("a history path that is a symbolic link stays a link through cap rewrites")
    func symlinkedPathSurvivesRewrite() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.file("real"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("dots"), withIntermediateDirectories: true)
        #expect(symlink("../real/history", dir.file("dots/history")) == 0)
        let file = HistoryFile(path: dir.file("dots/history"), maxEntries: 3, rewriteMargin: 1)
        for i in 1...9 { try file.append("entry \(i)") }  // past the cap twice: rewritten by rename
        var st = stat()
        #expect(lstat(dir.file("dots/history"), &st) == 0 && st.st_mode & S_IFMT == S_IFLNK)
        #expect(try HistoryFile(path: dir.file("dots/history")).load().last == "entry 9")
        #expect(contents(dir.file("real/history"))?.hasSuffix("entry\\0409\n") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("dots")) == ["history"])
    }

    @Test("FinalPath follows a chain of links and stops at a loop")
    func finalPathChains() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        #expect(symlink("b", dir.file("a")) == 0)
        #expect(symlink(dir.file("c"), dir.file("b")) == 0)
        #expect(FinalPath.resolve(dir.file("a")) == dir.file("c"))
        #expect(symlink("loop2", dir.file("loop1")) == 0)
        #expect(symlink("loop1", dir.file("loop2")) == 0)
        #expect(FinalPath.resolve(dir.file("loop1")) == dir.file("loop1"))
        #expect(FinalPath.resolve(dir.file("plain")) == dir.file("plain"))
    }

    @Test("two writers appending at once lose nothing")
    func concurrentAppends() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("deep/history")
        let perWriter = 300
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let file = HistoryFile(path: path, maxEntries: 10_000)
            for i in 0..<perWriter { try? file.append("writer \(writer) line \(i)") }
        }
        let entries = try HistoryFile(path: path, maxEntries: 10_000).load()
        #expect(entries.count == 2 * perWriter)
        for writer in 0..<2 {
            let mine = entries.filter { $0.hasPrefix("writer \(writer) ") }
            #expect(mine == (0..<perWriter).map { "writer \(writer) line \($0)" })
        }
        #expect(contents(path)?.hasPrefix("_HiStOrY_V2_\n") == true)
        #expect(contents(path)?.components(separatedBy: "_HiStOrY_V2_").count == 2)
    }

    @Test("two writers appending while the cap rewrites keep the newest lines and a valid file")
    func concurrentAppendsWithRewrites() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history")
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let file = HistoryFile(path: path, maxEntries: 20, rewriteMargin: 5)
            for i in 0..<200 { try? file.append("w\(writer) \(i)") }
        }
        let text = try #require(contents(path))
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        let entries = HistoryFile.parseEntries(Array(text.utf8))
        #expect((20...25).contains(entries.count))
        // The newest line is some writer's last one, and that writer's lines form an unbroken
        // run up to it (nothing of the newest lines was lost). Each writer's lines stay in order.
        let last = try #require(entries.last)
        #expect(last == "w0 199" || last == "w1 199")
        let finisher = String(last.prefix(2))
        let numbers = { (w: String) in entries.filter { $0.hasPrefix(w + " ") }.map { Int($0.dropFirst(3))! } }
        let run = numbers(finisher)
        #expect(run == Array((200 - run.count)..<200))
        let other = numbers(finisher == "w0" ? "w1" : "w0")
        #expect(other == other.sorted() && Set(other).count == other.count)
        #expect(Set(entries).count == entries.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["history"])
    }

    @Test("an unwritable location is reported once and history goes on in memory")
    func unusableFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        // A regular file where the directory should be: mkdir fails with ENOTDIR/EEXIST.
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.file("blocker")))
        let log = WarningLog()
        let history = SessionHistory(file: HistoryFile(path: dir.file("blocker/sub/history")), warning: log.record)
        history.add("one")
        history.add("two")
        #expect(history.entries == ["one", "two"])
        #expect(history.file == nil)
        #expect(log.all.count == 1)
        if case .historyFileUnusable(let p, _)? = log.all.first {
            #expect(p == dir.file("blocker/sub/history"))
        } else {
            Issue.record("expected historyFileUnusable, got \(log.all)")
        }
    }
}

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `mondo` executable found next to the test bundle.
enum Mondo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let binary: String? = {
        var dirs: [String] = []
        if let p = Bundle.main.executablePath { dirs.append((p as NSString).deletingLastPathComponent) }
        dirs.append((Bundle.main.bundlePath as NSString).deletingLastPathComponent)
        dirs.append(Bundle.main.bundlePath)
        if let a = CommandLine.arguments.first { dirs.append((a as NSString).deletingLastPathComponent) }
        for d in dirs {
            let p = (d as NSString).appendingPathComponent("mondo")
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/packs/" + name }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
        var value: Data { lock.lock(); defer { lock.unlock() }; return data }
    }

    struct Result {
        var status: Int32
        var reason: Process.TerminationReason
        var stdoutData: Data
        var stderr: String
        var timedOut: Bool
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
        /// Line `i` of standard output, or "" when there are fewer lines (a timed-out or failed
        /// run must fail its expectations, not crash the test process).
        func line(_ i: Int) -> String { i < lines.count ? lines[i] : "" }
    }

    static let home: String = {
        let d = NSTemporaryDirectory() + "mondo-e2e-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    /// Runs mondo with `args`, feeding `input` on stdin; kills it after `timeout` seconds.
    /// - Parameters:
    ///   - environment: variables set (or, with an empty value, removed) for this run.
    ///   - stdoutPath: a file standard output goes to instead of a pipe (e.g. `/dev/full`).
    static func run(_ args: [String], input: Data = Data(), cwd: String? = nil, timeout: Double = 30,
                    environment: [String: String] = [:], stdoutPath: String? = nil) throws -> Result {
        signal(SIGPIPE, SIG_IGN)
        let exe = try #require(binary, "mondo executable not found next to the test bundle (\(Bundle.main.bundlePath))")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        env["MONDO_PACK"] = nil
        env["HOME"] = home
        // The compiled pack cache goes under the temporary home, not the user's.
        env["MONDO_CACHE_DIR"] = nil
        env["XDG_CACHE_HOME"] = nil
        for (k, v) in environment { env[k] = v.isEmpty ? nil : v }
        p.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        if let stdoutPath { p.standardOutput = FileHandle(forWritingAtPath: stdoutPath) } else { p.standardOutput = outPipe }
        p.standardError = errPipe
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        try p.run()
        // Dedicated threads, not Dispatch's shared pool: with many tests running in parallel and
        // waiting, the pool's threads can all be taken, and a writer that never runs leaves the
        // binary waiting for its input until the timeout.
        func detached(_ work: @escaping @Sendable () -> Void) {
            group.enter()
            Thread { work(); group.leave() }.start()
        }
        if stdoutPath == nil {
            detached { outBox.set(outPipe.fileHandleForReading.readDataToEndOfFile()) }
        }
        detached { errBox.set(errPipe.fileHandleForReading.readDataToEndOfFile()) }
        Thread {
            try? inPipe.fileHandleForWriting.write(contentsOf: input)
            try? inPipe.fileHandleForWriting.close()
        }.start()
        let timedOut = !waitFor(p, timeout: timeout)
        _ = group.wait(timeout: .now() + 5)
        return Result(status: p.terminationStatus, reason: p.terminationReason, stdoutData: outBox.value,
                      stderr: String(decoding: errBox.value, as: UTF8.self), timedOut: timedOut)
    }

    /// Waits for `p` to exit; on timeout kills it and returns false.
    static func waitFor(_ p: Process, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            return false
        }
        p.waitUntilExit()
        return true
    }

    static func tempDir() throws -> String {
        let d = NSTemporaryDirectory() + "mondo-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}

func json(_ line: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

let askJP = "How many Japanese people visited Viet Nam last year?"
let answerJP = "About 710,000 Japanese people visited Viet Nam in 2024."
let askVN = "How many Vietnamese people visited Japan in 2024?"
let answerVN = "About 620,000 Vietnamese people visited Japan in 2024."

@Suite("mondo binary", .serialized)
struct BinaryTests {
    @Test func pipedQuestionAsJSON() throws {
        let r = try Mondo.run(["--format", "json"], input: Data("\(askJP)\n".utf8))
        #expect(!r.timedOut)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 1)
        let o = try #require(json(r.lines.first ?? ""))
        #expect((o["answer"] as? String)?.contains("710,000") == true)
        #expect(o["intent"] as? String == "visitors.japanese_to_vietnam_2024")
        #expect(r.stdout.hasPrefix("{\"question\":\"\(askJP)\",\"answer\":\"\(answerJP)\",\"intent\":\"visitors.japanese_to_vietnam_2024\",\"facts\":[\"visitors_jp_to_vn_2024\"]"))
        #expect(r.stderr.isEmpty)
    }

    @Test func declinedQuestionHasNullIntent() throws {
        let r = try Mondo.run(["--format", "json"], input: Data("What is the population of Ha Noi?\n".utf8))
        #expect(r.status == 0)
        let o = try #require(json(r.lines.first ?? ""))
        #expect(o["intent"] is NSNull)
        #expect(o["facts"] as? [String] == [])
    }

    @Test func repeatedDashC() throws {
        let r = try Mondo.run(["-c", askJP, "-c", askVN])
        #expect(r.status == 0)
        #expect(r.stdout == "\(answerJP)\n\(answerVN)\n")
    }

    @Test func dashCKeepsOneConversation() throws {
        let r = try Mondo.run(["-c", askJP, "-c", "and the other way round?"])
        #expect(r.stdout == "\(answerJP)\n\(answerVN)\n")
    }

    @Test func dashFReadsAFile() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = dir + "/questions.txt"
        try "# questions\n\n\(askJP)\n{\"question\": \"\(askVN)\"}\n".write(toFile: f, atomically: true, encoding: .utf8)
        let r = try Mondo.run(["-f", f])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(answerJP)\n\(answerVN)\n")
    }

    @Test func dashFMissingFile() throws {
        let r = try Mondo.run(["-f", "/nonexistent/questions.txt"])
        #expect(r.status == 2)
        #expect(r.stderr == "mondo: cannot read '/nonexistent/questions.txt': No such file or directory\n")
    }

    @Test func brokenPackReportsCompilerStyleErrors() throws {
        let pack = Mondo.fixture("errors")
        let r = try Mondo.run(["--pack", pack, "-c", "hello"])
        #expect(r.status != 0)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(pack)/topics/a.yaml:21:15: error: unknown concept '~vist'; did you mean '~visit'?\n    require: [~vist]\n              ^\n"), "\(r.stderr)")
        #expect(r.stderr.contains("\(pack)/pack.yaml:3:1: error: unknown key 'this_yeer' in pack.yaml; did you mean 'this_year'?\nthis_yeer: 2025\n^\n"))
        // One per mistake: the percentage fact whose value is not a number is one error, not two.
        #expect(r.stderr.hasSuffix("\n8 errors in the pack\n"))
    }

    @Test func missingPackDirectory() throws {
        let r = try Mondo.run(["--pack", "/nonexistent", "-c", "hello"])
        #expect(r.status == 2)
        #expect(r.stderr == "/nonexistent: error: cannot read the pack directory: No such file or directory\n1 error in the pack\n")
    }

    @Test func fixturePackAnswers() throws {
        let r = try Mondo.run(["--pack", Mondo.fixture("mini"), "--format", "json", "-c", "How many Japanese tourists visited Viet Nam in 2024?", "-c", "What about Korea?"])
        #expect(r.status == 0)
        #expect(r.lines.count == 2)
        #expect(json(r.line(0))?["intent"] as? String == "visits.jp_to_vn")
        #expect(json(r.line(1))?["intent"] is NSNull)
    }

    @Test func findsThePackFromAnotherDirectory() throws {
        let r = try Mondo.run(["-c", askJP], cwd: "/tmp")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(answerJP)\n")
    }

    @Test func closedPipeExitsQuietly() throws {
        signal(SIGPIPE, SIG_IGN)
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = dir + "/many.txt"
        try String(repeating: "\(askJP)\n", count: 5000).write(toFile: f, atomically: true, encoding: .utf8)
        let exe = try #require(Mondo.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["-f", f]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = Mondo.home
        p.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let first = outPipe.fileHandleForReading.availableData
        #expect(!first.isEmpty)
        try outPipe.fileHandleForReading.close()
        let box = Mondo.Box()
        let done = DispatchSemaphore(value: 0)
        Thread { box.set(errPipe.fileHandleForReading.readDataToEndOfFile()); done.signal() }.start()
        #expect(Mondo.waitFor(p, timeout: 30), "mondo kept running after its output was closed")
        _ = done.wait(timeout: .now() + 5)
        let err = String(decoding: box.value, as: UTF8.self)
        #expect(p.terminationReason == .exit, "killed by signal \(p.terminationStatus)")
        #expect(p.terminationStatus == 1 || p.terminationStatus == 0)
        #expect(!err.contains("Fatal error"))
        #expect(!err.lowercased().contains("crash"))
        #expect(err.isEmpty, "\(err)")
    }

    @Test func oneMegabyteLineIsSkipped() throws {
        var input = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        input.append(Data("\n\(askJP)\n".utf8))
        let r = try Mondo.run(["--format", "json"], input: input)
        #expect(r.status == 0)
        #expect(r.stderr == "mondo: line 1 is too long (1048576 bytes; the limit is 16384); skipped\n")
        #expect(r.lines.count == 2)
        #expect(json(r.line(0))?["error"] as? String == "line 1 is too long (1048576 bytes; the limit is 16384); skipped")
        #expect(json(r.line(1))?["answer"] as? String == answerJP)
    }

    @Test func invalidUTF8IsReplaced() throws {
        var input = Data([0x48, 0x69, 0xFF, 0xC3, 0x28, 0x0A])
        input.append(Data("\(askJP)\n".utf8))
        let r = try Mondo.run(["--format", "json"], input: input)
        #expect(r.status == 0)
        #expect(r.stderr.contains("line 1: invalid UTF-8 replaced"), "\(r.stderr)")
        #expect(r.lines.count == 2)
        #expect((json(r.line(0))?["question"] as? String)?.contains("\u{FFFD}") == true)
        #expect(json(r.line(1))?["answer"] as? String == answerJP)
    }

    @Test func transcriptsPassAndFail() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pass = dir + "/pass.transcript", fail = dir + "/fail.transcript"
        try "# passes\n> \(askJP)\n@intent visitors.japanese_to_vietnam_2024\n\(answerJP)\n\n> What is the population of Ha Noi?\n@decline\n"
            .write(toFile: pass, atomically: true, encoding: .utf8)
        try "> \(askJP)\nAbout 9 Japanese people visited Viet Nam in 2024.\n".write(toFile: fail, atomically: true, encoding: .utf8)

        let ok = try Mondo.run(["test", pass])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout == "2 passed, 0 failed\n")

        let bad = try Mondo.run(["test", fail])
        #expect(bad.status == 1)
        #expect(bad.stdout == """
            \(fail):2: error: facts changed for '\(askJP)' (asked at line 1)
            --- expected
            +++ actual
            @@ -2,1 +2,1 @@
            -About 9 Japanese people visited Viet Nam in 2024.
            +\(answerJP)

            0 passed, 1 failed

            """)

        let both = try Mondo.run(["test", dir])
        #expect(both.status == 1)
        #expect(both.stdout.hasSuffix("2 passed, 1 failed\n"))
    }

    @Test func updateWritesThroughALinkAndRefusesReadOnly() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let real = dir + "/real.transcript", link = dir + "/link.transcript"
        try "> \(askJP)\nAbout 9 Japanese people visited Viet Nam in 2024.\n".write(toFile: real, atomically: true, encoding: .utf8)
        #expect(chmod(real, 0o640) == 0)
        #expect(symlink(real, link) == 0)
        let r = try Mondo.run(["test", "--update", link])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        var st = stat()
        #expect(lstat(link, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK)
        #expect(stat(real, &st) == 0 && st.st_mode & 0o7777 == 0o640)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains(answerJP))

        try "> \(askJP)\nAbout 9 Japanese people visited Viet Nam in 2024.\n".write(toFile: real, atomically: true, encoding: .utf8)
        #expect(chmod(real, 0o444) == 0)
        let ro = try Mondo.run(["test", "--update", real])
        #expect(ro.status == 1)
        #expect(ro.stderr.contains("cannot write '\(real)': the file is read-only (mode 444)"), "\(ro.stderr)")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("About 9 Japanese"))
    }

    @Test func shippedTranscriptsRunFromTheRepository() throws {
        let r = try Mondo.run(["test"], cwd: Mondo.root, timeout: 120)
        #expect(!r.timedOut)
        #expect(r.stdout.range(of: #"\d+ passed, \d+ failed\n$"#, options: .regularExpression) != nil, "\(r.stdout.suffix(300))\(r.stderr)")
    }

    @Test func badFormatIsAUsageError() throws {
        let r = try Mondo.run(["--format", "xml", "-c", askJP])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--format must be text or json, not 'xml'"))
    }
}

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The binary's errors say what is wrong and why, with the documented exit status.
@Suite("mondo binary: error messages", .serialized)
struct ErrorMessageTests {
    static let q = "who is the ambassador"

    @Test func dashFOfADirectory() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Mondo.run(["-f", dir, "--pack", Mondo.fixture("mini")])
        #expect(r.status == 2)
        #expect(r.stderr == "mondo: cannot read '\(dir)': Is a directory\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func mondoPackThatIsMissingOrAFile() throws {
        let missing = try Mondo.run(["-c", Self.q], environment: ["MONDO_PACK": "/nonexistent/pack"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "mondo: MONDO_PACK is set to '/nonexistent/pack', which cannot be used: No such file or directory\n")
        #expect(missing.stdout.isEmpty)
        let file = try Mondo.run(["lint"], environment: ["MONDO_PACK": Mondo.fixture("mini") + "/pack.yaml"])
        #expect(file.status == 2)
        #expect(file.stderr.hasSuffix("/pack.yaml', which cannot be used: Not a directory\n"), "\(file.stderr)")
    }

    @Test func mondoPackThatIsAPackIsUsed() throws {
        let r = try Mondo.run(["-c", "How many Japanese tourists visited Viet Nam in 2024?"], environment: ["MONDO_PACK": Mondo.fixture("mini")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "About 710,000 Japanese people visited Viet Nam in 2024.\n")
    }

    @Test func aFullDiskIsReportedByEveryCommand() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = dir + "/a.transcript"
        try "> How many Japanese tourists visited Viet Nam in 2024?\n".write(toFile: t, atomically: true, encoding: .utf8)
        let pack = ["--pack", Mondo.fixture("mini")]
        for args in [["-c", Self.q], ["test", t], ["lint", "--transcripts", t], ["coverage", t], ["robustness", t]] {
            let r = try Mondo.run(args + pack, stdoutPath: "/dev/full")
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == "mondo: cannot write output: No space left on device\n", "\(args): \(r.stderr)")
        }
    }

    @Test func updateOfATranscriptThatCannotBeWritten() throws {
        let dir = try Mondo.tempDir()
        let t = dir + "/a.transcript"
        try "> \(Self.q)\nsomething else\n".write(toFile: t, atomically: true, encoding: .utf8)
        chmod(t, 0o444)
        chmod(dir, 0o555)
        // Root writes anything that is not immutable: make the file and its folder immutable.
        let asRoot = getuid() == 0
        if asRoot {
            guard chattr("+i", t), chattr("+i", dir) else {
                chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir)
                return  // no chattr here: the check cannot be made as root
            }
        }
        defer {
            if asRoot { _ = chattr("-i", dir); _ = chattr("-i", t) }
            chmod(dir, 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        let r = try Mondo.run(["test", "--update", t, "--pack", Mondo.fixture("mini")])
        #expect(r.status == 1)
        let reason = asRoot ? "Operation not permitted|Permission denied" : "Permission denied"
        #expect(r.stderr.range(of: "^mondo: cannot write '\(t)': (\(reason))\n$", options: .regularExpression) != nil, "\(r.stderr)")
        #expect(r.stdout.contains("0 passed, 1 failed"))
        #expect(try String(contentsOfFile: t, encoding: .utf8).contains("something else"))
    }

    func chattr(_ flag: String, _ path: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        p.arguments = [flag, path]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test func missingPackYAML() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Mondo.run(["--pack", dir, "-c", Self.q])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(dir)/pack.yaml: error: cannot read: No such file or directory\n"), "\(r.stderr)")
    }

    @Test func transcriptsThatCannotBeRead() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([0x3E, 0x20, 0x68, 0x69, 0x00, 0x0A]).write(to: URL(fileURLWithPath: dir + "/bin.transcript"))
        let r = try Mondo.run(["test", dir + "/bin.transcript", dir + "/none.transcript", "--pack", Mondo.fixture("mini")])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(dir)/bin.transcript:1:5: error: file contains a NUL byte (this looks like a binary file, not text)\n> hi\u{2400}\n    ^\n"), "\(r.stderr)")
        #expect(r.stderr.contains("\(dir)/none.transcript: error: cannot read: No such file or directory\n"))
        #expect(!r.stderr.contains("in the pack"))
    }

    @Test func warningsOfSeveralFilesNameTheFileAndItsLine() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "\(Self.q)\n{broken\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Data([0x61, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: dir + "/b.txt"))
        let r = try Mondo.run(["-f", dir + "/a.txt", "-f", dir + "/b.txt", "--pack", Mondo.fixture("mini")])
        #expect(r.status == 0)
        #expect(r.stderr == "mondo: \(dir)/a.txt:2: not valid JSON; answered as plain text\nmondo: \(dir)/b.txt:1: invalid UTF-8 replaced\n", "\(r.stderr)")
    }

    @Test func aBigOneLinePackFileGivesAFewErrors() throws {
        let dir = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
        try "name: big\n".write(toFile: dir + "/pack.yaml", atomically: true, encoding: .utf8)
        let items = (0..<5000).map { "{id: f\($0), type: bogus}" }.joined(separator: ", ")
        try "facts: [\(items)]\n".write(toFile: dir + "/topics/a.yaml", atomically: true, encoding: .utf8)
        for args in [["lint", "--pack", dir], ["--pack", dir, "-c", Self.q]] {
            let r = try Mondo.run(args)
            let text = r.stdout + r.stderr
            #expect(r.status == (args[0] == "lint" ? 1 : 2))
            #expect(text.utf8.count < 10_000, "\(args)")
            #expect(text.contains("\(dir)/topics/a.yaml: note: … and 4,980 more errors in this file (the first 20 are shown)\n"), "\(args)")
        }
    }
}

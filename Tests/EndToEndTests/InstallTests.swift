import Foundation
import Testing

/// `scripts/install` puts the resource bundle (the engine's English data) next to the binary, and
/// the installed binary reads it from there, not from the build directory.
@Suite("scripts/install", .serialized)
struct InstallTests {
    /// Runs `exe` with `args` and `env`, feeding `input`; returns (status, stdout, stderr).
    static func run(_ exe: String, _ args: [String], env: [String: String] = [:], input: String = "", cwd: String) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var environment = ProcessInfo.processInfo.environment
        environment["MONDO_PACK"] = nil
        environment["HOME"] = Mondo.home
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        try inPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func installedMondoReadsTheEnglishDataInstalledBesideIt() throws {
        let binary = try #require(Mondo.binary, "mondo executable not found next to the test bundle")
        let buildDir = (binary as NSString).deletingLastPathComponent
        let prefix = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let (status, _, err) = try Self.run("/bin/bash", [Mondo.root + "/scripts/install", prefix],
                                            env: ["MONDO_BUILD_DIR": buildDir], cwd: prefix)
        #expect(status == 0, "\(err)")
        let english = prefix + "/bin/Mondo_MondoCore.resources/english.yaml"
        #expect(FileManager.default.fileExists(atPath: prefix + "/bin/mondo"))
        #expect(FileManager.default.fileExists(atPath: english))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/mondo/Intents/language.yaml"))

        // The installed copy answers from anywhere, with its own pack …
        let elsewhere = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let question = "How many Japanese people visited Viet Nam last year?\n"
        let (s1, out1, e1) = try Self.run(prefix + "/bin/mondo", ["--no-history"], input: question, cwd: elsewhere)
        #expect(s1 == 0, "\(e1)")
        #expect(out1.contains("710,000"), "\(out1)")

        // … and with the English data installed beside it: an abbreviation added there is read.
        var text = try String(contentsOfFile: english, encoding: .utf8)
        text = text.replacingOccurrences(of: "abbreviations:\n", with: "abbreviations:\n  jpv: japanese people\n")
        try text.write(toFile: english, atomically: true, encoding: .utf8)
        let (s2, out2, e2) = try Self.run(prefix + "/bin/mondo", ["--no-history"],
                                          input: "How many jpv visited Viet Nam last year?\n", cwd: elsewhere)
        #expect(s2 == 0, "\(e2)")
        #expect(out2.contains("710,000"), "\(out2)")
    }

    @Test func installsTheManualPageAndWorkingShellCompletions() throws {
        let binary = try #require(Mondo.binary, "mondo executable not found next to the test bundle")
        let prefix = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let (status, out, err) = try Self.run("/bin/bash", [Mondo.root + "/scripts/install", prefix],
                                              env: ["MONDO_BUILD_DIR": (binary as NSString).deletingLastPathComponent], cwd: prefix)
        #expect(status == 0, "\(err)")
        #expect(out.contains("completions for bash, zsh and fish"))
        let share = prefix + "/share"
        #expect(FileManager.default.contents(atPath: share + "/man/man1/mondo.1") == FileManager.default.contents(atPath: Mondo.root + "/Docs/mondo.1"))

        // bash: the script loads and completes subcommands, options and their values.
        let bashScript = share + "/bash-completion/completions/mondo"
        let complete = """
            source "$1"
            t() { COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$1"; [[ "$1" == *" " ]] && COMP_WORDS+=("")
                  COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _mondo mondo "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                  echo "$1|${COMPREPLY[*]}"; }
            t "mondo rob"; t "mondo ask --color "; t "mondo ask --no-n"; t "mondo coverage --format "
            """
        let (bs, bout, berr) = try Self.run("/bin/bash", ["-c", complete, "bash", bashScript], cwd: prefix)
        #expect(bs == 0, "\(berr)")
        #expect(bout.split(separator: "\n").map(String.init) == [
            "mondo rob|robustness", "mondo ask --color |auto always never", "mondo ask --no-n|--no-notes", "mondo coverage --format |text json",
        ], "\(bout)")

        let zsh = try String(contentsOfFile: share + "/zsh/site-functions/_mondo", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef mondo"))
        #expect(zsh.contains("--no-notes") && zsh.contains("robustness"))
        let fish = try String(contentsOfFile: share + "/fish/vendor_completions.d/mondo.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'mondo'") && fish.contains("no-notes"))
    }
}

import Foundation
import Testing

/// Docs/mondo.1, written by hand, stays true to the binary: every subcommand, every option that
/// `--help` lists and every REPL command that `:help` lists is in it; and it renders without
/// warnings where `man` is installed.
@Suite("the manual page")
struct ManPageTests {
    static let page: String = (try? String(contentsOfFile: Mondo.root + "/Docs/mondo.1", encoding: .utf8)) ?? ""

    /// The long options (`--name`) in `text`.
    static func options(_ text: String) -> Set<String> {
        var out = Set<String>()
        let scanner = text.components(separatedBy: CharacterSet(charactersIn: " ,[]<>()\n"))
        for word in scanner where word.hasPrefix("--") && word.count > 2 {
            out.insert(String(word.prefix { $0 == "-" || $0.isLetter }))  // "--sections:" in prose
        }
        return out
    }

    @Test("every subcommand and option of --help is in the page", arguments: ["ask", "test", "lint", "coverage", "robustness", "new"])
    func optionsAreDocumented(subcommand: String) throws {
        let r = try Mondo.run([subcommand, "--help"])
        #expect(r.status == 0)
        let options = Self.options(r.stdout)
        #expect(options.contains("--help") && (options.contains("--pack") || subcommand == "new"), "\(r.stdout)")
        #expect(Self.page.contains(".B mondo \(subcommand)") || subcommand == "ask")
        for option in options {
            // troff writes each hyphen of an option as \-.
            #expect(Self.page.contains(option.replacingOccurrences(of: "-", with: "\\-")), "\(option) of mondo \(subcommand) is not in Docs/mondo.1")
        }
    }

    @Test("every REPL command of :help is in the page")
    func replCommandsAreDocumented() throws {
        let r = try Mondo.run(["-c", ":help"])
        let commands = r.lines.compactMap { line -> String? in
            guard line.hasPrefix("  :") else { return nil }
            return String(line.dropFirst(3).prefix { $0.isLetter })
        }
        #expect(commands.count >= 10, "\(r.stdout)")
        for c in commands { #expect(Self.page.contains(":" + c), ":\(c) is not in Docs/mondo.1") }
    }

    @Test("man renders the page without warnings (where man is installed)")
    func rendersWithMan() throws {
        guard let man = ["/usr/bin/man", "/bin/man"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: man)
        p.arguments = ["-l", "--warnings", Mondo.root + "/Docs/mondo.1"]
        p.environment = ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(warnings)")
        #expect(warnings.isEmpty, "\(warnings)")
        // Justified text: compare with runs of blanks collapsed.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("mondo - questions and answers about a document"), "\(text.prefix(400))")
    }
}

import Foundation
import Testing

/// `mondo new DIR --from DOCUMENT` end to end: the pack it writes loads, lints clean, passes its
/// first transcript and answers its first question; it refuses a folder that is not empty.
@Suite("mondo new", .serialized)
struct NewPackTests {
    static let fixture = Mondo.root + "/Tests/Fixtures/provenance"

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesAPackThatLintsCleanAndPassesItsTranscript() throws {
        let tmp = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try FileManager.default.copyItem(atPath: Self.fixture + "/harbour.txt", toPath: tmp + "/harbour.txt")
        let made = try Mondo.run(["new", "velmora", "--from", "harbour.txt"], cwd: tmp)
        #expect(made.status == 0, "\(made.stderr)")
        // The output Docs/authoring.md shows.
        #expect(made.stdout == """
            Wrote velmora: pack.yaml (linking ../harbour.txt), concepts.yaml, 2 topic files in topics/ with 17 draft facts and 2 example intents, Transcripts/first.transcript (2 questions, 2 answered).
            Try: mondo --pack velmora -c "What date does the document give for Sarn?"
            Next: confirm the drafts (remove draft: true), write intents in your own words, then mondo lint --pack velmora and mondo test --pack velmora.

            """)
        let pack = try read(tmp + "/velmora/pack.yaml")
        #expect(pack.contains("name: \"Velmora, a harbour town\"\n"))
        #expect(pack.contains("document: \"../harbour.txt\"\n"))
        // Draft facts: the sentence as a comment, the locator, the draft mark.
        let intro = try read(tmp + "/velmora/topics/intro.yaml")
        #expect(intro.contains("""
              # ¶1: It was founded in 1642 by the fisher Ada Quell.
              - id: intro_date_1642
                draft: true
                type: date
                label: "a date in ¶1, next to Ada Quell"
                date: "1642"
                time: "1642"
                source: "¶1"
            """))
        #expect(intro.contains("value: 12400\n    unit: \"people\"\n    source: \"¶1\""))
        #expect(intro.contains("text: \"St. Brigid\""))
        let other = try read(tmp + "/velmora/topics/ada_quell_pier.yaml")
        #expect(other.contains("type: percentage\n    label: \"a percentage in ¶3\"\n    value: 25\n"))
        #expect(other.contains("type: money\n    label: \"an amount of money in ¶4, next to U.S.\"\n    value: 3000000\n    currency: EUR\n"))
        // No sentence of the document is an answer: each appears only in comments.
        for line in (intro + other).split(separator: "\n") where line.contains("founded in 1642 by") {
            #expect(line.hasPrefix("  # "))
        }

        let lint = try Mondo.run(["lint", "--pack", "velmora"], cwd: tmp)
        #expect(lint.status == 0)
        #expect(lint.lines.last == "0 errors, 0 warnings, 2 notes in velmora", "\(lint.stdout)")
        let test = try Mondo.run(["test", "--pack", "velmora"], cwd: tmp)
        #expect(test.status == 0)
        #expect(test.stdout == "2 passed, 0 failed\n")
        let asked = try Mondo.run(["--pack", "velmora", "--no-history", "-c", "What date does the document give for Ada Quell?", "-c", ":source"], cwd: tmp)
        #expect(asked.line(0) == "The date the document gives next to Ada Quell is 1642 (¶1; a draft to check).")
        #expect(asked.stdout.contains("»It was founded in 1642 by the fisher Ada Quell.«"))
    }

    @Test func sectionsNumberTheLocatorsAndNameTheTopics() throws {
        let tmp = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try """
            A talk with a harbour master

            Why did the pier grow?

            Trade grew fast after 1871. The pier reached 310 metres.

            Who pays for the ferry?

            Keelworks offered to build it for 3 million EUR.
            """.write(toFile: tmp + "/talk.txt", atomically: true, encoding: .utf8)
        let made = try Mondo.run(["new", "pack", "--from", "talk.txt", "--sections", #"\?$"#, "--label", "Q"], cwd: tmp)
        #expect(made.status == 0, "\(made.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: tmp + "/pack/topics").sorted()
        #expect(files == ["q1_pier_grow.yaml", "q2_pays_ferry.yaml"])
        #expect(try read(tmp + "/pack/topics/q2_pays_ferry.yaml").contains("source: \"Q2 ¶1\""))
        #expect(try read(tmp + "/pack/pack.yaml").contains("document:\n  path: \"../talk.txt\"\n  sections: '\\?$'\n  label: \"Q\"\n"))
        let lint = try Mondo.run(["lint", "--pack", "pack"], cwd: tmp)
        #expect(lint.status == 0, "\(lint.stdout)")
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let tmp = try Mondo.tempDir()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try FileManager.default.createDirectory(atPath: tmp + "/pack", withIntermediateDirectories: true)
        try "mine\n".write(toFile: tmp + "/pack/notes.txt", atomically: true, encoding: .utf8)
        let r = try Mondo.run(["new", "pack", "--from", Self.fixture + "/harbour.txt"], cwd: tmp)
        #expect(r.status == 1)
        #expect(r.stderr == "mondo: 'pack' is not empty; give mondo new a new or empty folder (nothing was written)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp + "/pack") == ["notes.txt"])
        let missing = try Mondo.run(["new", "other", "--from", "nowhere.txt"], cwd: tmp)
        #expect(missing.status == 1)
        #expect(missing.stderr == "mondo: cannot use 'nowhere.txt': cannot read: No such file or directory\n")
    }

    /// The two real documents, when they are beside the repository (they are not part of it):
    /// `mondo new` on each gives a pack that lints without errors.
    @Test func theRealDocumentsGivePacksThatLintClean() throws {
        let docs: [(String, [String])] = [
            (Mondo.root + "/../shared/corpus/normans.txt", []),
            (Mondo.root + "/../shared/seeds/000_7a42c49945919747.txt", ["--sections", #"\?\s*$"#, "--label", "Q"]),
        ]
        for (doc, extra) in docs where FileManager.default.fileExists(atPath: doc) {
            let tmp = try Mondo.tempDir()
            defer { try? FileManager.default.removeItem(atPath: tmp) }
            let made = try Mondo.run(["new", tmp + "/pack", "--from", doc] + extra, cwd: tmp, timeout: 120)
            #expect(made.status == 0, "\(made.stderr)")
            let lint = try Mondo.run(["lint", "--pack", tmp + "/pack"], cwd: tmp, timeout: 120)
            #expect(lint.status == 0, "\(lint.stdout)")
            #expect(lint.lines.last?.hasPrefix("0 errors, 0 warnings, ") == true, "\(lint.stdout)")
            #expect(try Mondo.run(["test", "--pack", tmp + "/pack"], cwd: tmp, timeout: 120).status == 0)
        }
    }
}

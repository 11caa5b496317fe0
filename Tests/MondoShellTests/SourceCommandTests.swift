import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// `:source`, the JSON `locators` and lint's provenance checks, on the Velmora fixture
/// (Tests/Fixtures/provenance: a short made-up document and a pack that links it).
@Suite("provenance in the shell")
struct SourceCommandTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Tests/Fixtures/provenance"
    }()

    /// A copy of the fixture in a temporary folder, with `edit` applied to files by name.
    func copy(_ edit: [String: (String) -> String] = [:]) throws -> String {
        let tmp = NSTemporaryDirectory() + "mondo-prov-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.root, toPath: tmp)
        for (name, f) in edit {
            let path = tmp + "/" + name
            try f(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return tmp
    }

    func session(_ pack: String, format: OutputFormat = .text, _ lines: [String]) throws -> String {
        let out = BufferOutput()
        let shell = Shell(engine: try Engine(packDirectory: pack), packDirectory: pack, format: format, out: out, err: BufferOutput())
        for l in lines { _ = try shell.handle(l) }
        return out.text
    }

    @Test func sourceShowsEachParagraphOnceWithTheFactSentencesMarked() throws {
        let text = try session(Self.root + "/Intents", ["How many visitors came to the lantern fair in 2023?", ":source"])
        #expect(text.contains("¶3  (line 9)\n"))
        #expect(text.contains("Every spring the town holds a lantern fair. »In 2023 the fair drew 8,500 visitors, which is 25% more than in 2022.« Tickets cost 4.50 EUR."))
        #expect(text.components(separatedBy: "¶3  (line").count == 2, "two facts of one paragraph show it once")
        #expect(text.contains("facts: fair_visitors (visitors to the lantern fair), fair_growth"))
        // The caption and the repeated sentence are not counted: the mayor's paragraph is ¶4.
        let ferry = try session(Self.root + "/Intents", ["Who would build the ferry?", ":source"])
        #expect(ferry.contains("¶4  (line 13)\nMayor Odile Brant wants a ferry to the island of Sarn by 2030. »The U.S. firm Keelworks has offered to build it for c. 3 million EUR.«"))
    }

    @Test func nothingToShowBeforeAQuestionOrAfterADecline() throws {
        #expect(try session(Self.root + "/Intents", [":source"]) == "Nothing to show yet: ask a question first.\n")
        let declined = try session(Self.root + "/Intents", ["What colour are the boats?", ":source"])
        #expect(declined.hasSuffix("Nothing to show: the last question was not answered, so no fact of the document stands behind it.\n"))
    }

    @Test func aMissingDocumentIsNamedAndTheLocatorsStillShown() throws {
        let tmp = try copy(["Intents/pack.yaml": { $0.replacingOccurrences(of: "../harbour.txt", with: "../gone.txt") }])
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let text = try session(tmp + "/Intents", ["Who founded Velmora?", ":source"])
        #expect(text.contains("The source document \(tmp)/gone.txt cannot be read: No such file or directory."))
        #expect(text.contains("  founded [¶1]: founding of Velmora\n  founder [¶1]: founder of Velmora"))
        // Lint: a warning, never an error.
        let findings = Lint.findings(packDirectory: tmp + "/Intents", transcripts: nil)
        #expect(findings.filter { $0.severity == .error }.isEmpty)
        #expect(findings.contains { $0.severity == .warning && $0.message.contains("gone.txt' cannot be read (No such file or directory)") })
    }

    @Test func documentTextReachesTheScreenWithoutControlSequences() throws {
        let tmp = try copy(["harbour.txt": { $0.replacingOccurrences(of: "Tickets cost", with: "Tickets \u{1B}[2J cost") }])
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let text = try session(tmp + "/Intents", ["How many visitors came to the lantern fair in 2023?", ":source"])
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Tickets ^[[2J cost"))
    }

    @Test func jsonSourcesCarryTheLocators() throws {
        let text = try session(Self.root + "/Intents", format: .json, ["Who founded Velmora?"])
        #expect(text.contains(#""sources":[{"fact":"founded","source":"¶1","label":"founding of Velmora","locators":["¶1"]}"#))
    }

    @Test func lintReportsALocatorTheDocumentDoesNotHaveAtItsPlace() throws {
        let tmp = try copy(["Intents/topics/town.yaml": {
            $0.replacingOccurrences(of: "source: ¶3", with: "source: ¶9").replacingOccurrences(of: #"source: "¶4""#, with: #"source: "¶4, p. 2""#)
        }])
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let errors = Lint.findings(packDirectory: tmp + "/Intents", transcripts: nil).filter { $0.severity == .error }
        let rendered = Diagnostic.render(errors).joined(separator: "\n")
        #expect(errors.count == 3, "\(rendered)")
        #expect(rendered.contains("topics/town.yaml:27:13: error: fact 'fair_visitors' cites ¶9, which the document does not have: the document has 4 paragraphs\n    source: ¶9\n            ^"))
        #expect(rendered.contains("topics/town.yaml:39:18: error: source '¶4, p. 2' of fact 'ferry_builder' is not a locator: expected a paragraph locator such as ¶4 or ¶4–¶6\n    source: \"¶4, p. 2\"\n                 ^"))
    }

    @Test func draftFactsTakeNoPartInBuiltInComparisonsAndAreCountedInANote() throws {
        let q = "Which is bigger, the people living in Velmora or the visitors to the lantern fair?"
        let confirmed = try Engine(packDirectory: Self.root + "/Intents")
        var ctx = DialogueContext()
        #expect(confirmed.respond(to: q, context: &ctx).intent == "computed.compare")
        let tmp = try copy(["Intents/topics/town.yaml": { $0.replacingOccurrences(of: "  - id: population\n", with: "  - id: population\n    draft: true\n") }])
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let drafted = try Engine(packDirectory: tmp + "/Intents")
        #expect(drafted.pack.facts["population"]?.draft == true)
        ctx = DialogueContext()
        #expect(drafted.respond(to: q, context: &ctx).intent != "computed.compare")
        // An intent that names the draft still answers with it.
        ctx = DialogueContext()
        #expect(drafted.respond(to: "How many people live in Velmora?", context: &ctx).answer == "About 12,400 people live in Velmora.")
        let notes = Lint.findings(packDirectory: tmp + "/Intents", transcripts: nil).filter { $0.severity == .note }
        #expect(notes.map(\.message) == ["1 draft fact in this file to confirm against the document (remove 'draft: true' from each one checked)"])
    }
}

import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// A pack about one river, written to a temporary directory, with one transcript.
struct RiverPack {
    let dir: String
    var pack: String { dir + "/Intents" }
    var transcript: String { dir + "/Transcripts/river.transcript" }

    static let concepts = """
    concepts:
      river: [river, nile]
      long: [long, length]
    """
    static let topic = """
    facts:
      - {id: nile_length, type: quantity, label: length of the Nile, value: 6650, unit: kilometres, source: Q1}
      - {id: nile_source, type: place, label: source of the Nile, name: Lake Victoria, source: Q1}
      - {id: nile_mouth, type: place, label: mouth of the Nile, name: the Mediterranean, source: Q1}
      - {id: nile_turn, type: text, label: the great bend, text: The Nile bends west in Sudan., source: Q1}
    intents:
      - id: rivers.length
        ask: [number, what]
        require: [~river, ~long]
        exclude: [dams]
        facts: [nile_length]
        answer: "The Nile is {{nile_length.with_unit}} long."
        examples: [How long is the Nile?]
      - id: rivers.source
        ask: [where, what]
        require: [~river]
        cues: [source, begin]
        facts: [nile_source]
        answer: "It rises at {{nile_source.name}}."
        examples: [Where is the source of the Nile?]
      - id: rivers.mouth
        ask: [where, what]
        require: [~river]
        cues: [mouth, end]
        facts: [nile_mouth]
        answer: "It flows into {{nile_mouth.name}}."
        examples: [Where is the mouth of the Nile?]
      - id: rivers.bend
        require: [left turn]
        facts: [nile_turn]
        answer: "{{nile_turn.text}}"
        examples: [Where does the Nile turn?]
    """

    /// Writes the pack; `transcript` is the text of Transcripts/river.transcript.
    init(transcript: String, topic: String = RiverPack.topic) throws {
        dir = try Paths.tempDir()
        let fm = FileManager.default
        try fm.createDirectory(atPath: pack + "/topics", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/Transcripts", withIntermediateDirectories: true)
        try "name: river pack\n".write(toFile: pack + "/pack.yaml", atomically: true, encoding: .utf8)
        try Self.concepts.write(toFile: pack + "/concepts.yaml", atomically: true, encoding: .utf8)
        try topic.write(toFile: pack + "/topics/nile.yaml", atomically: true, encoding: .utf8)
        try "dam\nbend\n".write(toFile: pack + "/lexicon.txt", atomically: true, encoding: .utf8)
        try transcript.write(toFile: self.transcript, atomically: true, encoding: .utf8)
    }

    func lint() -> [Diagnostic] { Lint.findings(packDirectory: pack, transcripts: nil) }
    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

@Suite("lint checks")
struct LintChecksTests {
    static let ambiguous = "> Tell me about the Nile.\n"

    @Test func aQuestionExpectedToBeDeclinedIsNoOverlapWitness() throws {
        let declined = try RiverPack(transcript: Self.ambiguous + "@decline\n")
        defer { declined.remove() }
        #expect(!declined.lint().contains { $0.message.contains("overlap") }, "\(declined.lint())")
        // The same question expected to be answered is a witness.
        let answered = try RiverPack(transcript: Self.ambiguous + "@intent rivers.source\n")
        defer { answered.remove() }
        let overlap = answered.lint().filter { $0.message.contains("overlap") }
        #expect(overlap.count == 1, "\(answered.lint())")
        #expect(overlap.first?.message.contains("“Tell me about the Nile.”") == true)
    }

    @Test func exampleWarningsQuoteTheExampleAndShowWrittenTerms() throws {
        let p = try RiverPack(transcript: "> How long is the Nile?\n")
        defer { p.remove() }
        let w = p.lint().filter { $0.message.hasPrefix("example") }
        #expect(w.map(\.message) == ["example “Where does the Nile turn?” of 'rivers.bend' is declined (not_understood); it is blocked: needs left turn"], "\(w)")
    }

    @Test func anExcludeWordThatIsNotABaseFormGetsANote() throws {
        let p = try RiverPack(transcript: "> How long is the Nile?\n")
        defer { p.remove() }
        let notes = p.lint().filter { $0.severity == .note }
        #expect(notes.map(\.message) == ["exclude 'dams' of 'rivers.length' matches every word with stem 'dam': dam, dams; list the other forms too if they are meant, or exclude a longer phrase"], "\(notes)")
        #expect(notes.first?.description.contains(": note: exclude 'dams'") == true)
        // Listing the other form confirms it: no note.
        let confirmed = try RiverPack(transcript: "> How long is the Nile?\n", topic: RiverPack.topic.replacingOccurrences(of: "exclude: [dams]", with: "exclude: [dam, dams]"))
        defer { confirmed.remove() }
        #expect(!confirmed.lint().contains { $0.severity == .note })
    }

    @Test func notesAreCountedApartAndDoNotFail() throws {
        let p = try RiverPack(transcript: "> How long is the Nile?\n")
        defer { p.remove() }
        let out = BufferOutput()
        let status = Lint.run(packDirectory: p.pack, transcripts: nil, out: out)
        #expect(out.text.hasSuffix("0 errors, 4 warnings, 1 note in \(p.pack)\n"), "\(out.text)")
        #expect(status == 0)
    }

    @Test func aCounterexampleThatReachesItsIntentIsReported() throws {
        let topic = RiverPack.topic.replacingOccurrences(of: "examples: [How long is the Nile?]",
                                                         with: "examples: [How long is the Nile?]\n    counterexamples: [What is the length of the Nile?]")
        let p = try RiverPack(transcript: "> How long is the Nile?\n", topic: topic)
        defer { p.remove() }
        let w = p.lint().filter { $0.message.hasPrefix("counterexample") }
        #expect(w.count == 1, "\(p.lint())")
        #expect(w.first?.message.hasPrefix("counterexample “What is the length of the Nile?” of 'rivers.length' reaches it (score ") == true)
        #expect(w.first?.location?.line == 14)
    }

    @Test func aPackThatFailsStillHasItsTranscriptsChecked() throws {
        let broken = RiverPack.topic.replacingOccurrences(of: "value: 6650", with: "value: long")
        let p = try RiverPack(transcript: "> How long is the Nile?\n@intnt rivers.length\n", topic: broken)
        defer { p.remove() }
        let ds = p.lint()
        #expect(ds.map(\.message) == [
            "value must be a number, not 'long'",
            "unknown directive '@intnt'; did you mean '@intent'?",
        ], "\(ds)")
    }
}

/// The packs we ship lint without errors (warnings and notes allowed): an overlap between two
/// intents, or any other error a pack change brings, fails here rather than in a user's hands.
@Suite("shipped packs lint clean") struct ShippedPacksLintTests {
    @Test(arguments: ["/Intents", "/Examples/normans/Intents"])
    func noErrors(pack: String) {
        let errors = Lint.findings(packDirectory: Paths.root + pack, transcripts: nil).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }
}

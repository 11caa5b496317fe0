import Foundation
import Testing
@testable import MondoCore

/// The second pack, `Examples/normans/`: an encyclopedia article, 9th–13th century history. Its
/// transcripts replay clean and every intent's examples reach it, as for the shipped pack.
@Suite("Normans example pack")
struct NormansPackTests {
    static let root = Repo.root + "/Examples/normans"

    static let engine: Engine = {
        do { return try Engine(packDirectory: root + "/Intents") } catch { fatalError("the Normans pack does not load:\n\(error)") }
    }()

    static let transcripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/Transcripts")) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted()
    }()

    @Test("Normans transcript replays without differences", arguments: transcripts)
    func replay(file: String) throws {
        let transcript = try Transcript.load(path: Self.root + "/Transcripts/" + file)
        #expect(!transcript.exchanges.isEmpty)
        let (_, failures) = TranscriptRunner.replay(transcript, engine: Self.engine)
        let replaysClean = failures.isEmpty
        #expect(replaysClean, Comment(rawValue: failures.map(\.description).joined(separator: "\n")))
    }

    @Test func transcriptsCoverThePack() {
        #expect(Self.transcripts.count >= 10)
    }

    @Test func everyExampleReachesItsIntent() {
        var strays: [String] = []
        for intent in Self.engine.pack.intents {
            for ex in intent.examples {
                var ctx = DialogueContext()
                let r = Self.engine.respond(to: ex, context: &ctx)
                if r.intent != intent.id { strays.append("\(intent.id): “\(ex)” → \(r.intent ?? "declined")") }
            }
        }
        #expect(strays.isEmpty, Comment(rawValue: strays.joined(separator: "\n")))
    }

    /// Counterexamples the matcher cannot yet keep away: role reversals whose verb no example or
    /// fact of the intent uses (role frames compare verbs by stem), names given the other way
    /// round, and a state that held "in 1500" rather than an event of that year. Tracked as known issues: the test fails when one of
    /// them starts to pass (remove it here) or when any other counterexample leaks.
    static let knownLeaks: Set<String> = [
        "byz.afranji: What was the Normans' castle in Ireland called?",
        "byz.guiscard: Who drove the Normans out of southern Italy?",
        "eng.eustace_1051: Who invited Eustace II to Normandy?",
        "eng.homage: To whom did the King of France owe homage?",
        "isl.scotland_invasion: Who did William give as a hostage?",
        "isl.welsh_words: Which Welsh words entered Norman?",
        "yn.knights_rich: Were Norman knights rich in 1500?",
        "yn.isaac_release: Did Richard release Isaac?",
    ]

    @Test func noCounterexampleReachesItsIntent() {
        var leaks: [String] = []
        for intent in Self.engine.pack.intents {
            for q in intent.counterexamples {
                var ctx = DialogueContext()
                if Self.engine.respond(to: q, context: &ctx).intent == intent.id { leaks.append("\(intent.id): \(q)") }
            }
        }
        let unexpected = leaks.filter { !Self.knownLeaks.contains($0) }
        #expect(unexpected.isEmpty, Comment(rawValue: unexpected.joined(separator: "\n")))
        for known in Self.knownLeaks.sorted() {
            withKnownIssue("roles and states: \(known)") { #expect(!leaks.contains(known)) }
        }
    }

    @Test func theArticleHasNoPresentOfItsOwn() {
        #expect(Self.engine.pack.settings.referenceDate == nil)
        var ctx = DialogueContext()
        // "last year" names no time in an undated article: it neither blocks nor dates anything.
        #expect(Self.engine.analyse("what happened last year").times.isEmpty)
        _ = Self.engine.respond(to: "what happened last year", context: &ctx)
    }
}

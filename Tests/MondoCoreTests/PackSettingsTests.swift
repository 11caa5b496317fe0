import Foundation
import Testing
@testable import MondoCore

/// Writes a small pack (pack.yaml, concepts.yaml, one topic file) into a fresh temporary
/// directory and returns its path. The caller removes it.
func temporaryPack(settings: String = "", concepts: String, topic: String) throws -> String {
    let dir = NSTemporaryDirectory() + "mondo-pack-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
    try ("name: temporary pack\n" + settings).write(toFile: dir + "/pack.yaml", atomically: true, encoding: .utf8)
    try concepts.write(toFile: dir + "/concepts.yaml", atomically: true, encoding: .utf8)
    try topic.write(toFile: dir + "/topics/a.yaml", atomically: true, encoding: .utf8)
    return dir
}

/// pack.yaml's `comparisons` switch and the `language` entity class.
@Suite("Pack settings and entity classes")
struct PackSettingsTests {
    static let concepts = """
    concepts:
      german: {class: language, terms: [german]}
      dutch: {class: language, terms: [dutch]}
      speak: [speak, spoken, language]
    """
    static let topic = """
    facts:
      - {id: speakers, type: quantity, label: German speakers, value: 100, unit: people, source: Q1}
    intents:
      - id: lang.german
        ask: [number, what]
        require: [~speak]
        entities: [german]
        facts: [speakers]
        answer: "{{speakers.display}} speak German."
        examples: [How many people speak German?]
    """

    @Test func comparisonsAreOnByDefault() throws {
        #expect(try Pack.load(from: Repo.fixture("mini")).settings.comparisons)
    }

    @Test(arguments: [("off", false), ("on", true), ("no", false), ("true", true)])
    func comparisonsSwitch(_ value: String, _ expected: Bool) throws {
        let dir = try temporaryPack(settings: "comparisons: \(value)\n", concepts: Self.concepts, topic: Self.topic)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Pack.load(from: dir).settings.comparisons == expected)
    }

    @Test func comparisonsMustBeOnOrOff() throws {
        let dir = try temporaryPack(settings: "comparisons: sometimes\n", concepts: Self.concepts, topic: Self.topic)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do { _ = try Pack.load(from: dir); Issue.record("loaded") } catch {
            #expect(error.diagnostics.map(\.message) == ["comparisons must be on or off, not 'sometimes'"])
            #expect(error.diagnostics.first?.location?.line == 2)
        }
    }

    @Test func languageIsAnEntityClassThatLimitsScope() throws {
        let dir = try temporaryPack(concepts: Self.concepts, topic: Self.topic)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let engine = try Engine(packDirectory: dir)
        #expect(engine.pack.concepts["dutch"]?.entityClass == "language")
        var ctx = DialogueContext()
        #expect(engine.respond(to: "How many people speak German?", context: &ctx).intent == "lang.german")
        // Dutch is a language the intent does not know about: it blocks, and the decline says so.
        var fresh = DialogueContext()
        let r = engine.respond(to: "How many people speak Dutch?", context: &fresh)
        #expect(r.intent == nil)
        #expect(r.explanation.candidates.first?.blocked == "does not know about 'dutch' (language)")
    }
}

/// ``Engine/explain(intent:for:context:response:)`` on a small pack.
@Suite("Explaining one intent")
struct IntentExplanationTests {
    @Test func anEntityOutOfScopeIsNamedWithTheScope() throws {
        let dir = try temporaryPack(concepts: PackSettingsTests.concepts, topic: PackSettingsTests.topic)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let engine = try Engine(packDirectory: dir)
        var ctx = DialogueContext()
        let r = engine.respond(to: "How many people speak Dutch?", context: &ctx)
        let x = try #require(engine.explain(intent: "lang.german", for: r.explanation.analysis, response: r))
        #expect(x.blocks == ["“dutch” is dutch (language), outside its scope (german); add it to its entities if it answers for it"])
        #expect(x.outcome.hasPrefix("blocked: “dutch”"))
        #expect(x.requireGroups == [RequireGroupMatch(terms: "~speak", matchedBy: "speak")])
        #expect(x.rank == 1 && x.scored == 1)
        #expect(engine.explain(intent: "lang.nothing", for: r.explanation.analysis) == nil)
    }

    @Test func aMissingGroupIsShownAsWritten() throws {
        let topic = PackSettingsTests.topic.replacingOccurrences(of: "require: [~speak]", with: "require: [~speak, left turns]")
        let dir = try temporaryPack(concepts: PackSettingsTests.concepts, topic: topic)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let engine = try Engine(packDirectory: dir)
        let x = try #require(engine.explain(intent: "lang.german", for: engine.analyse("How many people speak German?")))
        #expect(x.blocks == ["no word of the question matches its require group left turns"])
        #expect(x.requireGroups.last == RequireGroupMatch(terms: "left turns", matchedBy: nil))
        // The matcher's own reason uses the written form too, not the stems.
        #expect(engine.allCandidates(for: engine.analyse("How many people speak German?")).first?.blocked == "needs left turns")
    }
}

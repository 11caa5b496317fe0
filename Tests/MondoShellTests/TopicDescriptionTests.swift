import Foundation
import Testing
@testable import MondoCore
@testable import MondoShell

/// A topic file's optional `description`: read for the topics of its intents, shown by
/// `:topics`, checked by lint, and not a key of concepts.yaml.
@Suite("topic descriptions")
struct TopicDescriptionTests {
    @Test func aTopicFileDescriptionDescribesTheTopicsOfItsIntents() throws {
        let river = try RiverPack(transcript: "> How long is the Nile?\n", topic: "description: \"Rivers: lengths, sources and bends\"\n" + RiverPack.topic)
        defer { river.remove() }
        let pack = try Pack.load(from: river.pack)
        #expect(pack.topicDescriptions == ["rivers": "Rivers: lengths, sources and bends"])
        let list = TopicsCommand.list(pack)
        #expect(list.contains("  rivers      4         4  Rivers: lengths, sources and bends\n"), "\(list)")
        #expect(Lint.controlCharacterErrors(pack).isEmpty)
    }

    @Test func withoutADescriptionTheFirstExampleStandsIn() throws {
        let river = try RiverPack(transcript: "> How long is the Nile?\n")
        defer { river.remove() }
        let pack = try Pack.load(from: river.pack)
        #expect(pack.topicDescriptions.isEmpty)
        #expect(TopicsCommand.list(pack).contains("  e.g. “How long is the Nile?”\n"))
    }

    @Test func aControlCharacterInADescriptionIsALintError() throws {
        let river = try RiverPack(transcript: "> How long is the Nile?\n", topic: "description: \"Rivers\\u001b[2J\"\n" + RiverPack.topic)
        defer { river.remove() }
        let errors = Lint.controlCharacterErrors(try Pack.load(from: river.pack))
        #expect(errors.map(\.message) == ["the description of topic 'rivers' holds the control character U+001B, which would be shown as '^['; remove it"])
    }

    @Test func aDescriptionIsNoKeyOfConceptsYAML() throws {
        let river = try RiverPack(transcript: "> How long is the Nile?\n")
        defer { river.remove() }
        try ("description: x\n" + RiverPack.concepts).write(toFile: river.pack + "/concepts.yaml", atomically: true, encoding: .utf8)
        #expect(throws: PackError.self) { try Pack.load(from: river.pack) }
    }
}

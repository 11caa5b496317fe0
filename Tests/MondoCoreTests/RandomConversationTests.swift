import Foundation
import Testing
@testable import MondoCore

/// A property test: 300 seeded random conversations of one to three turns, built from a pack's own
/// vocabulary (entity names, concept terms, words of its examples), numbers of every size, ordinals,
/// years of every era and follow-up openers. Every turn must answer or decline: no crash, and an
/// answer is never empty. Runs on every pack that exists among the shipped `Intents/` and
/// `Examples/normans/Intents`.
@Suite("Random conversations")
struct RandomConversationTests {
    static let normans = Repo.root + "/Examples/normans/Intents"

    @Test func shippedPack() throws {
        try check(shippedEngine, seed: 1)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: normans + "/pack.yaml"), "the normans pack is not in this tree"))
    func normansPack() throws {
        try check(try Engine(packDirectory: Self.normans), seed: 2)
    }

    /// Asks 300 random conversations of `engine` (after a few fixed ones) and checks each turn.
    func check(_ engine: Engine, seed: UInt64) throws {
        var maker = ConversationMaker(engine: engine, seed: seed)
        var turns = 0, answered = 0
        // Inputs that once crashed the engine (an endless follow-up rewrite, integer traps) first.
        let fixed = [["Rorze", "Tokuyama"], ["9999999999999999999999"], ["the 100000000000000000000th"]]
        let conversations = fixed + (0..<300).map { _ in maker.conversation() }
        for conversation in conversations {
            var ctx = DialogueContext()
            for utterance in conversation {
                let r = engine.respond(to: utterance, context: &ctx)
                turns += 1
                #expect(!r.answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "empty answer to “\(utterance)”")
                #expect(r.intent != nil || r.reason != nil, "neither answered nor declined: “\(utterance)”")
                #expect(r.intent == nil || r.reason == nil, "both answered and declined: “\(utterance)”")
                if r.intent != nil { answered += 1 }
            }
        }
        #expect(turns >= 300)
        #expect(answered > 0, "no random turn was answered: the generator does not use the pack's vocabulary")
    }
}

/// SplitMix64: a small seeded generator, so the same seed always gives the same conversations.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random conversations from a pack's vocabulary.
struct ConversationMaker {
    var rng: SeededGenerator
    let entities: [String]
    let terms: [String]
    let exampleWords: [String]
    let examples: [String]

    static let numbers = ["0", "1", "-5", "-1,000", "3.5", "42", "710,000", "1e30", "-1e30", "12 million", "240 million",
                          "9999999999999999999999", "-9999999999999999999999", "18446744073709551616", "0.0001", "ten", "a thousand"]
    static let ordinals = ["first", "3rd", "21st", "100th", "100000000000000000000th", "second", "last"]
    static let years = ["56 BC", "800", "1066", "the 10th century", "the 880s", "3500", "240 million years ago", "2024",
                        "last year", "this year", "2030", "the first half of 2025", "AD 1000", "the 1990s", "year 0"]
    static let questionStarts = ["what", "when", "how many", "who", "where", "why", "is", "did", "how much", "which",
                                 "tell me about", "how", "was there"]
    static let openers = ["and", "what about", "he", "they", "and the other way round?", "how about", "and in", "what of",
                          "when did he", "where did they", "and why?", "why?", "where?", "and?"]

    init(engine: Engine, seed: UInt64) {
        rng = SeededGenerator(seed: seed)
        let concepts = engine.pack.concepts.values.sorted { $0.name < $1.name }
        entities = concepts.filter { $0.entityClass != nil }.flatMap(\.terms).filter { !$0.hasPrefix("~") }
        terms = concepts.flatMap(\.terms).filter { !$0.hasPrefix("~") }
        examples = engine.pack.intents.flatMap(\.examples)
        exampleWords = Array(Set(examples.flatMap { $0.split(whereSeparator: { $0 == " " }).map { $0.trimmingCharacters(in: .punctuationCharacters) } }
            .filter { !$0.isEmpty })).sorted()
    }

    mutating func pick(_ list: [String]) -> String { list.isEmpty ? "" : list[Int(rng.next() % UInt64(list.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    /// A random piece: an entity, a term, an example word, a number, an ordinal or a year.
    mutating func piece() -> String {
        switch rng.next() % 6 {
        case 0: pick(entities)
        case 1: pick(terms)
        case 2: pick(exampleWords)
        case 3: pick(Self.numbers)
        case 4: pick(Self.ordinals)
        default: pick(Self.years)
        }
    }

    /// An opening question: an example (perhaps with a word swapped), or a question start with pieces.
    mutating func question() -> String {
        switch rng.next() % 5 {
        case 0: return pick(examples)
        case 1:
            var words = pick(examples).split(separator: " ").map(String.init)
            if !words.isEmpty { words[Int(rng.next() % UInt64(words.count))] = piece() }
            return words.joined(separator: " ")
        case 2: return pick(entities)
        case 3: return (0..<(1 + Int(rng.next() % 5))).map { _ in piece() }.joined(separator: " ")
        default:
            let n = 1 + Int(rng.next() % 3)
            return pick(Self.questionStarts) + " " + (0..<n).map { _ in piece() }.joined(separator: " ") + (chance(50) ? "?" : "")
        }
    }

    /// A follow-up: an opener, usually with a piece.
    mutating func followUp() -> String {
        let opener = pick(Self.openers)
        if opener.hasSuffix("?") { return opener }
        return opener + " " + piece() + (chance(70) ? "?" : "")
    }

    /// One to three turns.
    mutating func conversation() -> [String] {
        let n = 1 + Int(rng.next() % 3)
        var turns = [question()]
        for _ in 1..<n { turns.append(chance(75) ? followUp() : question()) }
        return turns
    }
}

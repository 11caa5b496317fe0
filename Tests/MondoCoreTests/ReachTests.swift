import Foundation
import Testing
@testable import MondoCore

/// Which intents a question brings to be scored: every intent sharing a key with it, except
/// through a key so common (``ScoringPolicy/commonKeyPostings``) that it says nothing about which
/// intent is meant — so that the work per question follows the question, not the pack's size.
@Suite("Matcher reach")
struct ReachTests {
    /// A pack of `towns` made-up towns, each with an `area` and a `mayor` intent.
    static func townsPack(_ towns: Int) throws -> TempPack {
        var topic = "concepts:\n  area: [area, surface]\n  mayor: [mayor, leader]\n"
        for t in 0..<towns { topic += "  town\(t): {class: place, terms: [town\(Self.name(t))]}\n" }
        topic += "facts:\n"
        for t in 0..<towns {
            topic += "  - {id: area\(t), type: quantity, label: area, value: \(t + 1), unit: hectares, source: s}\n"
            topic += "  - {id: mayor\(t), type: person, label: mayor, name: Mayor \(t), role: mayor, source: s}\n"
        }
        topic += "intents:\n"
        for t in 0..<towns {
            topic += "  - {id: t\(t).area, ask: [number, what], require: [~area, ~town\(t)], facts: [area\(t)], answer: \"{{area\(t).display}}\"}\n"
            topic += "  - {id: t\(t).mayor, ask: [who], require: [~mayor, ~town\(t)], facts: [mayor\(t)], answer: \"{{mayor\(t).name}}\"}\n"
        }
        return try TempPack(["topics/towns.yaml": topic])
    }

    /// Letters only, so that a town's name is one word: 0 → "a", 27 → "bb".
    static func name(_ t: Int) -> String {
        var n = t, s = ""
        repeat { s.append(Character(UnicodeScalar(UInt8(97 + n % 26)))); n /= 26 } while n > 0
        return s
    }

    @Test func aCommonKeyDoesNotBringEveryIntent() throws {
        let p = try Self.townsPack(300)
        defer { p.remove() }
        let engine = try Engine(packDirectory: p.dir)
        let policy = engine.matcher.policy
        // "area" is shared by 300 intents, over the limit; the town's name by 2.
        let a = engine.analyse("what is the area of town\(Self.name(123))?")
        let cands = engine.matcher.candidates(for: a)
        #expect(cands.count <= 4, "scored \(cands.count)")
        #expect(cands.first.map { engine.pack.intents[$0.intent].id } == "t123.area")
        var context = DialogueContext()
        #expect(engine.respond(to: "what is the area of town\(Self.name(123))?", context: &context).answer == "124")
        // A follow-up reaches its town through the dialogue context.
        #expect(engine.respond(to: "and who is the mayor?", context: &context).answer == "Mayor 123")
        // With only the common key, a bounded number is scored, and nothing is answered.
        let vague = engine.matcher.candidates(for: engine.analyse("what is the area?"))
        #expect(vague.count == policy.commonKeyPostings)
        var fresh = DialogueContext()
        #expect(engine.respond(to: "what is the area?", context: &fresh).intent == nil)
    }

    @Test func belowTheLimitEveryIntentSharingAKeyIsScored() throws {
        let p = try Self.townsPack(100)  // "area" shared by 100 intents
        defer { p.remove() }
        let engine = try Engine(packDirectory: p.dir)
        #expect(engine.matcher.candidates(for: engine.analyse("what is the area of towncv?")).count >= 100)
    }
}

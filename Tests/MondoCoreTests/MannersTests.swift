import Foundation
import Testing
@testable import MondoCore

/// The Normans pack, loaded once for these tests.
let normansEngine: Engine = {
    do { return try Engine(packDirectory: Repo.root + "/Examples/normans/Intents") } catch { fatalError("normans pack does not load:\n\(error)") }
}()

/// Conversation manners: small talk recognised from the language data, answered from the pack's
/// settings with a `meta.…` intent, never taking a real question, never disturbing the context.
@Suite("Conversation manners")
struct MannersTests {
    static let smallTalk: [(String, MannerKind)] = [
        ("hi", .greeting), ("Hello!", .greeting), ("helo", .greeting), ("hey there", .greeting), ("Good morning, Mondo", .greeting),
        ("thanks", .thanks), ("thx", .thanks), ("thank u", .thanks), ("Thank you very much!", .thanks), ("thnaks", .thanks), ("ok thanks", .thanks),
        ("bye", .goodbye), ("thanks, bye!", .goodbye), ("see you later", .goodbye),
        ("help", .help), ("what can you do?", .help), ("what can u do", .help), ("hi, what can I ask?", .help),
        ("what is this about?", .about), ("What's this about?", .about),
        ("who are you?", .identity), ("who r u", .identity), ("hi there, who are you", .identity),
    ]

    @Test("small talk is recognised, typos and abbreviations included", arguments: smallTalk)
    func recognised(utterance: String, kind: MannerKind) {
        #expect(shippedEngine.manners.kind(of: utterance) == kind, "\(utterance)")
    }

    static let notSmallTalk = [
        "hi, how many japanese visited vietnam?", "thanks, and in 2023?", "who is the ambassador", "who are the investors",
        "what is this festival about", "help with what", "hello world", "how many visitors", "ok", "well",
    ]

    @Test("a question is never small talk, whatever polite words it holds", arguments: notSmallTalk)
    func notRecognised(utterance: String) {
        #expect(shippedEngine.manners.kind(of: utterance) == nil, "\(utterance)")
    }

    @Test("a greeting before a question does not hijack it")
    func greetingPrefix() {
        let r = ask("hi, how many japanese visited vietnam?")
        #expect(r.intent == "visitors.japanese_to_vietnam_2024")
        #expect(r.answer.contains("710,000"))
        #expect(ask("who is the ambassador").intent == "people.ito_naoki")
    }

    @Test("small talk answers with a meta intent, no facts, texts filled from the pack", arguments: [
        ("hi", "meta.greeting"), ("thanks", "meta.thanks"), ("bye", "meta.goodbye"),
        ("what can you do?", "meta.help"), ("what is this about?", "meta.about"), ("who are you?", "meta.identity"),
    ])
    func answered(utterance: String, intent: String) {
        for engine in [shippedEngine, normansEngine] {
            var ctx = DialogueContext()
            let r = engine.respond(to: utterance, context: &ctx)
            #expect(r.intent == intent, "\(utterance) → \(r.answer)")
            #expect(r.facts.isEmpty && r.reason == nil)
            #expect(!r.answer.contains("{{"), "\(r.answer)")
        }
    }

    @Test("what is this about is answered from the description and the topics, for either pack")
    func about() {
        for engine in [shippedEngine, normansEngine] {
            var ctx = DialogueContext()
            let r = engine.respond(to: "what is this about?", context: &ctx)
            #expect(r.answer.contains(engine.pack.settings.name))
            #expect(!engine.pack.settings.description.isEmpty && r.answer.contains(engine.pack.settings.description))
            for t in engine.pack.topicNames { #expect(r.answer.contains(t), "\(t) missing from \(r.answer)") }
        }
    }

    @Test("small talk leaves the dialogue context as it was: a follow-up after thanks follows the question before")
    func contextKept() {
        let e = shippedEngine
        var ctx = DialogueContext()
        _ = e.respond(to: "How many Japanese visited Viet Nam in 2024?", context: &ctx)
        let before = ctx
        for t in ["thanks", "hi", "what can you do?", "who are you"] {
            _ = e.respond(to: t, context: &ctx)
            var expected = before
            expected.turns = ctx.turns
            #expect(ctx == expected, "\(t) changed the context")
        }
        let r = e.respond(to: "and the other way round?", context: &ctx)
        #expect(r.intent == "visitors.vietnamese_to_japan_2024", "\(r.answer)")
        #expect(ctx.turns == 6)
    }

    @Test("a pack's manners texts replace the language data's; a bad one is an error at its place")
    func packOverride() throws {
        let dir = try copyOfShippedPack()
        let packFile = dir + "/pack.yaml"
        var text = try String(contentsOfFile: packFile, encoding: .utf8)
        text += "\nmanners:\n  greeting: \"Welcome to {{name}}!\"\n"
        try text.write(toFile: packFile, atomically: true, encoding: .utf8)
        var e = try Engine(packDirectory: dir)
        var ctx = DialogueContext()
        #expect(e.respond(to: "hello", context: &ctx).answer == "Welcome to \(e.pack.settings.name)!")
        #expect(e.respond(to: "thanks", context: &ctx).intent == "meta.thanks")
        try (text + "  goodby: \"So long\"\n  thanks: \"{{#x}} open\"\n").write(toFile: packFile, atomically: true, encoding: .utf8)
        do {
            e = try Engine(packDirectory: dir)
            Issue.record("a bad manners text loaded")
        } catch {
            let s = error.description
            #expect(s.contains("pack.yaml:") && s.contains("goodby") && s.contains("did you mean 'goodbye'"), "\(s)")
            #expect(s.contains("the manners text 'thanks'"), "\(s)")
        }
    }

    @Test("language data: texts are kept as written; an unknown text name or a broken template is an error")
    func languageTexts() throws {
        #expect(LanguageData.english.texts["greeting"]?.first == "H")
        for name in MannerKind.allCases.map(\.rawValue) + ["clarify_one", "clarify_two", "clarify_which", "clarify_no"] {
            #expect(LanguageData.english.texts[name] != nil, "\(name)")
        }
        let path = NSTemporaryDirectory() + "/manners-language-\(getpid()).yaml"
        try "texts:\n  greting: Hi\n  thanks: \"{{#a}}\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try LanguageFile.read(path: path)
            Issue.record("a bad texts entry loaded")
        } catch {
            #expect(error.description.contains("unknown text 'greting' in 'texts'; did you mean 'greeting'?"), "\(error.description)")
            #expect(error.description.contains(":3:"), "\(error.description)")
        }
    }

    @Test("one edit apart: a letter changed, added, removed or two swapped")
    func oneEdit() {
        #expect(Manners.oneEditApart("thanks", "thnaks"))
        #expect(Manners.oneEditApart("thanks", "thank"))
        #expect(Manners.oneEditApart("hello", "helllo"))
        #expect(!Manners.oneEditApart("thanks", "thanks"))
        #expect(!Manners.oneEditApart("thanks", "tanker"))
    }
}

/// A writable copy of the shipped pack, in a new temporary directory.
func copyOfShippedPack() throws -> String {
    let dir = NSTemporaryDirectory() + "/mondo-pack-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: Repo.intents, toPath: dir)
    return dir
}

import Foundation
@testable import MondoCore

/// Paths of the repository, found from this file's location (Tests/MondoCoreTests/Support.swift).
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var intents: String { root + "/Intents" }
    static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/packs/" + name }
}

/// The shipped pack, loaded and compiled once for all tests.
let shippedEngine: Engine = {
    do { return try Engine(packDirectory: Repo.intents) } catch { fatalError("shipped pack does not load:\n\(error)") }
}()

/// Asks one question in a fresh conversation.
func ask(_ q: String) -> Response {
    var ctx = DialogueContext()
    return shippedEngine.respond(to: q, context: &ctx)
}

/// The candidate standing of one intent for a question.
func standing(_ q: String, intent id: String) -> Candidate? {
    let e = shippedEngine
    let cands = e.matcher.candidates(for: e.analyse(q), describeAll: true)
    return cands.first { e.pack.intents[$0.intent].id == id }
}

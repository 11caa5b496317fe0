import Foundation
import Testing
@testable import MondoCore

/// One mistake, one error: a fact or concept that is defined but fails to load is reported where
/// it is defined, and references to it (intent facts, computations, templates, patterns) are not
/// reported again as unknown (Tests/Fixtures/packs/cascade).
@Suite("Loader: no follow-on errors")
struct LoaderFollowOnTests {
    static let dir = Repo.fixture("cascade")

    func errors() throws -> [Diagnostic] {
        do { _ = try Pack.load(from: Self.dir); Issue.record("the cascade pack loaded"); return [] }
        catch { return error.diagnostics.filter { $0.severity == .error } }
    }

    @Test func eachMistakeIsReportedOnce() throws {
        let errs = try errors()
        let a = Self.dir + "/topics/a.yaml", c = Self.dir + "/concepts.yaml"
        #expect(errs.map { "\($0.location!.path):\($0.location!.line): \($0.message)" } == [
            "\(c):3: concept name 'bad-name' may only use letters, digits and '_'",
            "\(a):5: value must be a number, not 'many'",
            "\(a):15: unknown fact type 'dat'; did you mean 'date'?",
            "\(a):32: unknown fact 'opening_dya'; did you mean 'opening_day'?",
        ], "\(errs.map(\.description).joined(separator: "\n"))")
    }

    @Test func noUnknownErrorNamesAFailedDefinition() throws {
        for d in try errors() {
            #expect(!d.message.contains("unknown fact 'visitors_2024'"))
            #expect(!d.message.contains("'~bad-name'"))
            #expect(!d.message.hasPrefix("answer names"), "\(d)")
            #expect(!d.message.hasPrefix("computation"), "\(d)")
        }
    }

    @Test func noDiagnosticIsRepeated() throws {
        let errs = try errors()
        #expect(Set(errs).count == errs.count)
    }
}

/// A file that is not valid YAML is one error: the names it defines are not reported as unknown
/// wherever other files use them.
@Suite("Loader: a YAML syntax error is one error")
struct LoaderSyntaxErrorTests {
    static let concepts = """
    concepts:
      # the two countries
      japan:
        class: country
        terms: [japan, nippon
      vietnam: {class: country, terms: [viet nam]}
      visit: [visit, visitor]
    """
    static let facts = """
    facts:
      - id: jp_visitors
        type: quantity
        label: Japanese visitors
        value: [710000
        unit: people
        source: Q1
    """
    static let intents = """
    intents:
      - id: visits.jp
        require: [~visit, ~japan]
        slots: {source: japan, target: vietnam}
        facts: [jp_visitors]
        answer: "{{jp_visitors.display}}"
      - id: visits.typo
        require: [~visti]
        facts: [jp_visitor]
        answer: "x"
    """

    func errors(brokenConcepts: Bool) throws -> [Diagnostic] {
        let dir = NSTemporaryDirectory() + "mondo-yaml-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/topics", withIntermediateDirectories: true)
        try "name: t\n".write(toFile: dir + "/pack.yaml", atomically: true, encoding: .utf8)
        let concepts = brokenConcepts ? Self.concepts : Self.concepts.replacingOccurrences(of: "nippon\n", with: "nippon]\n")
        try concepts.write(toFile: dir + "/concepts.yaml", atomically: true, encoding: .utf8)
        try Self.facts.write(toFile: dir + "/topics/a_facts.yaml", atomically: true, encoding: .utf8)
        try Self.intents.write(toFile: dir + "/topics/b_intents.yaml", atomically: true, encoding: .utf8)
        do { _ = try Pack.load(from: dir); return [] } catch { return error.diagnostics.filter { $0.severity == .error } }
    }

    @Test func brokenConceptsAndFactsFiles() throws {
        let errs = try errors(brokenConcepts: true)
        let names = errs.map { ($0.location.map { ($0.path as NSString).lastPathComponent } ?? "", String($0.message.prefix(13))) }
        // One syntax error per broken file; the typos of the last intent are still reported.
        #expect(names.map(\.0) == ["concepts.yaml", "a_facts.yaml", "b_intents.yaml", "b_intents.yaml"], "\(errs)")
        #expect(names.map(\.1) == ["invalid YAML:", "invalid YAML:", "unknown conce", "unknown fact "], "\(errs)")
    }

    @Test func onlyTheFactsFileBroken() throws {
        let errs = try errors(brokenConcepts: false)
        #expect(errs.count == 3, "\(errs)")
        #expect(!errs.contains { $0.message.hasPrefix("unknown fact 'jp_visitors'") || $0.message.hasPrefix("unknown concept '~japan'") })
    }
}

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
